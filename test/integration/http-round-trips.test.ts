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
    // The cycle read of every request above came from the cache (no Query on the CYCLES partition).
  });

  it('reads the cycles once per container lifetime: a cycle read on a hot path costs no round trip once cached', async () => {
    const al = await api.issuer.sign({ sub: 'rap-al', name: 'Rapporteur of Albania', roles: ['rapporteur'], country: 'AL' });
    const AL = '/cycles/2014/reports/AL';
    const report = await (await api.call('GET', AL, { token: al })).json();
    const measured: Record<string, string[]> = {};
    // Older than the cache's lifetime: the next request reads every cycle again (one Query), the ones after it none.
    api.clock.advance(31_000);
    measured['GET report (cache expired)'] = await callsOf('GET', AL, al);
    measured['GET report'] = await callsOf('GET', AL, al);
    api.clock.advance(31_000);
    measured['PUT section (cache expired)'] = await callsOf('PUT', `${AL}/sections/1.1.A`, al, { headers: { 'if-match': report.sections[0].etag }, body: { text: 'x' } });
    measured['PUT section'] = await callsOf('PUT', `${AL}/sections/1.1.B`, al, { headers: { 'if-match': report.sections[1].etag }, body: { text: 'x' } });
    expect(measured).toEqual({
      'GET report (cache expired)': ['QueryCommand', 'QueryCommand'],
      'GET report': ['QueryCommand'],
      'PUT section (cache expired)': ['QueryCommand', 'TransactWriteItemsCommand'],
      'PUT section': ['TransactWriteItemsCommand'],
    });
  });

  it('holds the cycle routes to their round trips', async () => {
    const admin = api.tokens.admin;
    const measured: Record<string, string[]> = {};
    measured['POST cycle'] = await callsOf('POST', '/cycles', admin, { body: { id: '2015', year: 2015, deadline: '2015-09-30T23:59:59Z' } });
    const codes = (await (await api.call('GET', '/cycles/2015', { token: admin })).json()).participants.map((p: { code: string }) => p.code);
    measured['PATCH cycle (a country joins)'] = await callsOf('PATCH', '/cycles/2015', admin, { body: { participants: [...codes, 'LI'] } });
    measured['PATCH cycle (a country leaves)'] = await callsOf('PATCH', '/cycles/2015', admin, { body: { participants: ['ME', 'XK', 'AL'] } });
    measured['PUT deadline extension'] = await callsOf('PUT', '/cycles/2015/participants/XK/deadline', admin, { body: { deadline: '2099-01-01T00:00:00Z', reason: 'Elections' } });
    measured['POST open'] = await callsOf('POST', '/cycles/2015/open', admin);
    measured['GET cycle (another container sees it)'] = await callsOf('GET', '/cycles/2015', api.tokens.xk);
    measured['GET commitments'] = await callsOf('GET', '/cycles/2015/reports/ME/commitments', api.tokens.me);
    measured['POST prefill'] = await callsOf('POST', '/cycles/2015/reports/ME/prefill', api.tokens.me);
    measured['GET answers (staff)'] = await callsOf('GET', '/cycles/2014/sections/1.1.C/answers', api.tokens.reviewer);
    measured['GET answers (public)'] = await callsOf('GET', '/cycles/2014/sections/1.1.C/answers', '');
    measured['GET commitments compilation'] = await callsOf('GET', '/cycles/2015/commitments?format=md', api.tokens.reviewer);
    expect(measured).toEqual({
      // Every cycle read consistently (one Query), then one conditional PutItem.
      'POST cycle': ['QueryCommand', 'PutItemCommand'],
      'PATCH cycle (a country joins)': ['QueryCommand', 'PutItemCommand'],
      // Before a country leaves, its report's meta item (one BatchGetItem).
      'PATCH cycle (a country leaves)': ['QueryCommand', 'BatchGetItemCommand', 'PutItemCommand'],
      'PUT deadline extension': ['QueryCommand', 'PutItemCommand'],
      'POST open': ['QueryCommand', 'PutItemCommand'],
      // The writing container's cache has the change at once.
      'GET cycle (another container sees it)': [],
      // Both reports' meta items and 2 × 7 sections in one BatchGetItem.
      'GET commitments': ['BatchGetItemCommand'],
      // This report and last cycle's, in parallel; one transaction.
      'POST prefill': ['QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'],
      // The statuses (gsi1), then the filed reports' sections (one BatchGetItem per 100).
      'GET answers (staff)': ['QueryCommand', 'BatchGetItemCommand'],
      'GET answers (public)': ['QueryCommand'],
      // Both cycles' report lists in parallel, then the sections shown.
      'GET commitments compilation': ['QueryCommand', 'QueryCommand', 'BatchGetItemCommand'],
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
