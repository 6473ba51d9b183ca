import '../shared/form';
import '../shared/workflow';
export const handler = () => 1;
