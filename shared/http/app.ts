/**
 * The app factory every function uses: one OpenAPIHono router with the validation hook that turns
 * zod issues into problem+json field errors, request ids, one structured log line per request,
 * bearer authentication and the single error handler.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import { InvalidInputError, NotFoundError, type Actor } from '../workflow';
import { authenticate, type TokenVerifier } from './auth';
import { log } from './log';
import { errorToProblem } from './problem';

export type AppEnv = { Variables: { requestId: string; actor: Actor | undefined } };

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', form: 'body', cookie: 'cookie' };

/** A router whose validation failures become 400 problems naming each field (`body.text`, `path.section`, …). */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const prefix = TARGET_PREFIX[result.target] ?? result.target;
        const errors = result.error.issues.map((issue) => ({
          path: [prefix, ...issue.path.map(String)].join('.'),
          message: issue.message,
        }));
        throw new InvalidInputError(`The request is invalid: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
      }
    },
  });
}

/** Request id: Lambda's when there is one, else a new UUID. Echoed in `x-request-id`. */
const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lambdaId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId;
  const requestId = lambdaId ?? randomUUID();
  c.set('requestId', requestId);
  const started = performance.now();
  try {
    await next();
  } finally {
    c.header('x-request-id', requestId);
    // Identifiers and figures only: no body, no query string (signed URLs), no token.
    log('info', 'request', {
      requestId,
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      actor: c.get('actor')?.sub,
    });
  }
};

/** Wraps a feature router with the request pipeline; `configure` adds the routes. */
export function createApp(verifier: TokenVerifier, configure: (app: OpenAPIHono<AppEnv>) => void): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.use('*', requestContext);
  app.use('*', authenticate(verifier));
  configure(app);
  app.notFound((c) => errorToProblem(c, new NotFoundError(`No route ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => errorToProblem(c, error));
  return app;
}

export function actorOf(c: Context<AppEnv>): Actor | undefined {
  return c.get('actor');
}
