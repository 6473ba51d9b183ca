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
import type { Actor } from '../../shared/workflow';

export const SESSION_COOKIE = 'ar_session';
/** Prefix of the login cookies: one per sign-in started (`ar_login_<state>`), so parallel sign-ins in two tabs both work. */
export const LOGIN_COOKIE = 'ar_login_';
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

/** The shape of a state this server makes (24 random bytes, base64url): only such a value names a login cookie. */
const STATE_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const LOGIN_MAX_AGE = 600;

/** The login state rides in an HttpOnly cookie named by its state for ten minutes; `state` in the callback picks it. */
export function writeLoginState(c: Context, login: LoginState, scope: CookieScope): void {
  setCookie(c, LOGIN_COOKIE + login.state, Buffer.from(JSON.stringify(login)).toString('base64url'), {
    httpOnly: true,
    secure: scope.secure,
    // Lax: the provider's redirect back is a top-level GET navigation, which carries Lax cookies.
    sameSite: 'Lax',
    path: scope.path,
    maxAge: LOGIN_MAX_AGE,
  });
}

/** The login state of the sign-in that `state` names (and its cookie removed); undefined when there is none. */
export function takeLoginState(c: Context, state: string | undefined, scope: CookieScope): LoginState | undefined {
  if (!state || !STATE_PATTERN.test(state)) return undefined;
  const raw = getCookie(c, LOGIN_COOKIE + state);
  if (!raw) return undefined;
  deleteCookie(c, LOGIN_COOKIE + state, { path: scope.path, secure: scope.secure, httpOnly: true, sameSite: 'Lax' });
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<LoginState>;
    if (parsed.state === state && typeof parsed.verifier === 'string' && typeof parsed.nonce === 'string' && typeof parsed.next === 'string') {
      return parsed as LoginState;
    }
  } catch {
    // fall through
  }
  return undefined;
}

const LOCAL_BASE = 'https://x.invalid';
// C0 and C1 controls (a TAB or newline inside a URL is dropped by parsers, "/\t/evil" becomes "//evil") and backslashes (read as slashes).
const UNSAFE_IN_NEXT = /[\u0000-\u001f\u007f-\u009f\\]/;
/** Pages never to come back to after signing in: the sign-in machinery itself. */
const NOT_A_NEXT = /^\/(?:auth|sign-in|sign-out|dev\/sign-in)(?:[/?#]|$)/i;

/**
 * Only local paths are followed after sign-in (no open redirect): the value must parse against a
 * placeholder origin and keep it, and is rebuilt from its path, query and fragment. Anything else,
 * and the sign-in pages themselves (a loop), give '/'.
 */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || UNSAFE_IN_NEXT.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, LOCAL_BASE);
  } catch {
    return '/';
  }
  if (url.origin !== LOCAL_BASE || url.pathname.startsWith('//')) return '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return '/';
  }
  if (NOT_A_NEXT.test(url.pathname) || NOT_A_NEXT.test(decoded) || decoded.startsWith('//') || UNSAFE_IN_NEXT.test(decoded)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
