/** Lambda entry of the submission function: dependencies built once per cold start, then Hono's adapter. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../shared/config';
import { createDepsWithAttachments } from '../attachment-deps';
import { createSubmissionApp } from './app';

export const handler = handle(createSubmissionApp(createDepsWithAttachments(loadConfig())));
