/**
 * The web app: server-rendered pages (Hono JSX), a primary adapter over the same use cases as the
 * JSON API (shared/usecases). Its own request pipeline (pipeline.ts: the session cookie instead of a
 * bearer token, CSRF checks on every POST, safe headers), HTML error pages, redirect-after-post; one
 * router per concern under routes/.
 */
import { Hono } from 'hono';
import type { AppDepsWithAttachments } from '../attachment-deps';
import type { WebOptions } from './config';
import { createSite, type WebEnv } from './context';
import { errorHandlers } from './errors';
import { usePipeline } from './pipeline';
import { assetRoutes } from './routes/assets';
import { attachmentRoutes } from './routes/attachments';
import { changeRoutes } from './routes/changes';
import { cycleRoutes } from './routes/cycles';
import { peopleRoutes } from './routes/people';
import { publicRoutes } from './routes/public';
import { questionRoutes } from './routes/questions';
import { reportRoutes } from './routes/reports';
import { reviewRoutes } from './routes/reviews';
import { sectionRoutes } from './routes/section';
import { signInRoutes } from './routes/sign-in';

export function createWebApp(deps: AppDepsWithAttachments, options: WebOptions = {}): Hono<WebEnv> {
  const site = createSite(deps, options);
  const app = new Hono<WebEnv>();
  usePipeline(app, site);
  app.route('/', assetRoutes());
  app.route('/', signInRoutes(site));
  app.route('/', reportRoutes(site));
  app.route('/', reviewRoutes(site));
  app.route('/', sectionRoutes(site));
  app.route('/', changeRoutes(site));
  app.route('/', attachmentRoutes(site));
  app.route('/', publicRoutes(site));
  app.route('/', questionRoutes(site));
  app.route('/', cycleRoutes(site));
  app.route('/', peopleRoutes(site));
  const { notFound, onError } = errorHandlers(site);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
