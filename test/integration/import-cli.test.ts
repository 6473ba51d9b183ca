/**
 * `npm run import` against a real server: it reads the cycle's form from the API (`GET /cycles/{cycle}`)
 * and imports through the import route, both with the typed client.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** Runs the import command (asynchronously: the server answers from this process). */
function runImport(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--api', api.url, ...args], { env: { ...process.env, IMPORT_TOKEN: api.tokens.admin } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import', () => {
  it("imports a document and submits it on the country's behalf, with the form read from the API", async () => {
    const { code, stdout, stderr } = await runImport('--cycle', '2014', '--submit', 'data/seeds/kosovo-2014.txt');
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/✔ data\/seeds\/kosovo-2014\.txt \(XK\): imported \d+ answers, \d+ nothing to report; report submitted/);
    const history = await (await api.call('GET', '/cycles/2014/reports/XK/history', { token: api.tokens.reviewer })).json();
    expect(history.events.at(-1)).toMatchObject({ action: 'submitImport', actor: { sub: 'adm-1' }, detail: expect.stringContaining('kosovo-2014.txt') });
  });

  it('checks a document without writing on --dry-run', async () => {
    const { code, stdout } = await runImport('--cycle', '2014', '--dry-run', 'data/seeds/montenegro-2014.txt');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\(ME\): would import \d+ answers/);
    expect((await (await api.call('GET', '/cycles/2014/reports/ME', { token: api.tokens.reviewer })).json()).version).toBe(0);
  });

  it('refuses a cycle the API does not know', async () => {
    const { code, stderr } = await runImport('--cycle', '2099', 'data/seeds/montenegro-2014.txt');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown cycle 2099');
  });
});
