/**
 * How the web app answers errors: HTML pages for people, problem+json for the page's own scripts,
 * a redirect to sign in for a missing or expired session, and a 500 that names only the request id.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { log } from '../../shared/http/log';
import { errorToProblem } from '../../shared/http/problem';
import { AppError, UnauthenticatedError } from '../../shared/workflow';
import { render, wantsJson, type C, type Site, type WebEnv } from './context';
import type { PageContext } from './layout';
import { ErrorPage } from './pages/misc';
import { clearSession } from './session';

const TITLES: Record<number, string> = {
  400: 'The request could not be accepted',
  403: 'You may not do this',
  404: 'Page not found',
  409: 'This cannot be done now',
  412: 'The page is out of date',
  428: 'The page is out of date',
};

export function errorHandlers(site: Site): { notFound: NotFoundHandler<WebEnv>; onError: ErrorHandler<WebEnv> } {
  /** The page context, also when an error happened before the session middleware ran. */
  const pageOf = (c: Context<WebEnv>): PageContext => c.get('page') ?? { href: site.href, session: undefined, devSignIn: !!site.options.devSignIn };

  const notFound: NotFoundHandler<WebEnv> = (c) =>
    render(c as C, <ErrorPage ctx={pageOf(c)} status={404} title="Page not found" detail={`There is no page at ${c.req.path}. Check the address, or start again from the home page.`} />, 404);

  const onError: ErrorHandler<WebEnv> = (error, c) => {
    if (wantsJson(c)) return errorToProblem(c, error);
    if (error instanceof UnauthenticatedError) {
      clearSession(c, site.cookieScope(c));
      // Routes see paths without the base path (API Gateway strips the stage), so the path is the one to come back to.
      const next = c.req.method === 'GET' ? c.req.path : '/';
      return c.redirect(site.href(`/sign-in?next=${encodeURIComponent(next)}`), 303);
    }
    const ctx = pageOf(c);
    if (error instanceof AppError) {
      return render(c as C, <ErrorPage ctx={ctx} status={error.status} title={TITLES[error.status] ?? error.title} detail={error.message} />, error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      const detail = error.status === 403 ? 'This form was not sent from this site, so it was refused. Go back, reload the page and try again.' : error.message;
      return render(c as C, <ErrorPage ctx={ctx} status={error.status} title="The request could not be accepted" detail={detail} />, error.status);
    }
    const requestId = c.get('requestId');
    log('error', 'unhandled error', { requestId, app: 'web', error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
    return render(c as C, <ErrorPage ctx={ctx} status={500} title="Something went wrong" detail="The page could not be shown because of an error on our side. Please try again in a moment." requestId={requestId} />, 500);
  };
  return { notFound, onError };
}
