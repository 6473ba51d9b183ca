/**
 * The configurations (shared/config.ts, functions/web/config.ts): defaults, coercions and one error
 * naming every bad variable, in zod's English words; and zod's JIT off. Pure: no I/O.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PROJECT_ROOT } from '../../infra/build';
import { FUNCTIONS } from '../../infra/function-table';
import { loadWebOptions } from '../../functions/web/config';
import { loadConfig } from '../../shared/config';

const minimal = { AUTH_ISSUER: 'https://id.example.org', AUTH_JWKS: '{"keys":[]}' };

describe('loadConfig', () => {
  it('fills the defaults and reads the flags', () => {
    const config = loadConfig({ ...minimal, S3_FORCE_PATH_STYLE: '1' });
    expect(config).toMatchObject({ TABLE_NAME: 'alliance-reporting', BUCKET_NAME: 'alliance-reporting-attachments', S3_FORCE_PATH_STYLE: true, MAIL_FROM: 'Alliance Reporting <no-reply@alliance-reporting.local>' });
    expect(loadConfig(minimal).S3_FORCE_PATH_STYLE).toBe(false);
    expect(loadConfig({ ...minimal, S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(loadConfig({ ...minimal, TABLE_NAME: 'reports-prod' }).TABLE_NAME).toBe('reports-prod');
  });

  it('names every bad variable, with its reason in English', () => {
    let message = '';
    try {
      loadConfig({ AUTH_JWKS_URL: 'not a url', S3_FORCE_PATH_STYLE: 'yes', TABLE_NAME: '' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/AUTH_ISSUER: Invalid input: expected string, received undefined/);
    expect(message).toMatch(/AUTH_JWKS_URL: Invalid URL/);
    expect(message).toMatch(/S3_FORCE_PATH_STYLE: Invalid option: expected one of .*"true"/);
    expect(message).toMatch(/TABLE_NAME: Too small: expected string to have >=1 characters/);
  });

  it('wants the issuer keys inline or by URL', () => {
    expect(() => loadConfig({ AUTH_ISSUER: 'https://id.example.org' })).toThrow(/AUTH_JWKS_URL or AUTH_JWKS: one is required/);
    expect(loadConfig({ AUTH_ISSUER: 'https://id.example.org', AUTH_JWKS_URL: 'https://id.example.org/jwks.json' }).AUTH_JWKS_URL).toBe('https://id.example.org/jwks.json');
  });
});

describe('zod in a process that loads the configuration', () => {
  /** The code zod compiles (`new Function`) while building a small object schema and parsing with it. */
  function compiledByAParse(): string[] {
    const compiled: string[] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        compiled.push(String(args.at(-1)));
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const Item = z.object({ id: z.string(), version: z.number().int(), by: z.object({ sub: z.string() }) });
      expect(Item.parse({ id: '1.1.A', version: 2, by: { sub: 'rev-1' }, extra: true })).toEqual({ id: '1.1.A', version: 2, by: { sub: 'rev-1' } });
    } finally {
      globalThis.Function = original;
    }
    return compiled;
  }

  it('parses without compiling code (no JIT: cheaper first parses at a cold start)', () => {
    expect(z.config().jitless).toBe(true);
    expect(compiledByAParse()).toEqual([]);
    // The probe sees zod's JIT when it is on.
    z.config({ jitless: false });
    try {
      expect(compiledByAParse().length).toBeGreaterThan(0);
    } finally {
      z.config({ jitless: true });
    }
  });

  it("is loaded by every function's entry before any other module of the project (zod reads the setting when a schema is built)", () => {
    const entries = [...FUNCTIONS.map((fn) => fn.entry), 'functions/local/main.ts'];
    for (const entry of entries) {
      const source = readFileSync(join(PROJECT_ROOT, entry), 'utf8');
      const firstOwn = /^import [^;]*? from '(\.[^']*)';$/m.exec(source)?.[1];
      expect(firstOwn, entry).toMatch(/\/shared\/config$/);
    }
  });
});

describe('loadWebOptions', () => {
  it('builds the OIDC client with its default scopes', () => {
    const options = loadWebOptions({ WEB_BASE_URL: 'https://reporting.example.org', OIDC_AUTHORIZE_URL: 'https://id.example.org/authorize', OIDC_TOKEN_URL: 'https://id.example.org/token', OIDC_CLIENT_ID: 'web' });
    expect(options).toEqual({ baseUrl: 'https://reporting.example.org', oidc: { authorizeUrl: 'https://id.example.org/authorize', tokenUrl: 'https://id.example.org/token', clientId: 'web', scopes: 'openid email profile' } });
    expect(loadWebOptions({})).toEqual({});
  });

  it('keeps the sign-out endpoint when there is one', () => {
    const oidc = { WEB_BASE_URL: 'https://reporting.example.org', OIDC_AUTHORIZE_URL: 'https://id.example.org/authorize', OIDC_TOKEN_URL: 'https://id.example.org/token', OIDC_CLIENT_ID: 'web' };
    expect(loadWebOptions({ ...oidc, OIDC_LOGOUT_URL: 'https://id.example.org/logout', OIDC_SCOPES: 'openid' }).oidc).toEqual({ authorizeUrl: oidc.OIDC_AUTHORIZE_URL, tokenUrl: oidc.OIDC_TOKEN_URL, clientId: 'web', scopes: 'openid', logoutUrl: 'https://id.example.org/logout' });
  });

  it('refuses a bad URL, a half-configured OIDC client and OIDC without the public URL', () => {
    expect(() => loadWebOptions({ OIDC_TOKEN_URL: 'token' })).toThrow(/OIDC_TOKEN_URL: Invalid URL/);
    expect(() => loadWebOptions({ OIDC_CLIENT_ID: 'web' })).toThrow(/OIDC_AUTHORIZE_URL, OIDC_TOKEN_URL and OIDC_CLIENT_ID go together/);
    expect(() => loadWebOptions({ OIDC_AUTHORIZE_URL: 'https://id.example.org/authorize', OIDC_TOKEN_URL: 'https://id.example.org/token', OIDC_CLIENT_ID: 'web' })).toThrow(/WEB_BASE_URL is required with OIDC/);
  });
});
