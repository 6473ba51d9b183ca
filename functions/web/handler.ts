/** Lambda entry of the web function: dependencies built once per cold start, then Hono's adapter. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../shared/config';
import { createDepsWithAttachments } from '../attachment-deps';
import { createWebApp } from './app';
import { loadWebOptions } from './config';

export const handler = handle(createWebApp(createDepsWithAttachments(loadConfig()), loadWebOptions()));
