/**
 * Each request kind holds to the design's minimum of DynamoDB round trips (counted on the real
 * SDK client), the OpenAPI document covers every route, and request logs carry no secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allContracts } from '../../functions/openapi';
import { setLogSink } from '../../shared/http/log';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
const ME = '/cycles/2014/reports/ME';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

/** Sends one request and returns the DynamoDB commands it caused. */
async function callsOf(method: string, path: string, token: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<string[]> {
  api.dynamo.reset();
  const response = await api.call(method, path, { token, ...options });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return [...api.dynamo.calls];
}

describe('DynamoDB round trips per request', () => {
  it('holds every request kind of the cycle to its minimum', async () => {
    const report = await (await api.call('GET', ME, { token: api.tokens.me })).json();
    const measured: Record<string, string[]> = {};

    measured['GET report'] = await callsOf('GET', ME, api.tokens.me);
    for (const section of report.sections) {
      measured['PUT section'] = await callsOf('PUT', `${ME}/sections/${section.id}`, api.tokens.me, { headers: { 'if-match': section.etag }, body: { text: 'An answer' } });
    }
    measured['POST submit'] = await callsOf('POST', `${ME}/submit`, api.tokens.me);
    measured['POST return section'] = await callsOf('POST', `${ME}/sections/1.1.A/return`, api.tokens.reviewer, { body: { comment: 'More' } });
    measured['POST approve section'] = await callsOf('POST', `${ME}/sections/1.1.B/approve`, api.tokens.reviewer);
    measured['GET list (reviewer)'] = await callsOf('GET', '/cycles/2014/reports', api.tokens.reviewer);
    measured['GET list by status'] = await callsOf('GET', '/cycles/2014/reports?status=returned', api.tokens.reviewer);
    measured['GET list (rapporteur)'] = await callsOf('GET', '/cycles/2014/reports', api.tokens.me);
    measured['GET history'] = await callsOf('GET', `${ME}/history`, api.tokens.reviewer);
    measured['GET cycle'] = await callsOf('GET', '/cycles/2014', api.tokens.me);

    expect(measured).toEqual({
      'GET report': ['QueryCommand'],
      'PUT section': ['TransactWriteItemsCommand'],
      'POST submit': ['QueryCommand', 'TransactWriteItemsCommand'],
      'POST return section': ['QueryCommand', 'TransactWriteItemsCommand'],
      'POST approve section': ['QueryCommand', 'TransactWriteItemsCommand'],
      'GET list (reviewer)': ['QueryCommand'],
      'GET list by status': ['QueryCommand'],
      'GET list (rapporteur)': ['GetItemCommand'],
      'GET history': ['QueryCommand'],
      'GET cycle': [],
    });
  });

  it("refuses a rapporteur's write to another country before any DynamoDB call, and a read after one round trip", async () => {
    api.dynamo.reset();
    expect((await api.call('PUT', `${ME}/sections/1.1.A`, { token: api.tokens.xk, headers: { 'if-match': '"x"' }, body: { text: 'x' } })).status).toBe(403);
    expect((await api.call('POST', `${ME}/submit`, { token: api.tokens.xk })).status).toBe(403);
    expect(api.dynamo.calls).toEqual([]);
    api.dynamo.reset();
    // Another country reads the latest publication: its Query and the report's status, in parallel.
    expect((await api.call('GET', ME, { token: api.tokens.xk })).status).toBe(403);
    expect([...api.dynamo.calls].sort()).toEqual(['GetItemCommand', 'QueryCommand']);
  });
});

describe('OpenAPI', () => {
  it('documents every route of the three functions as OpenAPI 3.1', async () => {
    const doc = await (await api.call('GET', '/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const contracts = allContracts().map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(documented.sort()).toEqual(contracts.sort());
    for (const expected of [
      'GET /cycles',
      'GET /cycles/{cycle}',
      'GET /cycles/{cycle}/reports',
      'GET /cycles/{cycle}/reports/{country}',
      'PUT /cycles/{cycle}/reports/{country}/sections/{section}',
      'POST /cycles/{cycle}/reports/{country}/submit',
      'POST /cycles/{cycle}/reports/{country}/sections/{section}/approve',
      'POST /cycles/{cycle}/reports/{country}/sections/{section}/return',
      'POST /cycles/{cycle}/reports/{country}/approve',
      'POST /cycles/{cycle}/reports/{country}/publish',
      'GET /cycles/{cycle}/reports/{country}/history',
    ]) {
      expect(documented).toContain(expected);
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/cycles/{cycle}/reports/{country}/sections/{section}'].put.responses).toHaveProperty('412');
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await api.call('GET', '/docs');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });
});

describe('request logs', () => {
  it('writes one JSON line per request with id, route, status, duration and actor, and no answer text or token', async () => {
    const lines: string[] = [];
    const restore = setLogSink((line) => lines.push(line));
    try {
      const report = await (await api.call('GET', '/cycles/2014/reports/XK', { token: api.tokens.xk })).json();
      const response = await api.call('PUT', '/cycles/2014/reports/XK/sections/1.1.A', { token: api.tokens.xk, headers: { 'if-match': report.sections[0].etag }, body: { text: 'A confidential answer' } });
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      const entries = lines.map((l) => JSON.parse(l));
      expect(entries).toHaveLength(2);
      expect(entries[1]).toMatchObject({ msg: 'request', requestId, method: 'PUT', route: '/cycles/:cycle/reports/:country/sections/:section', status: 200, actor: 'rap-xk' });
      expect(entries[1].durationMs).toBeGreaterThanOrEqual(0);
      const all = lines.join('\n');
      expect(all).not.toContain('confidential');
      expect(all).not.toContain(api.tokens.xk.split('.')[1]);
    } finally {
      restore();
    }
  });
});
