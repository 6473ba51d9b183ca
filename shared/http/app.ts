/**
 * The app factory every function uses: one OpenAPIHono router with the validation hook that turns
 * zod issues into problem+json field errors, request ids, one structured log line per request,
 * bearer authentication and the single error handler.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError, type Actor } from '../workflow';
import { authenticate, type TokenVerifier } from './auth';
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
