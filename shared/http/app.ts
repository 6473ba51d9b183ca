/**
 * The app factory every function uses: one OpenAPIHono router with the validation hook that turns
 * zod issues into problem+json field errors, request ids, one structured log line per request,
 * bearer authentication and the single error handler.
 */
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { NotFoundError, type Actor } from '../workflow';
import { authenticate, type TokenVerifier } from './auth';
import type { Route } from './contract';
import { errorToProblem } from './problem';
import { requestLog } from './request-log';
import { fieldErrors, invalidInput } from './validation';

export type AppEnv = { Variables: { requestId: string; actor: Actor | undefined } };

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', form: 'body', cookie: 'cookie' };

/** A router whose validation failures become 400 problems naming each field (`body.text`, `path.section`, …). */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalidInput(fieldErrors(result.error.issues, TARGET_PREFIX[result.target] ?? result.target));
    },
  });
}

/** Wraps a feature router with the request pipeline; `configure` adds the routes. */
export function createApp(verifier: TokenVerifier, configure: (app: OpenAPIHono<AppEnv>) => void): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.use('*', requestLog<AppEnv>({ actorOf: (c) => c.get('actor')?.sub }));
  app.use('*', authenticate(verifier));
  configure(app);
  app.notFound((c) => errorToProblem(c, new NotFoundError(`No route ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => errorToProblem(c, error));
  return app;
}

/**
 * Serves a route contract (shared/http/contract.ts) with its handler, as `app.openapi` would: Hono routes
 * its method and path now; its request schemas are built on its first request, and then validated by
 * the very middleware `app.openapi` makes (made once, on a throwaway router, and kept).
 */
export function serve<R extends RouteConfig>(app: OpenAPIHono<AppEnv>, route: Route<R>, handler: RouteHandler<R, AppEnv>): void {
  let validators: Promise<MiddlewareHandler[]> | undefined;
  const validate: MiddlewareHandler<AppEnv> = async (c, next) => {
    validators ??= route.request().then(
      (request) => validatorsOf({ method: route.method, path: route.path, request, responses: {} }),
      (error: unknown) => {
        validators = undefined;
        throw error;
      },
    );
    const chain = await validators;
    const run = async (i: number): Promise<Response | void> => (i < chain.length ? chain[i]!(c, () => run(i + 1) as Promise<void>) : next());
    return run(0);
  };
  app.on(route.method.toUpperCase(), route.path.replaceAll(/\/{(.+?)}/g, '/:$1'), validate, handler as never);
}

/** The validators `app.openapi` puts before a route's handler (query, path, headers, cookies, body), in its order. */
function validatorsOf(route: RouteConfig): MiddlewareHandler[] {
  const probe = createRouter();
  probe.openapi({ ...route, hide: true }, (c) => c.body(null));
  // `on(method, path, ...validators, handler)` keeps one entry per handler, in order; the last is the stand-in.
  return probe.routes.slice(0, -1).map((entry) => entry.handler as MiddlewareHandler);
}
