import { routes } from '../functions/approval/routes';
export const handler = () => routes;
