/**
 * How the web app answers errors: HTML pages for people, problem+json for the page's own scripts,
 * a redirect to sign in for a missing or expired session, and a 500 that names only the request id.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { log } from '../../shared/http/log';
import { errorToProblem } from '../../shared/http/problem';
import { participantOf } from '../../shared/form';
import { getCycle } from '../../shared/usecases/cycles';
import { AppError, UnauthenticatedError } from '../../shared/workflow';
import { render, wantsJson, type C, type Site, type WebEnv } from './context';
import type { PageContext } from './layout';
import { ErrorPage } from './pages/misc';
import { publicCyclePath, reportPath, sectionPath } from './paths';
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
      return (async () => {
        const { detail, links } = await nextSteps(site, c as C, error);
        return render(c as C, <ErrorPage ctx={ctx} status={error.status} title={TITLES[error.status] ?? error.title} detail={detail} links={links} />, error.status);
      })();
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

/** A page about a report (`/reports/2014/ME…`, optionally a section of it). */
const REPORT_PAGE = /^\/reports\/(\d{4})\/([A-Z]{2})(?:\/sections\/(\d+\.\d+\.[ABC]))?(?:\/|$)/;

/**
 * What a refused action on a report page says and offers: the way back to the report (and section) it
 * was about; for a refusal of another country's report, the countries by name and the way to one's own.
 */
async function nextSteps(site: Site, c: C, error: AppError): Promise<{ detail: string; links: Array<{ href: string; label: string }> }> {
  const match = REPORT_PAGE.exec(c.req.path);
  if (!match || error.status === 404) return { detail: error.message, links: [] };
  const [, cycle, country, section] = match as unknown as [string, string, string, string | undefined];
  const info = await getCycle(site.deps, cycle).catch(() => undefined);
  const nameOf = (code: string) => (info && participantOf(info.cycle, code)?.name) || code;
  const name = nameOf(country);
  const actor = c.get('session')?.actor;
  if (error.status === 403) {
    const own = actor?.roles.includes('rapporteur') && actor.country && actor.country !== country ? actor.country : undefined;
    if (!own) return { detail: error.message, links: [{ href: site.href(publicCyclePath(cycle)), label: `The published reports of ${cycle}` }] };
    return {
      detail: `This is the ${cycle} report of ${name}. You are signed in as a rapporteur of ${nameOf(own)}: you can read and work on the report of ${nameOf(own)} only. Once the report of ${name} is published, everyone can read it among the published reports.`,
      links: [
        { href: site.href(reportPath(cycle, own)), label: `Go to the ${cycle} report of ${nameOf(own)}` },
        { href: site.href(publicCyclePath(cycle)), label: `The published reports of ${cycle}` },
      ],
    };
  }
  return {
    detail: error.message,
    links: [
      ...(section ? [{ href: site.href(sectionPath(cycle, country, section)), label: `Back to section ${section} of the ${name} report` }] : []),
      { href: site.href(reportPath(cycle, country)), label: `Back to the ${cycle} report of ${name}` },
    ],
  };
}
