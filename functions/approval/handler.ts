/** Lambda entry of the approval function: dependencies built once per cold start, then Hono's adapter. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../shared/config';
import { createDeps } from '../deps';
import { createApprovalApp } from './app';

export const handler = handle(createApprovalApp(createDeps(loadConfig())));
