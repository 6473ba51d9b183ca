/**
 * The request pipeline's first step, shared by the API apps and the web pages: a request id
 * (Lambda's when there is one, else a new UUID) echoed in `x-request-id`, and one JSON log line per
 * request with identifiers and figures only: no body, no query string (signed URLs), no token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { randomUUID } from 'node:crypto';
import { withHeaders } from './headers';
import { log } from './log';

export type RequestIdVariables = { requestId: string };

export function requestLog<E extends { Variables: RequestIdVariables }>(options: { app?: string; actorOf: (c: Context<E>) => string | undefined }): MiddlewareHandler<E> {
  return async (c, next) => {
    const lambdaId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId;
    const requestId = lambdaId ?? randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    try {
      await withHeaders(c, [['x-request-id', requestId]], next);
    } finally {
      log('info', 'request', {
        requestId,
        ...(options.app ? { app: options.app } : {}),
        method: c.req.method,
        route: routePath(c, -1),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        actor: options.actorOf(c),
      });
    }
  };
}
