/**
 * The OpenAPI document as the real local server serves it: Redocly's recommended rules (the pinned
 * CLI, offline) find no error and no warning, and the typed client's checked-in types are the ones
 * generated from it. Either failure names the route and says what to do (the convention is at the
 * top of functions/openapi.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypes } from '../../scripts/client-types';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
let served: string;
let dir: string;

beforeAll(async () => {
  api = await startTestApi();
  const response = await api.call('GET', '/openapi.json');
  expect(response.status).toBe(200);
  served = await response.text();
  dir = mkdtempSync(join(tmpdir(), 'openapi-'));
});
afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

/** `#/paths/~1cycles~1{cycle}/get/responses` → `GET /cycles/{cycle} (responses)`. */
function where(pointer: string): string {
  const [, path, method, ...rest] = pointer.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (!pointer.startsWith('#/paths/')) return pointer;
  return `${method?.toUpperCase() ?? ''} ${path}${rest.length ? ` (${rest.join('/')})` : ''}`;
}

describe('the served OpenAPI document', () => {
  it("passes Redocly's recommended rules with no error and no warning, without the network", () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, served);
    const lint = spawnSync(
      process.execPath,
      ['--import', './test/support/no-network.mjs', 'node_modules/@redocly/cli/bin/cli.js', 'lint', '--config', 'redocly.yaml', '--format', 'json', file],
      { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } },
    );
    expect(lint.stderr).not.toMatch(/network access attempted/);
    const { totals, problems } = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    const found = problems.map((p) => `${p.severity} ${p.ruleId}: ${where(p.location[0]?.pointer ?? '')}: ${p.message}`);
    expect(
      found,
      `Redocly finds ${totals.errors} error(s) and ${totals.warnings} warning(s) in /openapi.json. Write route contracts with defineRoutes as the top of functions/openapi.ts says; do not relax redocly.yaml.`,
    ).toEqual([]);
    expect(lint.status).toBe(0);
  });

  it('gives the typed client exactly the checked-in types', async () => {
    const generated = await clientTypes(JSON.parse(served));
    expect(
      readFileSync(CLIENT_TYPES_FILE, 'utf8'),
      `${CLIENT_TYPES_FILE} is not what the served /openapi.json generates: run \`npm run client:generate\`, commit the file, and fix every caller \`npx tsc --noEmit -p .\` names (a broken caller is a broken client of the API).`,
    ).toBe(generated);
  });
});
