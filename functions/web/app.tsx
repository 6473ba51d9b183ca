/**
 * The web app: server-rendered pages (Hono JSX), a primary adapter over the same use cases as the
 * JSON API (shared/usecases). Its own request pipeline (pipeline.ts: the session cookie instead of a
 * bearer token, CSRF checks on every POST, safe headers), HTML error pages, redirect-after-post; one
 * router per concern under routes/, each loaded on the first request of one of its routes (ROUTE_GROUPS).
 */
import { Hono } from 'hono';
import type { AppDepsWithAttachments } from '../attachment-deps';
import type { WebOptions } from './config';
import { createSite, type WebEnv } from './context';
import { errorHandlers } from './errors';
import { lazyRoutes, mountLazy, type RouteGroup } from './lazy';
import { accountPath, adminCyclesPath, adminNotificationsPath, adminPeoplePath } from './paths';
import { usePipeline } from './pipeline';
import { assetRoutes } from './routes/assets';

const REPORT = '/reports/:cycle/:country';
const SECTION = `${REPORT}/sections/:section`;
const REVIEW = `${REPORT}/review`;
const ATTACHMENTS = `${SECTION}/attachments`;
const CYCLE = `${adminCyclesPath}/:cycle`;

/**
 * Every page and form of the site, by the group that serves it (routes/*): a group's module loads on the
 * first request of one of its routes (functions/web/lazy.ts), so a cold start evaluates none of them.
 * A new route is added here and in its group; test/unit/web-routes.test.ts fails until both agree.
 */
export const ROUTE_GROUPS: readonly RouteGroup[] = [
  lazyRoutes(() => import('./routes/sign-in'), 'signInRoutes', ['GET /', 'GET /sign-in', 'GET /auth/callback', 'GET /dev/sign-in', 'POST /dev/sign-in', 'POST /sign-out']),
  lazyRoutes(() => import('./routes/reports'), 'reportRoutes', [
    'GET /reports',
    'GET /reports/:cycle',
    `GET ${REPORT}`,
    `POST ${REPORT}/prefill`,
    `POST ${REPORT}/submit`,
    `POST ${REPORT}/approve`,
    `POST ${REPORT}/publish`,
    `GET ${REPORT}/history`,
    `GET ${REPORT}/export.html`,
    `GET ${REPORT}/export.md`,
  ]),
  lazyRoutes(() => import('./routes/reviews'), 'reviewRoutes', [
    `POST ${REVIEW}/decisions`,
    `POST ${REVIEW}/decisions/:section/remove`,
    `POST ${REVIEW}/send`,
    `POST ${REVIEW}/discard`,
    `POST ${SECTION}/comments`,
  ]),
  lazyRoutes(() => import('./routes/section'), 'sectionRoutes', [`GET ${SECTION}`, `POST ${SECTION}`]),
  lazyRoutes(() => import('./routes/changes'), 'changeRoutes', [
    `GET ${SECTION}/revisions`,
    `GET ${SECTION}/revisions/:version`,
    `GET ${REPORT}/reopen`,
    `POST ${REPORT}/reopen`,
    `GET ${SECTION}/reopen`,
    `POST ${SECTION}/reopen`,
  ]),
  lazyRoutes(() => import('./routes/attachments'), 'attachmentRoutes', [`POST ${ATTACHMENTS}`, `POST ${ATTACHMENTS}/:id/complete`, `POST ${ATTACHMENTS}/:id/delete`, `GET ${ATTACHMENTS}/:id`]),
  lazyRoutes(() => import('./routes/public'), 'publicRoutes', [
    'GET /public',
    'GET /public/:cycle',
    'GET /public/:cycle/:country',
    'GET /public/:cycle/:country/publications/:number',
    'GET /public/:cycle/:country/export.html',
    'GET /public/:cycle/:country/export.md',
    'GET /public/:cycle/:country/sections/:section/attachments/:id',
  ]),
  lazyRoutes(() => import('./routes/questions'), 'questionRoutes', ['GET /questions/:cycle', 'GET /questions/:cycle/:section', 'GET /documents/:cycle/commitments.html', 'GET /documents/:cycle/commitments.md']),
  lazyRoutes(() => import('./routes/cycles'), 'cycleRoutes', [
    `GET ${adminCyclesPath}`,
    `POST ${adminCyclesPath}`,
    `GET ${CYCLE}`,
    `POST ${CYCLE}`,
    `POST ${CYCLE}/open`,
    `POST ${CYCLE}/close`,
    `POST ${CYCLE}/extensions`,
    `POST ${CYCLE}/form`,
    `POST ${CYCLE}/form/upload`,
    `GET ${CYCLE}/form.json`,
  ]),
  lazyRoutes(() => import('./routes/people'), 'peopleRoutes', [
    `GET ${adminPeoplePath}`,
    `POST ${adminPeoplePath}`,
    `GET ${adminNotificationsPath}`,
    `GET ${adminPeoplePath}/:id`,
    `POST ${adminPeoplePath}/:id`,
    `POST ${adminPeoplePath}/:id/disable`,
    `POST ${adminPeoplePath}/:id/enable`,
    `GET ${accountPath}`,
    `POST ${accountPath}`,
  ]),
];

export function createWebApp(deps: AppDepsWithAttachments, options: WebOptions = {}): Hono<WebEnv> {
  const site = createSite(deps, options);
  const app = new Hono<WebEnv>();
  usePipeline(app, site);
  app.route('/', assetRoutes());
  mountLazy(app, site, ROUTE_GROUPS);
  const { notFound, onError } = errorHandlers(site);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
