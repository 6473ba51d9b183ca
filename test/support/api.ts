/**
 * A real API server for HTTP tests: the local composition of the three apps, listening on a free
 * loopback port, over DynamoDB Local, with tokens of a development issuer made for the test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../shared/config';
import { createTokenVerifier } from '../../shared/http/auth';
import { createAttachmentStore, createS3Clients } from '../../shared/store/attachments';
import { ReportStore } from '../../shared/store/report-store';
import { serveApi, type RunningApi } from '../../functions/local/api';
import { ensureDevIssuer, type DevIssuer } from '../../functions/local/dev-issuer';
import { request } from './http';
import { countingDocumentClient, createTestTable, type CountingClient } from './dynamo';

export interface TestApi extends RunningApi {
  issuer: DevIssuer;
  dataDir: string;
  tableName: string;
  store: ReportStore;
  dynamo: CountingClient;
  tokens: { me: string; xk: string; reviewer: string; admin: string };
  /** fetch against the server with an optional bearer token and JSON body. */
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export async function startTestApi(): Promise<TestApi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alliance-test-'));
  const issuer = await ensureDevIssuer(dataDir);
  const tableName = await createTestTable('api');
  const config = loadConfig({ ...process.env, TABLE_NAME: tableName, AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience, AUTH_JWKS: issuer.jwks });
  const dynamo = countingDocumentClient();
  const store = new ReportStore({ doc: dynamo.doc, tableName });
  const attachments = createAttachmentStore({ doc: dynamo.doc, ...createS3Clients(config), tableName, bucket: config.BUCKET_NAME });
  const api = await serveApi({ store, attachments, verifier: createTokenVerifier(config) }, { port: 0 });
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
    store,
    dynamo,
    tokens,
    call: (method, path, options) => request(api.url, method, path, options),
  };
}
