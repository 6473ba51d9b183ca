/**
 * The whole API as one app, for the local server and the HTTP tests: the three functions' routes
 * behind one request pipeline, at the same paths as behind API Gateway.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../../shared/http/app';
import { registerApprovalRoutes } from '../approval/app';
import type { AppDeps } from '../deps';
import { registerReviewRoutes } from '../review/app';
import { registerSubmissionRoutes } from '../submission/app';

export function createLocalApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => {
    registerSubmissionRoutes(app, deps);
    registerReviewRoutes(app, deps);
    registerApprovalRoutes(app, deps);
  });
}

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** Listens on loopback; port 0 picks a free one. */
export function serveApi(deps: AppDeps, options: { port: number; hostname?: string }): Promise<RunningApi> {
  const app = createLocalApp(deps);
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
