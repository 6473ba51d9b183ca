/** Addresses people type: lower-case country codes (API and pages) and the icon browsers ask for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe('lower-case country codes', () => {
  it('are accepted by the API, as the upper-case report', async () => {
    const lower = await api.call('GET', '/cycles/2014/reports/me', { token: api.tokens.me });
    expect(lower.status).toBe(200);
    expect(await lower.json()).toMatchObject({ country: 'ME' });
    // Writes too: the etag read at the canonical address saves at the lower-case one.
    const report = await (await api.call('GET', '/cycles/2014/reports/ME', { token: api.tokens.me })).json();
    const saved = await api.call('PUT', '/cycles/2014/reports/me/sections/1.1.A', { token: api.tokens.me, headers: { 'if-match': report.sections[0].etag }, body: { text: 'Typed at a lower-case address' } });
    expect(saved.status).toBe(200);
    // Authorization compares the upper-case code: another country's rapporteur is still refused.
    expect((await api.call('GET', '/cycles/2014/reports/me', { token: api.tokens.xk })).status).toBe(403);
  });

  it('still refuses a code that is not two letters (400 naming the field)', async () => {
    const response = await api.call('GET', '/cycles/2014/reports/mne', { token: api.tokens.me });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.map((e: { path: string }) => e.path)).toContain('path.country');
  });

  it.each([
    ['/reports/2014/me', '/reports/2014/ME'],
    ['/reports/2014/me/sections/1.1.A?done=saved', '/reports/2014/ME/sections/1.1.A?done=saved'],
    ['/public/2014/xk', '/public/2014/XK'],
    ['/reports/2014/Me/history', '/reports/2014/ME/history'],
  ])('redirect a page at %s permanently to %s', async (path, canonical) => {
    const response = await fetch(api.url + path, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(canonical);
  });
});

describe('favicon', () => {
  it('serves /favicon.ico with cache headers', async () => {
    const response = await fetch(`${api.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('cache-control')).toContain('max-age=');
    expect(await response.text()).toContain('<svg');
    const again = await fetch(`${api.url}/favicon.ico`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
