/**
 * The browser session: a cookie holding the verified ID token (re-verified on every request with the
 * same TokenVerifier as the API), the per-session CSRF token derived from it (no server state), and
 * the short-lived cookie that carries the OIDC state and PKCE verifier across the provider's redirect.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { decodeJwt } from 'jose';
import type { TokenVerifier } from '../../shared/http/auth';
import { UnauthenticatedError, type Actor } from '../../shared/workflow';

export const SESSION_COOKIE = 'ar_session';
export const LOGIN_COOKIE = 'ar_login';
/** Name of the hidden form field (and of the header for script requests) carrying the CSRF token. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Session {
  actor: Actor;
  token: string;
  /** The value every form of this session must send back in `_csrf`. */
  csrf: string;
}

/** Secure cookies except on plain-HTTP loopback (the local server), where browsers would drop them. */
export function isSecureOrigin(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !(protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'));
}

/**
 * The CSRF token of a session: HMAC-SHA256 keyed with the JWT's signature. An attacker's page can
 * neither read the HttpOnly cookie nor compute the token; the server recomputes it on each request.
 */
export function csrfToken(jwt: string): string {
  const signature = jwt.split('.')[2] ?? jwt;
  return createHmac('sha256', signature).update('alliance-reporting web csrf v1').digest('base64url');
}

export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads and re-verifies the session cookie. Undefined when there is none; throws UnauthenticatedError when it no longer verifies. */
export async function readSession(c: Context, verifier: TokenVerifier): Promise<Session | undefined> {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return undefined;
  const actor = await verifier.verify(token);
  return { actor, token, csrf: csrfToken(token) };
}

export interface CookieScope {
  secure: boolean;
  path: string;
}

/** Stores a verified token; the cookie lives as long as the token. */
export function writeSession(c: Context, token: string, scope: CookieScope): void {
  const exp = decodeJwt(token).exp;
  const maxAge = exp ? Math.max(0, exp - Math.floor(Date.now() / 1000)) : 8 * 3600;
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: scope.secure, sameSite: 'Lax', path: scope.path, maxAge });
}

export function clearSession(c: Context, scope: CookieScope): void {
  deleteCookie(c, SESSION_COOKIE, { path: scope.path, secure: scope.secure, httpOnly: true, sameSite: 'Lax' });
}

// ---------------------------------------------------------------------------------------------
// OIDC authorization code + PKCE

export interface LoginState {
  state: string;
  verifier: string;
  nonce: string;
  /** Where to go after signing in (a local path). */
  next: string;
}

const b64url = (bytes: Buffer) => bytes.toString('base64url');

export function newLoginState(next: string): LoginState {
  return { state: b64url(randomBytes(24)), verifier: b64url(randomBytes(48)), nonce: b64url(randomBytes(24)), next };
}

/** S256 code challenge of a PKCE verifier (RFC 7636). */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** The login state rides in an HttpOnly cookie for ten minutes; `state` in the callback must match it. */
export function writeLoginState(c: Context, login: LoginState, scope: CookieScope): void {
  setCookie(c, LOGIN_COOKIE, Buffer.from(JSON.stringify(login)).toString('base64url'), {
    httpOnly: true,
    secure: scope.secure,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
    sameSite: 'Lax',
    path: scope.path,
    maxAge: 600,
  });
}

export function takeLoginState(c: Context, scope: CookieScope): LoginState {
  const raw = getCookie(c, LOGIN_COOKIE);
  deleteCookie(c, LOGIN_COOKIE, { path: scope.path, secure: scope.secure, httpOnly: true, sameSite: 'Lax' });
  if (!raw) throw new UnauthenticatedError('The sign-in took too long or was started in another browser; sign in again.');
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<LoginState>;
    if (typeof parsed.state === 'string' && typeof parsed.verifier === 'string' && typeof parsed.nonce === 'string' && typeof parsed.next === 'string') {
      return parsed as LoginState;
    }
  } catch {
    // fall through
  }
  throw new UnauthenticatedError('The sign-in state is not valid; sign in again.');
}

/** Only local paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
