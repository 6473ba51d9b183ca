/**
 * A real API server for HTTP tests: the local composition of the three apps, listening on a free
 * loopback port, over DynamoDB Local, with tokens of a development issuer made for the test.
 */
import type { AppDepsWithAttachments } from '../../functions/attachment-deps';
import { serveApi, type RunningApi } from '../../functions/local/api';
import type { DevIssuer } from '../../functions/local/dev-issuer';
import { createTestDeps, type TestClock } from './deps';
import { request } from './http';
import { countingDocumentClient, type CountingClient } from './dynamo';

export interface TestApi extends RunningApi {
  issuer: DevIssuer;
  dataDir: string;
  tableName: string;
  /** The server's own dependencies: tests arrange state through the use cases with them. */
  deps: AppDepsWithAttachments;
  dynamo: CountingClient;
  /** The clock of the server's cycle cache. */
  clock: TestClock;
  tokens: { me: string; xk: string; reviewer: string; admin: string };
  /** fetch against the server with an optional bearer token and JSON body. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export async function startTestApi(): Promise<TestApi> {
  const dynamo = countingDocumentClient();
  const { deps, clock, issuer, dataDir, tableName } = await createTestDeps('api', dynamo.doc);
  const api = await serveApi(deps, { port: 0 });
  const tokens = {
    me: await issuer.sign({ sub: 'rap-me', name: 'Rapporteur of Montenegro', roles: ['rapporteur'], country: 'ME' }),
    xk: await issuer.sign({ sub: 'rap-xk', name: 'Rapporteur of Kosovo', roles: ['rapporteur'], country: 'XK' }),
    reviewer: await issuer.sign({ sub: 'rev-1', name: 'Reviewer One', roles: ['reviewer'] }),
    admin: await issuer.sign({ sub: 'adm-1', name: 'Admin One', roles: ['admin'] }),
  };
  return {
    ...api,
    issuer,
    dataDir,
    tableName,
    deps,
    dynamo,
    clock,
    tokens,
    call: (method, path, options) => request(api.url, method, path, options),
  };
}
