/**
 * The request validators of a route contract, as `app.openapi` of @hono/zod-openapi makes them, with
 * the hook that turns zod issues into problem+json field errors. Loaded with a route's first request
 * (`serve` in ./app.ts), so the OpenAPI layer is not part of a function's cold start.
 */
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { fieldErrors, invalidInput } from './validation';

const TARGET_PREFIX: Record<string, string> = { json: 'body', query: 'query', param: 'path', header: 'header', form: 'body', cookie: 'cookie' };

/** The validators `app.openapi` puts before a route's handler (query, path, headers, cookies, body), in its order. */
export function validatorsOf(route: RouteConfig): MiddlewareHandler[] {
  // Validation failures become 400 problems naming each field (`body.text`, `path.section`, …).
  const probe = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw invalidInput(fieldErrors(result.error.issues, TARGET_PREFIX[result.target] ?? result.target));
    },
  });
  probe.openapi({ ...route, hide: true }, (c) => c.body(null));
  // `on(method, path, ...validators, handler)` keeps one entry per handler, in order; the last is the stand-in.
  return probe.routes.slice(0, -1).map((entry) => entry.handler as MiddlewareHandler);
}
