/**
 * The typed API client: openapi-fetch over the types generated from the served /openapi.json
 * (schema.ts, `npm run client:generate`). Paths, parameters, bodies and responses are checked by
 * TypeScript; a contract change that breaks a caller fails the typecheck. Used by `npm run import`
 * and the end-to-end test, and the way to script against the API (README).
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiClient = Client<paths>;
export type Problem = components['schemas']['Problem'];

/** A client of the API at `baseUrl` (a deployment's stage URL or the local server), with a bearer token when given. */
export function createApiClient(baseUrl: string, token?: string): ApiClient {
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), headers: token ? { authorization: `Bearer ${token}` } : {} });
}
