/**
 * RFC 9457 problem details: the one place where errors become HTTP responses.
 * Known domain errors render with their status and field errors; anything else becomes a 500
 * that names the request id and nothing of the internals.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type FieldError } from '../workflow/errors';
import { log } from './log';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://alliance-reporting.example/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemResponse(c: Context, problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}

/** Renders a domain error; `c.get('requestId')` ties it to the request's log line. */
export function errorToProblem(c: Context, error: unknown): Response {
  const requestId = c.get('requestId' as never) as string | undefined;
  if (error instanceof AppError) {
    const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Bearer' } : {};
    return problemResponse(
      c,
      {
        type: TYPE_BASE + error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
        instance: c.req.path,
        ...(requestId ? { requestId } : {}),
        ...(error.errors ? { errors: error.errors } : {}),
      },
      headers,
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Raised by Hono's body parsing before validation: a malformed JSON body or a wrong media type.
    const errors: FieldError[] =
      error.status === 415
        ? [{ path: 'header.content-type', message: 'must be application/json' }]
        : error.status === 400
          ? [{ path: 'body', message: error.message || 'must be valid JSON' }]
          : [];
    return problemResponse(c, {
      type: TYPE_BASE + (error.status === 400 ? 'invalid-input' : 'http-' + error.status),
      title: error.status === 400 ? 'Invalid input' : 'Request error',
      status: error.status,
      detail: error.message || 'The request body could not be read.',
      instance: c.req.path,
      ...(requestId ? { requestId } : {}),
      ...(errors.length ? { errors } : {}),
    });
  }
  log('error', 'unhandled error', { requestId, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
  return problemResponse(c, {
    type: TYPE_BASE + 'internal',
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    ...(requestId ? { requestId } : {}),
  });
}
