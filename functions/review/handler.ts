/** Lambda entry of the review function: dependencies built once per cold start, then Hono's adapter. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../shared/config';
import { createDeps } from '../deps';
import { createReviewApp } from './app';

export const handler = handle(createReviewApp(createDeps(loadConfig())));
