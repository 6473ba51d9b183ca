import '../shared/form/schema';
export const handler = () => 1;
