/**
 * The OIDC sign-in of the web app (authorization code + PKCE), against a stand-in provider whose
 * token endpoint checks the PKCE verifier and answers with an ID token of a development issuer.
 * No browser needed: the redirects are followed by hand with app.request().
 */
import { serve } from '@hono/node-server';
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevIssuer, type DevIssuer, type TokenClaims } from '../../functions/local/dev-issuer';
import type { AppDepsWithAttachments } from '../../functions/attachment-deps';
import { createWebApp } from '../../functions/web/app';
import { loadWebOptions } from '../../functions/web/config';
import { csrfToken } from '../../functions/web/session';
import { tempDir } from '../support/temp';
import { createTokenVerifier } from '../../shared/http/auth';
import { codeCycleCatalog } from '../support/deps';

let issuer: DevIssuer;
let provider: { url: string; close(): void };
/** What the stand-in provider knows: code → the PKCE challenge and nonce it was issued for. */
const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string }>();

beforeAll(async () => {
  issuer = await ensureDevIssuer(tempDir('web-oidc'));
  const app = new Hono().post('/oauth2/token', async (c) => {
    const form = await c.req.parseBody();
    const grant = codes.get(String(form.code));
    const verifier = String(form.code_verifier ?? '');
    if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge || form.redirect_uri !== grant.redirectUri || form.client_id !== 'web-client') {
      return c.json({ error: 'invalid_grant' }, 400);
    }
    const claims = { sub: 'cognito-user-1', name: 'Ministry Official', roles: ['rapporteur'], country: 'ME', nonce: grant.nonce } as TokenClaims;
    return c.json({ id_token: await issuer.sign(claims), token_type: 'Bearer' });
  });
  provider = await new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }));
  });
});

afterAll(() => provider?.close());

function webApp(tokenUrl = `${provider.url}/oauth2/token`) {
  const verifier = createTokenVerifier({ AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience, AUTH_JWKS: issuer.jwks, AUTH_JWKS_URL: undefined });
  const options = loadWebOptions({
    WEB_BASE_URL: 'https://reporting.example.org/prod',
    OIDC_AUTHORIZE_URL: 'https://auth.example.org/oauth2/authorize',
    OIDC_TOKEN_URL: tokenUrl,
    OIDC_CLIENT_ID: 'web-client',
    OIDC_LOGOUT_URL: 'https://auth.example.org/logout',
  });
  // Sign-in touches neither the store nor the attachments; the pages' navigation reads the cycles.
  return createWebApp({ verifier, cycles: codeCycleCatalog() } as unknown as AppDepsWithAttachments, options);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');

describe('OIDC sign-in with authorization code and PKCE', () => {
  it('redirects to the provider with an S256 challenge, exchanges the code server-side and sets a secure session cookie', async () => {
    const app = webApp();
    const start = await app.request('https://reporting.example.org/sign-in?next=/reports/2014/ME');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin + authorize.pathname).toBe('https://auth.example.org/oauth2/authorize');
    const p = authorize.searchParams;
    expect(Object.fromEntries(['response_type', 'client_id', 'redirect_uri', 'code_challenge_method'].map((k) => [k, p.get(k)]))).toEqual({
      response_type: 'code',
      client_id: 'web-client',
      redirect_uri: 'https://reporting.example.org/prod/auth/callback',
      code_challenge_method: 'S256',
    });
    const loginCookie = start.headers.getSetCookie().find((c) => c.startsWith(`ar_login_${p.get('state')}=`))!;
    expect(loginCookie).toMatch(/HttpOnly/);
    expect(loginCookie).toMatch(/Max-Age=600/);
    expect(loginCookie).toMatch(/Secure/);
    expect(loginCookie).toMatch(/Path=\/prod/);

    codes.set('code-1', { challenge: p.get('code_challenge')!, nonce: p.get('nonce')!, redirectUri: p.get('redirect_uri')! });
    const callback = await app.request(`https://reporting.example.org/auth/callback?code=code-1&state=${p.get('state')}`, { headers: { cookie: cookiesOf(start) } });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/prod/reports/2014/ME');
    const session = callback.headers.getSetCookie().find((c) => c.startsWith('ar_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    // The login cookie is used up; pages over https carry HSTS and the CSP.
    expect(callback.headers.getSetCookie().some((c) => c.startsWith(`ar_login_${p.get('state')}=;`))).toBe(true);
    expect(callback.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);

    // Sign-out (a form post with the session's token) clears the cookie and continues at the provider's logout endpoint.
    const jwt = session.split(';')[0]!.slice('ar_session='.length);
    const signOut = await app.request('https://reporting.example.org/sign-out', {
      method: 'POST',
      headers: { cookie: cookiesOf(callback), origin: 'https://reporting.example.org', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfToken(jwt) }).toString(),
    });
    expect(signOut.status).toBe(303);
    const logout = new URL(signOut.headers.get('location')!);
    expect(logout.origin + logout.pathname).toBe('https://auth.example.org/logout');
    expect(logout.searchParams.get('logout_uri')).toBe('https://reporting.example.org/prod/');
    expect(signOut.headers.getSetCookie().some((c) => c.startsWith('ar_session=;'))).toBe(true);
  });

  it('refuses a callback whose state does not match the sign-in started in this browser, on a page that offers to sign in again', async () => {
    const app = webApp();
    const start = await app.request('https://reporting.example.org/sign-in?next=/reports/2014/ME');
    const res = await app.request('https://reporting.example.org/auth/callback?code=x&state=forged', { headers: { cookie: cookiesOf(start) } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('location')).toBeNull();
    const html = await res.text();
    expect(html).toContain('Signing in did not work');
    expect(html).toContain('href="/prod/sign-in?next=%2F"');
    expect(html).toContain('Sign in again');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ar_session=') && !c.startsWith('ar_session=;'))).toBe(false);
  });

  it("shows the provider's refusal, escaped, with a way to sign in again, and never loops back to the callback", async () => {
    const app = webApp();
    const start = await app.request('https://reporting.example.org/sign-in?next=/reports/2014/ME');
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const description = 'User <b>cancelled</b> the login';
    const res = await app.request(`https://reporting.example.org/auth/callback?error=access_denied&error_description=${encodeURIComponent(description)}&state=${state}`, {
      headers: { cookie: cookiesOf(start) },
    });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('access_denied: User &lt;b&gt;cancelled&lt;/b&gt; the login');
    expect(html).not.toContain('<b>cancelled</b>');
    // The link back starts the same sign-in again (next kept from the state).
    expect(html).toContain(`href="/prod/sign-in?next=${encodeURIComponent('/reports/2014/ME')}"`);

    // The callback (and the sign-in pages) are never a place to come back to after signing in.
    for (const next of ['/auth/callback?code=x', '/sign-in', '/AUTH/callback', '/\t/evil.example']) {
      const again = await app.request(`https://reporting.example.org/sign-in?next=${encodeURIComponent(next)}`);
      const login = again.headers.getSetCookie().find((c) => c.startsWith('ar_login_'))!;
      const value = login.split(';')[0]!.split('=')[1]!;
      expect(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')).next, next).toBe('/');
    }
  });

  it('completes two sign-ins started in parallel (two tabs), each with its own login cookie', async () => {
    const app = webApp();
    const first = await app.request('https://reporting.example.org/sign-in?next=/reports/2014/ME');
    const second = await app.request('https://reporting.example.org/sign-in?next=/public/2014');
    const cookies = `${cookiesOf(first)}; ${cookiesOf(second)}`;
    for (const [start, code, next] of [
      [first, 'code-tab-1', '/prod/reports/2014/ME'],
      [second, 'code-tab-2', '/prod/public/2014'],
    ] as const) {
      const p = new URL(start.headers.get('location')!).searchParams;
      codes.set(code, { challenge: p.get('code_challenge')!, nonce: p.get('nonce')!, redirectUri: p.get('redirect_uri')! });
      // The second tab finishes first: its cookie must not have replaced the first one's.
      const res = await app.request(`https://reporting.example.org/auth/callback?code=${code}&state=${p.get('state')}`, { headers: { cookie: cookies } });
      expect(res.status, code).toBe(303);
      expect(res.headers.get('location')).toBe(next);
    }
  });

  it('renders an error page when the token endpoint cannot be reached', async () => {
    const app = webApp('http://127.0.0.1:1/oauth2/token');
    const start = await app.request('https://reporting.example.org/sign-in');
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await app.request(`https://reporting.example.org/auth/callback?code=x&state=${state}`, { headers: { cookie: cookiesOf(start) } });
    expect(res.status).toBe(502);
    const html = await res.text();
    expect(html).toContain('could not be reached');
    expect(html).toContain('Sign in again');
  });

  it('refuses a half-configured OIDC client', () => {
    expect(() => loadWebOptions({ OIDC_CLIENT_ID: 'x' })).toThrow(/go together/);
  });
});
