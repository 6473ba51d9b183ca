/**
 * The app factory every function uses: one Hono router with request ids, one structured log line per
 * request, bearer authentication and the single error handler; `serve` adds a route contract.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { Hono, type MiddlewareHandler } from 'hono';
import { loadOnce } from '../lazily';
import { NotFoundError, type Actor } from '../workflow';
import { authenticate, type TokenVerifier } from './auth';
import type { Route } from './contract';
import { errorToProblem } from './problem';
import { requestLog } from './request-log';

export type AppEnv = { Variables: { requestId: string; actor: Actor | undefined } };

/** Wraps a feature router with the request pipeline; `configure` adds the routes. */
export function createApp(verifier: TokenVerifier, configure: (app: Hono<AppEnv>) => void): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog<AppEnv>({ actorOf: (c) => c.get('actor')?.sub }));
  app.use('*', authenticate(verifier));
  configure(app);
  app.notFound((c) => errorToProblem(c, new NotFoundError(`No route ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => errorToProblem(c, error));
  return app;
}

/**
 * Serves a route contract (shared/http/contract.ts) with its handler, as `app.openapi` of
 * @hono/zod-openapi would: Hono routes its method and path now; on its first request its request
 * schemas are built and validated by the very middleware `app.openapi` makes (./validators.ts, made
 * once and kept), so neither the schemas nor the OpenAPI layer load at cold start.
 */
export function serve<R extends RouteConfig>(app: Hono<AppEnv>, route: Route<R>, handler: RouteHandler<R, AppEnv>): void {
  const validators = loadOnce(() =>
    Promise.all([route.request(), import('./validators')]).then(([request, { validatorsOf }]) => validatorsOf({ method: route.method, path: route.path, request, responses: {} })),
  );
  const validate: MiddlewareHandler<AppEnv> = async (c, next) => {
    const chain = await validators();
    const run = async (i: number): Promise<Response | void> => (i < chain.length ? chain[i]!(c, () => run(i + 1) as Promise<void>) : next());
    return run(0);
  };
  app.on(route.method.toUpperCase(), route.path.replaceAll(/\/{(.+?)}/g, '/:$1'), validate, handler as never);
}
