/** Every refusal of the HTTP contract, through a real server, with storage checked unchanged. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
const ME = '/cycles/2014/reports/ME';

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const body = await response.json();
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  return body;
}

async function reportOf(country: string) {
  return (await api.call('GET', `/cycles/2014/reports/${country}`, { token: api.tokens.admin })).json();
}

async function etagOf(country: string, section: string, token: string) {
  const report = await (await api.call('GET', `/cycles/2014/reports/${country}`, { token })).json();
  return report.sections.find((s: { id: string }) => s.id === section).etag as string;
}

describe('authentication (401)', () => {
  it('refuses a request without a token', async () => {
    // (A report itself is readable without a token once published: its latest publication.)
    const response = await api.call('GET', `${ME}/history`);
    await problem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: ['admin'], name: 'Mallory' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mallory')
      .setIssuer(api.issuer.issuer)
      .setAudience(api.issuer.audience)
      .setExpirationTime('1h')
      .sign(privateKey);
    await problem(await api.call('GET', ME, { token: forged }), 401);
  });

  it('refuses an expired token', async () => {
    const expired = await api.issuer.sign({ sub: 'late', name: 'Late', roles: ['admin'] }, { expiresIn: '-5m' });
    const body = await problem(await api.call('GET', ME, { token: expired }), 401);
    expect(body.detail).toMatch(/expired/);
  });

  /** A token signed with the development issuer's own key, with the claims set by `build`. */
  async function signedByIssuer(build: (jwt: SignJWT) => SignJWT): Promise<string> {
    const jwk = JSON.parse(readFileSync(join(api.dataDir, 'keys', 'dev-issuer.private.jwk.json'), 'utf8'));
    const jwt = new SignJWT({ roles: ['admin'], name: 'Forever' }).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setSubject('forever').setIssuer(api.issuer.issuer).setAudience(api.issuer.audience);
    return build(jwt).sign(await importJWK(jwk, 'ES256'));
  }

  it('accepts a correctly signed token with exp and iat (the control of the two below)', async () => {
    expect((await api.call('GET', ME, { token: await signedByIssuer((jwt) => jwt.setIssuedAt().setExpirationTime('1h')) })).status).toBe(200);
  });

  it('refuses a correctly signed token without exp', async () => {
    await problem(await api.call('GET', ME, { token: await signedByIssuer((jwt) => jwt.setIssuedAt()) }), 401);
  });

  it('refuses a correctly signed token without iat, or issued in the future', async () => {
    await problem(await api.call('GET', ME, { token: await signedByIssuer((jwt) => jwt.setExpirationTime('1h')) }), 401);
    const future = Math.floor(Date.now() / 1000) + 3600;
    await problem(await api.call('GET', ME, { token: await signedByIssuer((jwt) => jwt.setIssuedAt(future).setExpirationTime(future + 3600)) }), 401);
  });

  it('refuses a malformed Authorization header', async () => {
    await problem(await api.call('GET', ME, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }), 401);
  });
});

describe('authorization (403)', () => {
  it("refuses a rapporteur reading another country's report", async () => {
    await problem(await api.call('GET', ME, { token: api.tokens.xk }), 403);
  });

  it("refuses a rapporteur saving another country's section, and changes nothing", async () => {
    const before = await reportOf('ME');
    await problem(
      await api.call('PUT', `${ME}/sections/1.1.A`, { token: api.tokens.xk, headers: { 'if-match': before.sections[0].etag }, body: { text: 'Not mine' } }),
      403,
    );
    expect(await reportOf('ME')).toEqual(before);
  });

  it('refuses a reviewer saving a section', async () => {
    const etag = await etagOf('ME', '1.1.A', api.tokens.reviewer);
    await problem(await api.call('PUT', `${ME}/sections/1.1.A`, { token: api.tokens.reviewer, headers: { 'if-match': etag }, body: { text: 'x' } }), 403);
  });

  it.each([
    ['a rapporteur approves a section', 'POST', `${ME}/sections/1.1.A/approve`, 'me', undefined],
    ['a rapporteur returns a section', 'POST', `${ME}/sections/1.1.A/return`, 'me', { comment: 'x' }],
    ['a rapporteur approves the report', 'POST', `${ME}/approve`, 'me', undefined],
    ['a reviewer publishes', 'POST', `${ME}/publish`, 'reviewer', undefined],
    ['a reviewer submits', 'POST', `${ME}/submit`, 'reviewer', undefined],
    ['a rapporteur submits another country', 'POST', `${ME}/submit`, 'xk', undefined],
    ['a rapporteur reads the history of another country', 'GET', `${ME}/history`, 'xk', undefined],
  ] as const)('refuses: %s', async (_name, method, path, who, body) => {
    await problem(await api.call(method, path, { token: api.tokens[who], ...(body ? { body } : {}) }), 403);
  });

  it("lists only the rapporteur's own report", async () => {
    const list = await (await api.call('GET', '/cycles/2014/reports', { token: api.tokens.xk })).json();
    expect(list.reports.map((r: { country: string }) => r.country)).toEqual(['XK']);
  });
});

describe('optimistic concurrency (412, 428)', () => {
  it('refuses a save without If-Match with 428', async () => {
    const body = await problem(await api.call('PUT', `/cycles/2014/reports/AL/sections/1.1.A`, { token: await rapporteurOf('AL'), body: { text: 'x' } }), 428);
    expect(body.detail).toMatch(/If-Match/);
  });

  it('refuses a stale If-Match with 412 and keeps the newer text', async () => {
    const token = await rapporteurOf('AL');
    const etag = await etagOf('AL', '1.1.B', token);
    const first = await api.call('PUT', `/cycles/2014/reports/AL/sections/1.1.B`, { token, headers: { 'if-match': etag }, body: { text: 'First tab' } });
    expect(first.status).toBe(200);
    await problem(await api.call('PUT', `/cycles/2014/reports/AL/sections/1.1.B`, { token, headers: { 'if-match': etag }, body: { text: 'Second tab' } }), 412);
    const report = await (await api.call('GET', '/cycles/2014/reports/AL', { token })).json();
    expect(report.sections[1].text).toBe('First tab');
  });

  it('refuses a weak If-Match validator with 412 (RFC 9110: strong comparison) and keeps the text', async () => {
    const token = await rapporteurOf('AL');
    const etag = await etagOf('AL', '2.1.A', token);
    await problem(await api.call('PUT', `/cycles/2014/reports/AL/sections/2.1.A`, { token, headers: { 'if-match': `W/${etag}` }, body: { text: 'Weak' } }), 412);
    expect(await etagOf('AL', '2.1.A', token)).toBe(etag);
  });

  it("refuses another section's etag with 412", async () => {
    const token = await rapporteurOf('AL');
    const etag = await etagOf('AL', '1.1.A', token);
    await problem(await api.call('PUT', `/cycles/2014/reports/AL/sections/1.1.C`, { token, headers: { 'if-match': etag }, body: { text: 'x' } }), 412);
  });
});

describe('invalid input (400) changes nothing', () => {
  it.each([
    ['text missing', {}, 'body.text'],
    ['text not a string', { text: 42 }, 'body.text'],
    ['unknown field', { text: 'x', status: 'approved' }, 'body'],
    ['nothingToReport not a boolean', { text: '', nothingToReport: 'yes' }, 'body.nothingToReport'],
    ['text with nothingToReport', { text: 'Something', nothingToReport: true }, 'body.text'],
  ])('refuses a save with %s, naming %s', async (_name, body, path) => {
    const token = await rapporteurOf('BA');
    const before = await (await api.call('GET', '/cycles/2014/reports/BA', { token })).json();
    const response = await api.call('PUT', '/cycles/2014/reports/BA/sections/1.1.A', { token, headers: { 'if-match': before.sections[0].etag }, body });
    const problemBody = await problem(response, 400);
    expect(problemBody.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await (await api.call('GET', '/cycles/2014/reports/BA', { token })).json()).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const token = await rapporteurOf('BA');
    const etag = await etagOf('BA', '1.1.A', token);
    const response = await fetch(`${api.url}/cycles/2014/reports/BA/sections/1.1.A`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'application/json' }, body: '{"text": ' });
    const body = await problem(response, 400);
    expect(body.errors[0].path).toBe('body');
  });

  it('refuses a body sent as another media type, naming the header', async () => {
    const token = await rapporteurOf('BA');
    const etag = await etagOf('BA', '1.1.A', token);
    const response = await fetch(`${api.url}/cycles/2014/reports/BA/sections/1.1.A`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'if-match': etag, 'content-type': 'text/plain' }, body: 'An answer' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const body = await response.json();
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining([expect.stringMatching(/^(header\.content-type|body)/)]));
  });

  it.each([
    ['a malformed section id', '/cycles/2014/reports/ME/sections/one/approve', 'path.section'],
    ['a malformed country', '/cycles/2014/reports/montenegro/approve', 'path.country'],
    ['a malformed cycle', '/cycles/fourteen/reports/ME/approve', 'path.cycle'],
  ])('refuses %s, naming the field', async (_name, path, field) => {
    const body = await problem(await api.call('POST', path, { token: api.tokens.reviewer }), 400);
    expect(body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('refuses a return without a comment and keeps the section submitted', async () => {
    await submitWholeReport('MK');
    const body = await problem(await api.call('POST', '/cycles/2014/reports/MK/sections/1.1.A/return', { token: api.tokens.reviewer, body: { comment: '   ' } }), 400);
    expect(body.errors).toEqual([{ path: 'body.comment', message: 'must not be empty' }]);
    const report = await reportOf('MK');
    expect(report.sections[0].status).toBe('submitted');
    expect(report.status).toBe('submitted');
  });

  it.each([
    ['NULs', '\u0000\u0000\u0000'],
    ['zero-width characters', '\u200b\u200c\u200d\ufeff'],
    ['control characters and bidi marks', '\u0007\u001b\u202e\u2066 \t'],
  ])('refuses a return comment of only %s as empty, and keeps the section submitted', async (_name, comment) => {
    const body = await problem(await api.call('POST', '/cycles/2014/reports/MK/sections/1.1.B/return', { token: api.tokens.reviewer, body: { comment } }), 400);
    expect(body.errors).toEqual([{ path: 'body.comment', message: 'must not be empty' }]);
    expect((await reportOf('MK')).sections[1].status).toBe('submitted');
  });

  it('refuses a blank-to-reader cycle title, deadline reason, reply and review summary (400 naming the field)', async () => {
    const blank = '\u200b\u0000 \u2060';
    const created = await problem(await api.call('POST', '/cycles', { token: api.tokens.admin, body: { id: '2031', year: 2031, deadline: '2031-09-30T23:59:59Z', title: blank } }), 400);
    expect(created.errors.map((e: { path: string }) => e.path)).toContain('body.title');
    const cycle = await (await api.call('GET', '/cycles/2014', { token: api.tokens.admin })).json();
    const updated = await problem(await api.call('PATCH', '/cycles/2014', { token: api.tokens.admin, headers: { 'if-match': cycle.etag }, body: { title: blank } }), 400);
    expect(updated.errors.map((e: { path: string }) => e.path)).toContain('body.title');
    const extension = await problem(await api.call('PUT', '/cycles/2014/participants/MK/deadline', { token: api.tokens.admin, body: { deadline: '2099-01-01T00:00:00Z', reason: blank } }), 400);
    expect(extension.errors.map((e: { path: string }) => e.path)).toContain('body.reason');
    const sent = await problem(await api.call('POST', '/cycles/2014/reports/MK/reviews', { token: api.tokens.reviewer, body: { decisions: [{ section: '1.1.A', verdict: 'approve' }], summary: blank } }), 400);
    expect(sent.errors.map((e: { path: string }) => e.path)).toContain('body.summary');
    expect((await reportOf('MK')).sections[0].status).toBe('submitted');
  });

  it('counts an answer blank to a reader as no answer: submission is refused naming the section', async () => {
    const token = await rapporteurOf('MD');
    const report = await (await api.call('GET', '/cycles/2014/reports/MD', { token })).json();
    for (const section of report.sections) {
      const text = section.id === '1.1.C' ? '\u200b\u0000\u200d' : `Answer ${section.id}`;
      expect((await api.call('PUT', `/cycles/2014/reports/MD/sections/${section.id}`, { token, headers: { 'if-match': section.etag }, body: { text } })).status).toBe(200);
    }
    const body = await problem(await api.call('POST', '/cycles/2014/reports/MD/submit', { token }), 409);
    expect(body.errors).toEqual([{ path: 'sections.1.1.C', message: 'has no answer' }]);
  });

  it('refuses an unknown status filter', async () => {
    const body = await problem(await api.call('GET', '/cycles/2014/reports?status=lost', { token: api.tokens.reviewer }), 400);
    expect(body.errors[0].path).toBe('query.status');
  });
});

describe('unknown things (404)', () => {
  it.each([
    ['a cycle', '/cycles/1999'],
    ['a country outside the cycle', '/cycles/2014/reports/ZZ'],
    ['a route under the API', '/cycles/2014/reports/ME/nowhere'],
  ])('answers 404 for %s', async (_name, path) => {
    await problem(await api.call('GET', path, { token: api.tokens.admin }), 404);
  });

  it('answers 404 for a section the form lacks', async () => {
    await problem(await api.call('PUT', '/cycles/2014/reports/ME/sections/5.1.A', { token: api.tokens.me, headers: { 'if-match': '"x"' }, body: { text: 'x' } }), 404);
  });
});

describe('the wrong state (409)', () => {
  it('refuses submitting a report with unanswered sections, naming them', async () => {
    const body = await problem(await api.call('POST', '/cycles/2014/reports/RS/submit', { token: await rapporteurOf('RS') }), 409);
    expect(body.detail).toMatch(/1\.1\.A/);
    expect((await reportOf('RS')).status).toBe('draft');
  });

  it('refuses saving a submitted section, approving a report with an unapproved section, and publishing before approval', async () => {
    const token = await submitWholeReport('HR');
    const report = await reportOf('HR');
    await problem(await api.call('PUT', '/cycles/2014/reports/HR/sections/1.1.A', { token, headers: { 'if-match': report.sections[0].etag }, body: { text: 'Late' } }), 409);
    await problem(await api.call('POST', '/cycles/2014/reports/HR/approve', { token: api.tokens.reviewer }), 409);
    await problem(await api.call('POST', '/cycles/2014/reports/HR/publish', { token: api.tokens.admin }), 409);
    await problem(await api.call('POST', '/cycles/2014/reports/HR/submit', { token }), 409);
    const after = await reportOf('HR');
    expect(after).toEqual(report);
    const { events } = await (await api.call('GET', '/cycles/2014/reports/HR/history', { token: api.tokens.reviewer })).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitReport']);
  });

  it('refuses approving a section twice and saving an approved section', async () => {
    const token = await submitWholeReport('SI');
    await api.call('POST', '/cycles/2014/reports/SI/sections/1.1.A/approve', { token: api.tokens.reviewer });
    await problem(await api.call('POST', '/cycles/2014/reports/SI/sections/1.1.A/approve', { token: api.tokens.reviewer }), 409);
    const etag = await etagOf('SI', '1.1.A', token);
    await problem(await api.call('PUT', '/cycles/2014/reports/SI/sections/1.1.A', { token, headers: { 'if-match': etag }, body: { text: 'Changed after approval' } }), 409);
  });
});

async function rapporteurOf(country: string): Promise<string> {
  return api.issuer.sign({ sub: `rap-${country.toLowerCase()}`, name: `Rapporteur ${country}`, roles: ['rapporteur'], country });
}

/** Answers every section of `country` and submits; returns the rapporteur's token. */
async function submitWholeReport(country: string): Promise<string> {
  const token = await rapporteurOf(country);
  const report = await (await api.call('GET', `/cycles/2014/reports/${country}`, { token })).json();
  for (const section of report.sections) {
    const response = await api.call('PUT', `/cycles/2014/reports/${country}/sections/${section.id}`, { token, headers: { 'if-match': section.etag }, body: { text: `Answer ${section.id}` } });
    expect(response.status).toBe(200);
  }
  expect((await api.call('POST', `/cycles/2014/reports/${country}/submit`, { token })).status).toBe(200);
  return token;
}
