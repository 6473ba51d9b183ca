/**
 * The web app's request pipeline, in order: the request id and log line (the API's own middleware),
 * safe response headers, the session (the cookie's token verified again on every request), and CSRF
 * protection of every POST (the Origin, and a per-session token in the form).
 */
import { csrf } from 'hono/csrf';
import { withHeaders } from '../../shared/http/headers';
import { requestLog } from '../../shared/http/request-log';
import { currentCycle, listCycles } from '../../shared/usecases/cycles';
import { ForbiddenError, UnauthenticatedError } from '../../shared/workflow';
import { formOf, type Site, type WebEnv, type WebMiddleware } from './context';
import type { Hono } from 'hono';
import { cycleOfPath } from './paths';
import { CSRF_FIELD, CSRF_HEADER, clearSession, csrfMatches, readSession, type Session } from './session';

/** The section editor's form: a refused CSRF token there re-renders the user's text instead of an error page. */
const SECTION_FORM = /^\/reports\/[^/]+\/[^/]+\/sections\/[^/]+$/;

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/** Headers every page answers with; `no-store` unless a route chose its own caching. */
function securityHeaders(site: Site): WebMiddleware {
  return async (c, next) => {
    // Uploads go from the page straight to S3 (a presigned URL on another origin): on loopback the local S3 server's port.
    const connect = isLoopback(c.req.url) ? "'self' https: http://127.0.0.1:* http://localhost:*" : "'self' https:";
    const headers: Array<[string, string]> = [
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'same-origin'],
      [
        'content-security-policy',
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; object-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      ],
      ...(site.origin(c).startsWith('https:') ? [['strict-transport-security', 'max-age=31536000'] as [string, string]] : []),
    ];
    // A route's own `c.header('cache-control', …)` replaces no-store.
    c.header('cache-control', 'no-store');
    await withHeaders(c, headers, next);
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  };
}

/** The session: the cookie's token verified again on every request; an expired one is cleared and remembered. */
function session(site: Site): WebMiddleware {
  return async (c, next) => {
    let current: Session | undefined;
    let expired = false;
    try {
      current = await readSession(c, site.deps.verifier);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      clearSession(c, site.cookieScope(c));
      expired = true;
    }
    c.set('session', current);
    c.set('sessionExpired', expired);
    c.set('csrfRefused', false);
    // The cycles for the navigation and the switcher: from the catalog's cache, no round trip.
    const rapporteurOf = current?.actor.roles.includes('rapporteur') ? current.actor.country : undefined;
    const [cycles, fallback] = await Promise.all([listCycles(site.deps), currentCycle(site.deps, rapporteurOf)]);
    const onPage = cycleOfPath(c.req.path);
    const cycle = cycles.some((k) => k.id === onPage) ? onPage! : fallback.cycle.id;
    c.set('page', { href: site.href, session: current, devSignIn: !!site.options.devSignIn, cycle, cycles });
    return next();
  };
}

/** Every POST of a signed-in session must carry the session's CSRF token (form field or header). */
function csrfToken(): WebMiddleware {
  return async (c, next) => {
    const current = c.get('session');
    if (c.req.method !== 'POST' || !current || c.req.path === '/dev/sign-in') return next();
    let given = c.req.header(CSRF_HEADER);
    if (!given && /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')) {
      const field = (await formOf(c))[CSRF_FIELD];
      given = typeof field === 'string' ? field : undefined;
    }
    if (!csrfMatches(current.csrf, given) && SECTION_FORM.test(c.req.path)) {
      // A form from before the latest sign-in: the handler shows the text again, with this session's token, and writes nothing.
      c.set('csrfRefused', true);
      return next();
    }
    if (!csrfMatches(current.csrf, given)) throw new ForbiddenError('This form has expired or was not sent from this site. Go back, reload the page and try again.');
    return next();
  };
}

/** A report's address with the country in lower case (`/reports/2014/me`): the canonical, upper-case address (ISO 3166 writes codes so). */
const LOWER_CASE_COUNTRY = /^\/(reports|public)\/(\d{4})\/([A-Za-z]{2})(\/.*)?$/;

function canonicalCountry(site: Site): WebMiddleware {
  return async (c, next) => {
    const match = LOWER_CASE_COUNTRY.exec(c.req.path);
    if (!match || match[3] === match[3]!.toUpperCase()) return next();
    const query = new URL(c.req.url).search;
    // 308 keeps the method and body of a form posted to such an address; 301 for reading.
    return c.redirect(site.href(`/${match[1]}/${match[2]}/${match[3]!.toUpperCase()}${match[4] ?? ''}${query}`), c.req.method === 'GET' || c.req.method === 'HEAD' ? 301 : 308);
  };
}

export function usePipeline(app: Hono<WebEnv>, site: Site): void {
  app.use('*', requestLog<WebEnv>({ app: 'web', actorOf: (c) => c.get('session')?.actor.sub }));
  app.use('*', securityHeaders(site));
  app.use('*', canonicalCountry(site));
  app.use('*', session(site));
  // Cross-site posts: the Origin (or Sec-Fetch-Site) must be this site's.
  app.use('*', csrf({ origin: (value, c) => value === site.origin(c) }));
  app.use('*', csrfToken());
}
