/**
 * Headers a middleware puts on every response (the request id, the pages' security headers).
 */
import type { Context, Next } from 'hono';

/**
 * Runs the rest of the pipeline with `headers` on its response. They are set on the context before the
 * handler, so the response it builds carries them: set on a finished response, Hono re-wraps it and the
 * Node adapter then streams the body instead of writing it. A response built without the context's
 * headers (a problem or an error page from the error handler) gets them afterwards.
 */
export async function withHeaders(c: Context, headers: ReadonlyArray<readonly [string, string]>, next: Next): Promise<void> {
  for (const [name, value] of headers) c.header(name, value);
  try {
    await next();
  } finally {
    for (const [name, value] of headers) if (c.res.headers.get(name) !== value) c.header(name, value);
  }
}
