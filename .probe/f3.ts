import '../shared/form';
export const handler = () => 1;
