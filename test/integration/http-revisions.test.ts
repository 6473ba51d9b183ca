/**
 * Revisions, what changed since the review, reopening and publications, through a real server over
 * DynamoDB Local: every save kept as a revision, a word diff that rebuilds both texts exactly,
 * `changedSinceReview` only for a changed answer, reopening by admins with a reason, and immutable
 * publications that the public keeps reading during a correction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const path = (country: string) => `/cycles/2014/reports/${country}`;
type Section = { id: string; etag: string; status: string; version: number; reviewedVersion?: number; changedSinceReview: boolean; text: string };
type Part = { op: 'equal' | 'insert' | 'delete'; text: string };

async function json(response: Response, status = 200) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return text ? JSON.parse(text) : undefined;
}

const rapporteurOf = (country: string) => api.issuer.sign({ sub: `rap-${country.toLowerCase()}`, name: `Rapporteur ${country}`, roles: ['rapporteur'], country });
const reportOf = async (country: string, token: string = api.tokens.admin) => json(await api.call('GET', path(country), { token }));
const sectionOf = (report: { sections: Section[] }, id: string) => report.sections.find((s) => s.id === id)!;

async function save(country: string, token: string, id: string, text: string, nothingToReport = false) {
  const current = sectionOf(await reportOf(country, token), id);
  return json(await api.call('PUT', `${path(country)}/sections/${id}`, { token, headers: { 'if-match': current.etag }, body: nothingToReport ? { text: '', nothingToReport } : { text } }));
}

/** Answers every section of `country` and submits; returns the rapporteur's token. */
async function submitted(country: string, texts: Record<string, string> = {}): Promise<string> {
  const token = await rapporteurOf(country);
  const report = await reportOf(country, token);
  for (const s of report.sections as Section[]) {
    await json(await api.call('PUT', `${path(country)}/sections/${s.id}`, { token, headers: { 'if-match': s.etag }, body: { text: texts[s.id] ?? `Answer ${s.id}` } }));
  }
  await json(await api.call('POST', `${path(country)}/submit`, { token }));
  return token;
}

async function sendReview(country: string, decisions: Array<{ section: string; verdict: 'approve' | 'return'; comment?: string }>) {
  return json(await api.call('POST', `${path(country)}/reviews`, { token: api.tokens.reviewer, body: { decisions } }));
}

async function approveAll(country: string) {
  const report = await reportOf(country);
  const pending = (report.sections as Section[]).filter((s) => s.status === 'submitted').map((s) => ({ section: s.id, verdict: 'approve' as const }));
  if (pending.length) await sendReview(country, pending);
  await json(await api.call('POST', `${path(country)}/approve`, { token: api.tokens.reviewer }));
}

const rebuild = (changes: Part[], side: 'old' | 'new') => changes.filter((p) => p.op === 'equal' || p.op === (side === 'old' ? 'delete' : 'insert')).map((p) => p.text).join('');

describe('revisions and the diff since the review', () => {
  const before = 'Ministry of Justice drafted:\n\n- a new law on grooming\n- training for 40 prosecutors\n\nČeská spolupráce – “úspěšná”.';
  const after = 'The Ministry of Justice adopted:\n\n- a new law on grooming (March 2015)\n- training for 55 prosecutors and judges\n\nČeská spolupráce – “velmi úspěšná”. 日本語も。';

  it('keeps every save as a revision, and the diff since the return rebuilds both texts exactly (lists, non-ASCII)', async () => {
    const country = 'AL';
    const token = await submitted(country, { '1.1.A': before });
    await sendReview(country, [{ section: '1.1.A', verdict: 'return', comment: 'Was the law adopted?' }]);
    const returned = sectionOf(await reportOf(country, token), '1.1.A');
    expect(returned).toMatchObject({ status: 'returned', changedSinceReview: false, reviewedVersion: 1 });

    await save(country, token, '1.1.A', 'A first attempt.');
    await save(country, token, '1.1.A', after);
    const revised = sectionOf(await reportOf(country, token), '1.1.A');
    expect(revised).toMatchObject({ changedSinceReview: true, reviewedVersion: 1, text: after });

    const { revisions } = await json(await api.call('GET', `${path(country)}/sections/1.1.A/revisions`, { token: api.tokens.reviewer }));
    expect(revisions.map((r: { version: number; status: string; by: { sub: string } }) => [r.version, r.status, r.by.sub])).toEqual([
      [1, 'draft', 'rap-al'],
      // A revision is numbered by the section's version when it was saved (submitting and returning move it too).
      [4, 'returned', 'rap-al'],
      [5, 'returned', 'rap-al'],
    ]);
    expect(revisions[0]).not.toHaveProperty('text');
    expect(await json(await api.call('GET', `${path(country)}/sections/1.1.A/revisions/4`, { token }))).toMatchObject({ version: 4, text: 'A first attempt.', nothingToReport: false });
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/revisions/2`, { token }), 404);

    // By default: since the review, to the current answer.
    const diff = await json(await api.call('GET', `${path(country)}/sections/1.1.A/diff`, { token: api.tokens.reviewer }));
    expect([diff.from, diff.to]).toEqual([1, 5]);
    expect(rebuild(diff.changes, 'old')).toBe(before);
    expect(rebuild(diff.changes, 'new')).toBe(after);
    expect(diff.changes).toContainEqual({ op: 'insert', text: '55' });
    expect(diff.changes).toContainEqual({ op: 'delete', text: '40' });
    // Any two revisions.
    const between = await json(await api.call('GET', `${path(country)}/sections/1.1.A/diff?from=4&to=1`, { token }));
    expect([rebuild(between.changes, 'old'), rebuild(between.changes, 'new')]).toEqual(['A first attempt.', before]);
    const badFrom = await json(await api.call('GET', `${path(country)}/sections/1.1.A/diff?from=7`, { token }), 404);
    expect(badFrom.errors?.[0]?.path ?? badFrom.detail).toMatch(/from|7/);

    // Resubmitted: the reviewer still sees what changed since their review.
    await json(await api.call('POST', `${path(country)}/submit`, { token }));
    expect(sectionOf(await reportOf(country), '1.1.A')).toMatchObject({ status: 'submitted', changedSinceReview: true });
    const list = await json(await api.call('GET', '/cycles/2014/reports', { token: api.tokens.reviewer }));
    expect(list.reports.find((r: { country: string }) => r.country === country).changedSections).toEqual(['1.1.A']);

    // Nobody outside the report reads its revisions.
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/revisions`, { token: api.tokens.xk }), 403);
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/diff?from=1&to=5`, { token: api.tokens.xk }), 403);
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/revisions`), 401);
  });

  it('does not count a reply as a change: changedSinceReview stays false for a section answered only by a reply', async () => {
    const country = 'BA';
    const token = await submitted(country);
    await sendReview(country, [{ section: '2.1.B', verdict: 'return', comment: 'Which unit handles this?' }]);
    await json(await api.call('POST', `${path(country)}/sections/2.1.B/comments`, { token, body: { text: 'The cybercrime unit of the police.' } }), 201);
    // Saving the same text again is not a change either.
    await save(country, token, '2.1.B', 'Answer 2.1.B');
    const replied = sectionOf(await reportOf(country, token), '2.1.B');
    expect(replied).toMatchObject({ status: 'returned', changedSinceReview: false });
    await json(await api.call('POST', `${path(country)}/submit`, { token }));
    expect(sectionOf(await reportOf(country), '2.1.B')).toMatchObject({ status: 'submitted', changedSinceReview: false });
    const list = await json(await api.call('GET', '/cycles/2014/reports', { token: api.tokens.reviewer }));
    expect(list.reports.find((r: { country: string }) => r.country === country).changedSections).toEqual([]);
  });
});

describe('reopening and publications', () => {
  it('refuses to reopen without a reason, and for reviewers and rapporteurs', async () => {
    const country = 'MK';
    await submitted(country);
    await approveAll(country);
    const noReason = await json(await api.call('POST', `${path(country)}/sections/1.1.A/reopen`, { token: api.tokens.admin, body: { reason: '  \u200b ' } }), 400);
    expect(noReason.errors[0].path).toBe('body.reason');
    await json(await api.call('POST', `${path(country)}/reopen`, { token: api.tokens.admin, body: {} }), 400);
    await json(await api.call('POST', `${path(country)}/reopen`, { token: api.tokens.reviewer, body: { reason: 'A typo.' } }), 403);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/reopen`, { token: await rapporteurOf(country), body: { reason: 'A typo.' } }), 403);
    // Nothing changed.
    const report = await reportOf(country);
    expect(report.status).toBe('approved');
    expect(sectionOf(report, '1.1.A').status).toBe('approved');
    // A section not approved is not reopened: 409.
    await json(await api.call('POST', `${path(country)}/reopen`, { token: api.tokens.admin, body: { reason: 'Correction of figures.' } }));
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/reopen`, { token: api.tokens.admin, body: { reason: 'Correction of figures.' } }));
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/reopen`, { token: api.tokens.admin, body: { reason: 'Again.' } }), 409);
  });

  it('keeps serving publication 1 while a correction is under way, then publication 2; every publication stays readable', async () => {
    const country = 'RS';
    const token = await submitted(country, { '1.1.A': 'Forty prosecutors were trained.' });
    await approveAll(country);
    await json(await api.call('POST', `${path(country)}/publish`, { token: api.tokens.admin }));

    // The public (no token) and another country read publication 1.
    const first = await reportOf(country, '');
    expect(first.status).toBe('published');
    expect(first.publication).toMatchObject({ number: 1, correctionInProgress: false });
    expect(sectionOf(first, '1.1.A').text).toBe('Forty prosecutors were trained.');

    // An admin reopens the published report and a section, with the reason opening its thread.
    await json(await api.call('POST', `${path(country)}/reopen`, { token: api.tokens.admin, body: { reason: 'The number of prosecutors was wrong.' } }));
    const reopened = await json(await api.call('POST', `${path(country)}/sections/1.1.A/reopen`, { token: api.tokens.admin, body: { reason: 'Please correct the number of prosecutors.' } }));
    expect(reopened.status).toBe('returned');
    expect(sectionOf(reopened, '1.1.A').status).toBe('returned');
    const { comments } = await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`, { token }));
    expect(comments.at(-1)).toMatchObject({ kind: 'return', text: 'Please correct the number of prosecutors.', author: { sub: 'adm-1' } });
    const history = await json(await api.call('GET', `${path(country)}/history`, { token }));
    expect(history.events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['reopenReport', 'reopenSection']));
    expect(history.events.find((e: { action: string }) => e.action === 'reopenReport')).toMatchObject({ actor: { sub: 'adm-1' }, comment: 'The number of prosecutors was wrong.' });

    // The country corrects; the public still reads publication 1, told that a correction is in progress.
    await save(country, token, '1.1.A', 'Fifty-five prosecutors were trained.');
    const during = await reportOf(country, '');
    expect(during.publication).toMatchObject({ number: 1, correctionInProgress: true });
    expect(sectionOf(during, '1.1.A').text).toBe('Forty prosecutors were trained.');
    expect(await (await api.call('GET', `${path(country)}/export?format=md`)).text()).toContain('Forty prosecutors were trained.');
    const answers = await json(await api.call('GET', '/cycles/2014/sections/1.1.A/answers'));
    expect(answers.answers.find((a: { country: string }) => a.country === country).answer.text).toBe('Forty prosecutors were trained.');
    // The country and the secretariat read the report as it stands.
    expect(sectionOf(await reportOf(country, token), '1.1.A').text).toBe('Fifty-five prosecutors were trained.');

    await json(await api.call('POST', `${path(country)}/submit`, { token }));
    await approveAll(country);
    await json(await api.call('POST', `${path(country)}/publish`, { token: api.tokens.admin }));

    const second = await reportOf(country, '');
    expect(second.publication).toMatchObject({ number: 2, correctionInProgress: false });
    expect(sectionOf(second, '1.1.A').text).toBe('Fifty-five prosecutors were trained.');
    const { publications } = await json(await api.call('GET', `${path(country)}/publications`));
    expect(publications.map((p: { number: number }) => p.number)).toEqual([1, 2]);
    expect(sectionOf(await json(await api.call('GET', `${path(country)}/publications/1`)), '1.1.A').text).toBe('Forty prosecutors were trained.');
    expect(sectionOf(await json(await api.call('GET', `${path(country)}/publications/2`)), '1.1.A').text).toBe('Fifty-five prosecutors were trained.');
    await json(await api.call('GET', `${path(country)}/publications/3`), 404);
    const exported = await (await api.call('GET', `${path(country)}/export?format=md`)).text();
    expect(exported).toMatch(/^Edition: publication 2 of \d{1,2} \w+ \d{4}$/m);
  });

  it('marks exports with their edition, and tells an unanswered section from one with nothing to report', async () => {
    const country = 'HR';
    const token = await rapporteurOf(country);
    await save(country, token, '1.1.A', 'Our answer.');
    await save(country, token, '1.1.B', '', true);
    const md = await (await api.call('GET', `${path(country)}/export?format=md`, { token })).text();
    expect(md).toMatch(/^Edition: not published \(status: draft, last changed \d{1,2} \w+ \d{4}\)$/m);
    const blocks = md.split(/\n(?=[ABC]\) \*)/);
    const answerOf = (n: number) => blocks[n]!.split('\n\n')[1]!.trim();
    expect([answerOf(1), answerOf(2), answerOf(3)]).toEqual(['Our answer.', '/', 'No answer yet.']);
    const html = await (await api.call('GET', `${path(country)}/export?format=html`, { token })).text();
    expect(html).toContain('<p class="edition">Edition: not published (status: draft');
    expect(html.match(/class="unanswered"/g)).toHaveLength(19);
    expect(html.match(/class="nothing-to-report"/g)).toHaveLength(1);
  });
});

describe('round trips', () => {
  it('reads a report in one Query whose item count does not grow with revisions; the new routes cost one or two round trips', async () => {
    const country = 'SI';
    const token = await rapporteurOf(country);
    const read = async () => {
      api.dynamo.reset();
      await reportOf(country, token);
      return { calls: api.dynamo.calls.slice(), items: api.dynamo.queryItems.slice() };
    };
    await save(country, token, '1.1.A', 'one');
    const once = await read();
    for (const text of ['two', 'three', 'four', 'five']) await save(country, token, '1.1.A', text);
    const later = await read();
    expect(once.calls).toEqual(['QueryCommand']);
    expect(later.calls).toEqual(['QueryCommand']);
    expect(later.items).toEqual(once.items);

    const measured: Record<string, string[]> = {};
    const callsOf = async (name: string, route: string, as = token) => {
      api.dynamo.reset();
      await json(await api.call('GET', route, { token: as }));
      measured[name] = api.dynamo.calls.slice();
    };
    await callsOf('GET revisions', `${path(country)}/sections/1.1.A/revisions`);
    await callsOf('GET revision', `${path(country)}/sections/1.1.A/revisions/2`);
    await callsOf('GET diff', `${path(country)}/sections/1.1.A/diff?from=1&to=5`);
    await callsOf('GET publications', `${path(country)}/publications`, '');
    expect(measured).toEqual({
      'GET revisions': ['QueryCommand'],
      'GET revision': ['BatchGetItemCommand'],
      // The section (the report's Query) and the revisions not current (one BatchGetItem).
      'GET diff': ['QueryCommand', 'BatchGetItemCommand'],
      'GET publications': ['QueryCommand'],
    });
  });
});
