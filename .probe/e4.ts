import { createApprovalApp } from '../functions/approval/app';
export const handler = () => createApprovalApp;
