/** Lambda entry of the people function: dependencies built once per cold start, then Hono's adapter. */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../../shared/config';
import { createDeps } from '../deps';
import { createPeopleApp } from './app';

export const handler = handle(createPeopleApp(createDeps(loadConfig())));
