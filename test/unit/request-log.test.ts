import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { setLogSink } from '../../shared/http/log';
import { requestLog, type RequestIdVariables } from '../../shared/http/request-log';

type Env = { Variables: RequestIdVariables };

/** An app with the request log first, answering through the context, with a raw Response, and through the error handler. */
function app() {
  const hono = new Hono<Env>();
  hono.use('*', requestLog<Env>({ actorOf: () => 'someone' }));
  hono.get('/json', (c) => c.json({ ok: true }));
  hono.get('/etag', (c) => {
    c.header('ETag', '"v1"');
    return c.json({ ok: true });
  });
  hono.get('/raw', () => new Response('raw', { status: 202 }));
  hono.get('/boom', () => {
    throw new Error('boom');
  });
  hono.onError(() => new Response(JSON.stringify({ title: 'Error' }), { status: 500, headers: { 'content-type': 'application/problem+json' } }));
  return hono;
}

async function call(path: string) {
  const lines: string[] = [];
  const previous = process.env.LOG_LEVEL;
  delete process.env.LOG_LEVEL;
  const restore = setLogSink((line) => lines.push(line));
  try {
    const res = await app().request(path);
    return { res, body: await res.text(), entries: lines.map((l) => JSON.parse(l) as { requestId: string; status: number }) };
  } finally {
    restore();
    if (previous !== undefined) process.env.LOG_LEVEL = previous;
  }
}

describe('request log', () => {
  it.each([
    ['/json', 200, '{"ok":true}'],
    ['/etag', 200, '{"ok":true}'],
    ['/raw', 202, 'raw'],
    ['/boom', 500, '{"title":"Error"}'],
  ])('answers %s with the logged request id in x-request-id, status and body unchanged', async (path, status, body) => {
    const { res, body: text, entries } = await call(path);
    expect(res.status).toBe(status);
    expect(text).toBe(body);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.status).toBe(status);
    expect(res.headers.get('x-request-id')).toBe(entries[0]!.requestId);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the headers a handler set next to the request id', async () => {
    const { res } = await call('/etag');
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
