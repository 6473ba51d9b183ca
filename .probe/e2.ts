import * as s from '../shared/http/schemas';
export const handler = () => s;
