/**
 * What every part of the web app shares: its Hono environment, the site's addresses (base path,
 * origin, cookie scope), and the small helpers every route uses to read input and answer with a page.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { parseInput } from '../../shared/http/validation';
import { InvalidInputError, NotFoundError, UnauthenticatedError, type Actor } from '../../shared/workflow';
import type { AppDepsWithAttachments } from '../attachment-deps';
import { DEMO_USERS, type DemoUser, type WebOptions } from './config';
import type { PageContext } from './layout';
import { isSecureOrigin, type CookieScope, type Session } from './session';

export type WebEnv = {
  Variables: { requestId: string; session: Session | undefined; sessionExpired: boolean; page: PageContext; csrfRefused: boolean };
};
export type C = Context<WebEnv>;

/** The site as configured: built once per app, passed to every router. */
export interface Site {
  deps: AppDepsWithAttachments;
  options: WebOptions;
  demoUsers: DemoUser[];
  /** Prefixes a local path with the site's base path (an API Gateway stage, or ''). */
  href(path: string): string;
  /** The origin browsers use (form posts must come from it). */
  origin(c: Context): string;
  cookieScope(c: Context): CookieScope;
}

export function createSite(deps: AppDepsWithAttachments, options: WebOptions): Site {
  const basePath = options.baseUrl ? new URL(options.baseUrl).pathname.replace(/\/+$/, '') : '';
  return {
    deps,
    options,
    demoUsers: options.devSignIn?.users ?? DEMO_USERS,
    href: (path) => `${basePath}${path}`,
    origin: (c) => (options.baseUrl ? new URL(options.baseUrl).origin : new URL(c.req.url).origin),
    cookieScope: (c) => ({ secure: isSecureOrigin(options.baseUrl ?? c.req.url), path: basePath || '/' }),
  };
}

/** Renders a page (Hono JSX) as a full HTML document; a page may be async (a lazy page, functions/web/lazy.ts). */
export async function render(c: C, node: unknown, status = 200): Promise<Response> {
  const resolved = await node;
  // A JSX node renders by toString(), which returns a Promise when a component in it is async.
  const html = await (resolved !== null && typeof resolved === 'object' ? (resolved as { toString(): string | Promise<string> }).toString() : String(resolved));
  return c.html(`<!doctype html>\n${html}`, status as 200);
}

/** Redirect after a post (303) or to a canonical address, under the site's base path. */
export function redirectTo(site: Site, c: C, path: string): Response {
  return c.redirect(site.href(path), 303);
}

/** The signed-in actor, or the 401 that sends the browser to sign in. */
export function requireActor(c: C): Actor {
  const session = c.get('session');
  if (!session) throw new UnauthenticatedError(c.get('sessionExpired') ? 'Your session has expired; sign in again.' : 'Sign in to see this page.');
  return session.actor;
}

/** The page's own scripts ask for JSON (autosave, uploads); people get HTML. */
export function wantsJson(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('application/json');
}

/** The request's body as a form; one that cannot be parsed (a broken multipart body) is a 400, not a 500. */
export async function formOf(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new InvalidInputError('The form could not be read. Go back, reload the page and try again.');
  }
}

/** A text field of a form ('' when absent), with browsers' CRLF line breaks as LF. */
export function formText(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

/**
 * A page's address parsed with the API's own path schema: an address no page can have is a 404
 * (for people, a malformed address is a page that does not exist).
 */
export function pathOf<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  try {
    return parseInput(schema, c.req.param(), 'path');
  } catch (error) {
    if (error instanceof InvalidInputError) throw new NotFoundError(`There is no page at ${c.req.path}. Check the address, or start again from the home page.`);
    throw error;
  }
}

export type WebMiddleware = MiddlewareHandler<WebEnv>;

/** The cycle a cycle-less address (`/reports`, `/public`, `/`) leads to: the switcher's `?cycle=` when it names one, else the latest open cycle. */
export function chosenCycle(c: C): string {
  const page = c.get('page');
  const asked = c.req.query('cycle');
  return page.cycles?.some((k) => k.id === asked) ? asked! : page.cycle!;
}
