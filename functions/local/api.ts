/**
 * The whole API as one app, for the local server and the HTTP tests: the three functions' routes
 * behind one request pipeline, at the same paths as behind API Gateway.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../shared/http/app';
import { registerApprovalRoutes } from '../approval/app';
import type { AppDepsWithAttachments } from '../attachment-deps';
import { registerPeopleRoutes } from '../people/app';
import { registerReviewRoutes } from '../review/app';
import { registerSubmissionRoutes } from '../submission/app';
import { createWebApp } from '../web/app';
import type { WebOptions } from '../web/config';
import { isApiPath } from '../web/paths';

export function createLocalApp(deps: AppDepsWithAttachments, web: WebOptions = {}) {
  const api = createApp(deps.verifier, (app) => {
    registerSubmissionRoutes(app, deps);
    registerReviewRoutes(app, deps);
    registerApprovalRoutes(app, deps);
    registerPeopleRoutes(app, deps);
  });
  // The web app serves every path the API does not own, with its own pipeline (cookies, HTML errors), as API Gateway routes them.
  const webApp = createWebApp(deps, web);
  return new Hono().all('*', (c) => (isApiPath(c.req.path) ? api : webApp).fetch(c.req.raw, c.env));
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** Listens on loopback; port 0 picks a free one. */
export function serveApi(deps: AppDepsWithAttachments, options: { port: number; hostname?: string; web?: WebOptions }): Promise<RunningApi> {
  const app = createLocalApp(deps, options.web);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname ?? '127.0.0.1' }, (info) => {
      resolve({
        url: `http://${options.hostname ?? '127.0.0.1'}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
