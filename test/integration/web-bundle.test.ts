/**
 * The web function as deployed (infra/build.ts: minified ESM with code splitting), loaded by a fresh
 * Node and sent API Gateway events through its `handler` against DynamoDB Local: one page or form of
 * every route group, so each group's lazy chunk (functions/web/lazy.ts) and the page chunks it loads
 * must be in the bundle and work there; and an attachment's round trip, so the bundled S3 client (its
 * schemas tree-shaken by infra/build.ts) signs and sends what the local S3 server accepts.
 * (test/infra/bundle.test.ts loads the API bundles without a table.)
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFunction } from '../../infra/build';
import { findCycle } from '../../shared/form';
import { CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, csrfToken } from '../../functions/web/session';
import { apiGatewayEvent } from '../support/api-gateway';
import { createTestDeps, type TestDeps } from '../support/deps';
import { tempDir } from '../support/temp';

const outdir = tempDir('alliance-web-bundle');
const SECTION = findCycle('2014')!.sectionIds[0]!;
/** A well-formed attachment id that no attachment has. */
const NO_FILE = 'A'.repeat(22);
const HOST = 'abc123.execute-api.eu-west-1.amazonaws.com';
let test: TestDeps;
let tokens: Record<'rapporteur' | 'reviewer' | 'admin', string>;

beforeAll(async () => {
  await buildFunction('functions/web/handler.ts', outdir);
  test = await createTestDeps('web-bundle');
  tokens = {
    rapporteur: await test.issuer.sign({ sub: 'rap-al', name: 'Rapporteur of Albania', roles: ['rapporteur'], country: 'AL' }),
    reviewer: await test.issuer.sign({ sub: 'rev-1', name: 'Reviewer One', roles: ['reviewer'] }),
    admin: await test.issuer.sign({ sub: 'adm-1', name: 'Admin One', roles: ['admin'] }),
  };
}, 120_000);

interface Request {
  method: 'GET' | 'POST';
  path: string;
  as?: keyof typeof tokens;
  form?: Record<string, string>;
  /** A JSON body, as the page's script posts it (CSRF token in its header). */
  json?: unknown;
}

/** The API Gateway event of a request of the `bundle` stage, with the session cookie and, for a form, its CSRF token. */
function eventOf({ method, path, as, form, json }: Request) {
  const token = as ? tokens[as] : undefined;
  const body = form ? new URLSearchParams({ ...form, ...(token ? { [CSRF_FIELD]: csrfToken(token) } : {}) }).toString() : json !== undefined ? JSON.stringify(json) : null;
  const headers: Record<string, string> = {
    accept: json !== undefined ? 'application/json' : 'text/html',
    host: HOST,
    'x-forwarded-proto': 'https',
    ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}),
    ...(form ? { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${HOST}` } : {}),
    ...(json !== undefined ? { 'content-type': 'application/json', origin: `https://${HOST}`, ...(token ? { [CSRF_HEADER]: csrfToken(token) } : {}) } : {}),
  };
  return apiGatewayEvent({ method, path, stage: 'bundle', headers, body });
}

/** Sends the requests, in order, through the bundle's handler in one fresh Node (one cold start). */
async function sendAll(requests: Request[]): Promise<Array<{ status: number; location?: string; body: string }>> {
  const url = pathToFileURL(join(outdir, 'index.mjs')).href;
  const script = `
    const { handler } = await import(${JSON.stringify(url)});
    const out = [];
    for (const event of JSON.parse(process.env.EVENTS)) {
      const r = await handler(event, { awsRequestId: 'web-bundle', getRemainingTimeInMillis: () => 25000 });
      out.push({ status: r.statusCode, location: r.headers?.location ?? r.multiValueHeaders?.location?.[0], body: String(r.body ?? '') });
    }
    process.stdout.write(JSON.stringify(out));`;
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB!,
    AWS_ENDPOINT_URL_S3: process.env.AWS_ENDPOINT_URL_S3!,
    S3_FORCE_PATH_STYLE: 'true',
    TABLE_NAME: test.tableName,
    BUCKET_NAME: process.env.BUCKET_NAME!,
    AUTH_ISSUER: test.issuer.issuer,
    AUTH_AUDIENCE: test.issuer.audience,
    AUTH_JWKS: test.issuer.jwks,
    WEB_BASE_URL: `https://${HOST}/bundle`,
    LOG_LEVEL: 'silent',
    EVENTS: JSON.stringify(requests.map(eventOf)),
  };
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env, maxBuffer: 16 << 20 });
  return JSON.parse(stdout);
}

/** The text of a page's <h1>, tags removed. */
const heading = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();

describe('the web bundle as deployed', () => {
  it('answers a page or form of every route group through its lazy chunks', { timeout: 60_000 }, async () => {
    const report = `/reports/2014/AL`;
    const section = `${report}/sections/${SECTION}`;
    const cases: Array<Request & { status: number; shows: RegExp; says?: RegExp }> = [
      // Neither OIDC nor the development sign-in is configured here: the sign-in group answers that.
      { method: 'GET', path: '/sign-in', status: 503, shows: /Signing in is not available/ },
      { method: 'GET', path: report, as: 'rapporteur', status: 200, shows: /^Albania: 2014 report$/ },
      { method: 'GET', path: section, as: 'rapporteur', status: 200, shows: new RegExp(`^Section ${SECTION.replace(/\./g, '\\.')} `) },
      { method: 'GET', path: `${section}/revisions`, as: 'rapporteur', status: 200, shows: /^Revisions of section / },
      { method: 'POST', path: `${section}/comments`, as: 'reviewer', form: { text: '' }, status: 400, shows: /^Albania: 2014 report$/, says: /write something/ },
      { method: 'GET', path: `${section}/attachments/${NO_FILE}`, as: 'rapporteur', status: 404, shows: /^Page not found$/, says: new RegExp(`Section ${SECTION} has no attachment ${NO_FILE}`) },
      { method: 'GET', path: '/public/2014', status: 200, shows: /^Published reports, 2014$/ },
      { method: 'GET', path: '/questions/2014', status: 200, shows: /^Questions of the 2014 form$/ },
      { method: 'GET', path: '/admin/cycles', as: 'admin', status: 200, shows: /^Reporting cycles$/ },
      { method: 'GET', path: '/admin/people', as: 'admin', status: 200, shows: /^People$/ },
    ];
    const answers = await sendAll(cases);
    const seen = answers.map((a, i) => ({ request: `${cases[i]!.method} ${cases[i]!.path}`, status: a.status, heading: heading(a.body) }));
    expect(seen.map((s) => s.status), JSON.stringify(seen, null, 1)).toEqual(cases.map((c) => c.status));
    for (const [i, c] of cases.entries()) {
      expect(seen[i]!.heading ?? '', seen[i]!.request).toMatch(c.shows);
      if (c.says) expect(answers[i]!.body.replace(/<[^>]+>/g, ' '), seen[i]!.request).toMatch(c.says);
    }
  });

  it('uploads an attachment through the bundled S3 client: a presigned PUT, completed, then downloaded', { timeout: 60_000 }, async () => {
    const base = `/reports/2014/AL/sections/${SECTION}/attachments`;
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024, 7), Buffer.from('\n%%EOF\n')]);
    const [ticketAnswer] = await sendAll([{ method: 'POST', path: base, as: 'rapporteur', json: { filename: 'Law on Criminal Procedure.pdf', contentType: 'application/pdf', size: bytes.length } }]);
    expect(ticketAnswer!.status, ticketAnswer!.body).toBe(201);
    const ticket = JSON.parse(ticketAnswer!.body) as { id: string; uploadUrl: string; headers: Record<string, string> };
    expect((await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: new Uint8Array(bytes) })).status).toBe(200);

    const [completed, download] = await sendAll([
      { method: 'POST', path: `${base}/${ticket.id}/complete`, as: 'rapporteur', json: {} },
      { method: 'GET', path: `${base}/${ticket.id}`, as: 'rapporteur' },
    ]);
    expect(completed!.status, completed!.body).toBe(200);
    expect(JSON.parse(completed!.body)).toMatchObject({ id: ticket.id, size: bytes.length, contentType: 'application/pdf' });
    expect(download!.status).toBe(302);
    const file = await fetch(download!.location!);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
  });
});
