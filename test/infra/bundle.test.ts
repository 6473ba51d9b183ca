/**
 * The one test that bundles for real: esbuild builds every function of the table as a deploy
 * would; each bundle must export `handler`, and Node must be able to load it the way the Lambda
 * runtime does at cold start (which catches ESM/CommonJS and module-order problems). The Node that
 * loads them is the one running the tests (`process.execPath`), so it must be of the Lambda runtime's
 * major version (`.ci/run` installs it), or a pass here says nothing about a cold start on Lambda.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFunction } from '../../infra/build';
import { FUNCTIONS } from '../../infra/function-table';
import { apiGatewayEvent } from '../support/api-gateway';
import { initFiles } from '../support/bundle-files';
import { tempDir } from '../support/temp';
import { configFrom, synth, TEST_JWKS } from './synth';

/** Environment the apps parse at cold start (shared/config.ts); no request is made. */
const LAMBDA_ENV = {
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'bundle-test',
  BUCKET_NAME: 'bundle-test',
  AUTH_ISSUER: 'urn:alliance-reporting:local',
  AUTH_JWKS: TEST_JWKS,
  LOG_LEVEL: 'silent',
};

const outdir = mkdtempSync(join(tmpdir(), 'alliance-cdk-'));
const bundles = new Map<string, string>();
/** Each function's Lambda runtime as deployed, e.g. `nodejs22.x`. */
const runtimes = new Map<string, string>();

beforeAll(() => {
  const { api, app } = synth(configFrom(), { bundle: true, outdir });
  app.synth();
  const template = JSON.parse(readFileSync(join(outdir, `${api.stackName}.template.json`), 'utf8'));
  const assets = JSON.parse(readFileSync(join(outdir, `${api.stackName}.assets.json`), 'utf8')).files as Record<string, { source: { path: string } }>;
  for (const fn of FUNCTIONS) {
    const resource = Object.values<any>(template.Resources).find(
      (r) => r.Type === 'AWS::Lambda::Function' && new RegExp(` ${fn.name} (API|job) `).test(r.Properties.Description ?? ''),
    );
    const hash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, '');
    bundles.set(fn.name, join(outdir, assets[hash]!.source.path, 'index.mjs'));
    runtimes.set(fn.name, resource.Properties.Runtime);
  }
  const kib = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KiB`;
  console.log(
    'Bundle sizes (minified ESM, source map beside it):\n' +
      [...bundles].map(([name, file]) => `  ${name}: index.mjs ${kib(file)}, index.mjs.map ${kib(`${file}.map`)}`).join('\n'),
  );
}, 120_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('function bundles', { timeout: 60_000 }, () => {
  it.each(FUNCTIONS.map((f) => f.name))('%s: the bundle loads in the Node of its Lambda runtime, and exports handler as a function', (name) => {
    const nodeMajor = process.versions.node.split('.')[0];
    expect(`nodejs${nodeMajor}.x`, `${name} runs on Lambda's ${runtimes.get(name)}; this test runs on Node ${process.version}`).toBe(runtimes.get(name));
    const url = pathToFileURL(bundles.get(name)!).href;
    const load = `try { const m = await import(${JSON.stringify(url)}); process.stdout.write(typeof m.handler); } catch (e) { process.stdout.write('failed at cold start: ' + (e?.stack ?? e).split('\\n').slice(0, 2).join(' ')); }`;
    const result = execFileSync(process.execPath, ['--input-type=module', '-e', load], { env: LAMBDA_ENV, encoding: 'utf8' });
    expect(result, name).toBe('function');
  });

  /**
   * What a function loads at cold start is its entry and one chunk (infra/build.ts, `initInOneChunk`):
   * without it esbuild spread that code over as many chunks as there are sets of lazy modules sharing a
   * part of it (web: 28 files). The lazy code stays out of them: submission's S3 client (its operations'
   * names) is only in its lazy chunks.
   */
  it.each(FUNCTIONS.map((f) => f.name))('%s: loads its entry and one chunk at cold start, and nothing of its lazy chunks', (name) => {
    const entry = bundles.get(name)!;
    const init = initFiles(entry);
    expect(init.map((f) => relative(dirname(entry), f).replace(/-\w+\.mjs$/, '.mjs')).sort()).toEqual(['chunks/chunk.mjs', 'index.mjs']);
    const lazy = (readdirSync(join(dirname(entry), 'chunks')) as string[]).map((f) => join(dirname(entry), 'chunks', f)).filter((f) => f.endsWith('.mjs') && !init.includes(f));
    expect(lazy.length, name).toBeGreaterThan(0);
    if (name === 'submission') {
      const code = (files: string[]) => files.map((f) => readFileSync(f, 'utf8')).join('\n');
      expect({ init: code(init).includes('"PutObject"'), lazy: code(lazy).includes('"PutObject"') }).toEqual({ init: false, lazy: true });
    }
  });

  /** A top-level `await` at start would wait forever for a lazy chunk that imports the start-up chunk: the build refuses it. */
  it('refuses function code that awaits at the top level', async () => {
    const dir = tempDir('alliance-tla');
    writeFileSync(join(dir, 'entry.ts'), "const ready = await import('./later');\nexport const handler = () => ready.value;\n");
    writeFileSync(join(dir, 'later.ts'), 'export const value = 1;\n');
    await expect(buildFunction(join(dir, 'entry.ts'), join(dir, 'out'))).rejects.toThrow(/cannot await at the top level/);
  });

  /**
   * The SDK clients' schemas are tree-shaken to the operations a function sends (infra/build.ts,
   * `sdkSchemaLiteralKeys`): without it the notifier carried every SESv2 operation's schema, the S3
   * chunks every S3 operation's and the Cognito chunk every Cognito one's. Operation names are string constants that only their schemas use.
   */
  const OPERATIONS: Record<string, { sends: string[]; not: string[] }> = {
    notifier: { sends: ['SendEmail'], not: ['SendBulkEmail', 'CreateContactList', 'PutDedicatedIpWarmupAttributes'] },
    submission: { sends: ['PutObject', 'HeadObject'], not: ['PutBucketCors', 'ListBuckets', 'SelectObjectContent'] },
    people: { sends: ['AdminCreateUser', 'ListUsersInGroup'], not: ['CreateUserPool', 'DeleteUserPool', 'SetRiskConfiguration'] },
  };
  it.each(Object.entries(OPERATIONS))('%s: the SDK clients carry the schemas of the operations it sends, not the others', (name, { sends, not }) => {
    const dir = dirname(bundles.get(name)!);
    const code = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const carried = (operation: string) => code.includes(`"${operation}"`);
    expect({ missing: sends.filter((op) => !carried(op)), unused: not.filter(carried) }).toEqual({ missing: [], unused: [] });
  });

  /**
   * Requests through the exported handler, as API Gateway sends them, on routes that need no table. They
   * load the lazy chunks (the OpenAPI document and every contract; a route's request schemas and the
   * validators made on its first request), which a missing or misnamed chunk, or a chunk whose side
   * effects did not run (zod without `.openapi()`), would fail at. An invalid path parameter is refused
   * with the 400 naming it before any read. The web pages read the cycles (DynamoDB) on every request, so
   * their bundle is answered against DynamoDB Local by `npm run bench:cold` and through the browser tests.
   */
  const REQUESTS: Record<string, Array<{ method: string; path: string; status: number; field?: string }>> = {
    submission: [
      { method: 'GET', path: '/openapi.json', status: 200 },
      { method: 'GET', path: '/cycles/20x4/reports/AL', status: 400, field: 'path.cycle' },
    ],
    review: [{ method: 'GET', path: '/cycles/2014/reports/A1/history', status: 400, field: 'path.country' }],
    approval: [{ method: 'POST', path: '/cycles/20x4/open', status: 400, field: 'path.cycle' }],
    people: [{ method: 'DELETE', path: '/users/no%20such%20id', status: 400, field: 'path.id' }],
  };
  const cases = FUNCTIONS.filter((f) => !f.catchAll && !f.trigger).flatMap((f) => (REQUESTS[f.name] ?? [{ method: 'GET', path: '/no-such-route', status: 404 }]).map((r) => ({ name: f.name, ...r })));
  it.each(cases)('$name: the bundle answers $method $path with $status through its lazy chunks', ({ name, method, path, status, field }) => {
    const event = apiGatewayEvent({ method, path, stage: 'test', headers: { host: 'abc.execute-api.eu-west-1.amazonaws.com' } });
    const url = pathToFileURL(bundles.get(name)!).href;
    const send = `const m = await import(${JSON.stringify(url)}); const r = await m.handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test' }); process.stdout.write(JSON.stringify({ status: r.statusCode, body: String(r.body ?? '') }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', send], { env: LAMBDA_ENV, encoding: 'utf8' })) as { status: number; body: string };
    expect(result.status, `${name} ${method} ${path}: ${result.body.slice(0, 300)}`).toBe(status);
    expect(result.body.length, `${name} ${method} ${path}`).toBeGreaterThan(0);
    if (field) expect((JSON.parse(result.body) as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toEqual([field]);
  });
});
