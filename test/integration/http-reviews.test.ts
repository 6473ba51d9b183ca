/**
 * Reviews sent at once and the conversation per section, through a real server over DynamoDB
 * Local: draft reviews (kept, private to their author, listed as in progress), sending in one
 * transaction (all or nothing, 409 naming the sections), threads with internal notes that never
 * reach the country or the public, and the resubmission rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;
let secondReviewer: string;

beforeAll(async () => {
  api = await startTestApi();
  secondReviewer = await api.issuer.sign({ sub: 'rev-2', name: 'Reviewer Two', roles: ['reviewer'] });
});
afterAll(async () => {
  await api?.close();
});

const path = (country: string) => `/cycles/2014/reports/${country}`;

async function json(response: Response, status = 200) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return text ? JSON.parse(text) : undefined;
}

async function rapporteurOf(country: string): Promise<string> {
  return api.issuer.sign({ sub: `rap-${country.toLowerCase()}`, name: `Rapporteur ${country}`, roles: ['rapporteur'], country });
}

/** Answers every section of `country` and submits; returns the rapporteur's token. */
async function submitted(country: string): Promise<string> {
  const token = await rapporteurOf(country);
  const report = await json(await api.call('GET', path(country), { token }));
  for (const section of report.sections) {
    await json(await api.call('PUT', `${path(country)}/sections/${section.id}`, { token, headers: { 'if-match': section.etag }, body: { text: `Answer ${section.id}` } }));
  }
  await json(await api.call('POST', `${path(country)}/submit`, { token }));
  return token;
}

const reportOf = async (country: string, token = api.tokens.admin) => json(await api.call('GET', path(country), { token }));
const section = (report: { sections: Array<{ id: string }> }, id: string) => report.sections.find((s) => s.id === id) as unknown as Record<string, unknown> & { etag: string; status: string };

describe('draft reviews', () => {
  it('keeps a draft, reads it back, and shows the country nothing of it', async () => {
    const country = 'AL';
    const token = await submitted(country);
    const decisions = [
      { section: '2.1.A', verdict: 'return', comment: 'Please give the number of cases.' },
      { section: '1.1.A', verdict: 'approve' },
    ];
    const saved = await json(await api.call('PUT', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer, body: { decisions } }));
    // Kept in form order.
    expect(saved.decisions).toEqual([decisions[1], decisions[0]]);
    expect(saved.reviewer).toEqual({ sub: 'rev-1', name: 'Reviewer One' });
    expect((await json(await api.call('GET', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer }))).decisions).toEqual([decisions[1], decisions[0]]);

    // Nothing is applied yet.
    const report = await reportOf(country);
    expect(report.status).toBe('submitted');
    expect(section(report, '2.1.A').status).toBe('submitted');

    // Another reviewer has their own (empty) draft and sees who is reviewing; the country sees nothing.
    expect((await json(await api.call('GET', `${path(country)}/reviews/draft`, { token: secondReviewer }))).decisions).toEqual([]);
    expect((await reportOf(country, secondReviewer)).reviewsInProgress).toEqual([{ reviewer: { sub: 'rev-1', name: 'Reviewer One' }, decisions: 2, updatedAt: expect.any(String) }]);
    const list = await json(await api.call('GET', '/cycles/2014/reports', { token: secondReviewer }));
    expect(list.reports.find((r: { country: string }) => r.country === country).reviewsInProgress).toHaveLength(1);
    await json(await api.call('GET', `${path(country)}/reviews/draft`, { token }), 403);
    const seenByCountry = await json(await api.call('GET', path(country), { token }));
    expect(seenByCountry.reviewsInProgress).toEqual([]);
    expect(JSON.stringify(seenByCountry)).not.toContain('number of cases');
    expect(JSON.stringify(await json(await api.call('GET', `${path(country)}/history`, { token })))).not.toContain('number of cases');

    // Discarding removes it for everyone.
    await json(await api.call('DELETE', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer }), 204);
    expect((await reportOf(country, secondReviewer)).reviewsInProgress).toEqual([]);
  });

  it.each([
    ['a return without a comment', { decisions: [{ section: '1.1.B', verdict: 'return' }] }, 'body.decisions.0.comment'],
    ['a return with a comment of zero-width and NUL characters', { decisions: [{ section: '1.1.B', verdict: 'return', comment: '\u200b\u0000 \u200d' }] }, 'body.decisions.0.comment'],
    ['a section named twice', { decisions: [{ section: '1.1.B', verdict: 'approve' }, { section: '1.1.B', verdict: 'approve' }] }, 'body.decisions.1.section'],
    ['an unknown verdict', { decisions: [{ section: '1.1.B', verdict: 'maybe' }] }, 'body.decisions.0.verdict'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const response = await api.call('PUT', `${path('AL')}/reviews/draft`, { token: api.tokens.reviewer, body });
    const problem = await json(response, 400);
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('refuses a draft decision on a section that is not submitted (409 naming it), and a rapporteur', async () => {
    const problem = await json(await api.call('PUT', `${path('BA')}/reviews/draft`, { token: api.tokens.reviewer, body: { decisions: [{ section: '1.1.A', verdict: 'approve' }] } }), 409);
    expect(problem.detail).toMatch(/nothing to review|1\.1\.A/);
    await json(await api.call('PUT', `${path('AL')}/reviews/draft`, { token: await rapporteurOf('AL'), body: { decisions: [] } }), 403);
  });
});

describe('sending a review', () => {
  it('applies every decision in one Query and one transaction; the report is returned only when a section is', async () => {
    const country = 'AR';
    await submitted(country);
    await json(await api.call('PUT', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer, body: { decisions: [{ section: '1.1.A', verdict: 'approve' }, { section: '1.1.B', verdict: 'approve' }] } }));
    api.dynamo.reset();
    const approvedOnly = await json(await api.call('POST', `${path(country)}/reviews`, { token: api.tokens.reviewer, body: { summary: 'First pass.' } }));
    expect(api.dynamo.calls).toEqual(['QueryCommand', 'TransactWriteItemsCommand']);
    expect(approvedOnly.status).toBe('submitted');
    expect(section(approvedOnly, '1.1.A')).toMatchObject({ status: 'approved', review: { verdict: 'approve', by: { sub: 'rev-1' } } });
    // The draft was sent, so it is gone.
    expect((await json(await api.call('GET', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer }))).decisions).toEqual([]);

    const returned = await json(
      await api.call('POST', `${path(country)}/reviews`, {
        token: secondReviewer,
        body: { decisions: [{ section: '2.1.A', verdict: 'return', comment: 'Add the 2013 figures.' }, { section: '2.1.B', verdict: 'approve' }] },
      }),
    );
    expect(returned.status).toBe('returned');
    expect(section(returned, '2.1.A')).toMatchObject({ status: 'returned', returnComment: 'Add the 2013 figures.', awaitsResponse: true });

    const { reviews } = await json(await api.call('GET', `${path(country)}/reviews`, { token: await rapporteurOf(country) }));
    expect(reviews.map((r: { actor: { sub: string }; review: unknown }) => [r.actor.sub, r.review])).toEqual([
      ['rev-1', { decisions: [{ section: '1.1.A', verdict: 'approve' }, { section: '1.1.B', verdict: 'approve' }], summary: 'First pass.' }],
      ['rev-2', { decisions: [{ section: '2.1.A', verdict: 'return', comment: 'Add the 2013 figures.' }, { section: '2.1.B', verdict: 'approve' }] }],
    ]);
    // The return opened the section's conversation.
    const { comments } = await json(await api.call('GET', `${path(country)}/sections/2.1.A/comments`, { token: await rapporteurOf(country) }));
    expect(comments).toEqual([expect.objectContaining({ kind: 'return', role: 'reviewer', internal: false, text: 'Add the 2013 figures.', author: { sub: 'rev-2', name: 'Reviewer Two' } })]);
    // One event per state change.
    const { events } = await json(await api.call('GET', `${path(country)}/history`, { token: api.tokens.admin }));
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitReport', 'sendReview', 'sendReview']);
  });

  it('applies nothing when one decision is on a section decided meanwhile, and names it (409)', async () => {
    const country = 'AT';
    await submitted(country);
    await json(await api.call('PUT', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer, body: { decisions: [{ section: '1.1.A', verdict: 'approve' }, { section: '3.1.C', verdict: 'return', comment: 'Which campaign?' }] } }));
    await json(await api.call('POST', `${path(country)}/sections/3.1.C/approve`, { token: secondReviewer }));
    const before = await reportOf(country);
    const problem = await json(await api.call('POST', `${path(country)}/reviews`, { token: api.tokens.reviewer, body: {} }), 409);
    expect(problem.detail).toContain('3.1.C');
    expect(problem.errors).toEqual([{ path: 'sections.3.1.C', message: 'is approved, no longer waiting for review' }]);
    expect(await reportOf(country)).toEqual(before);
    expect((await json(await api.call('GET', `${path(country)}/reviews/draft`, { token: api.tokens.reviewer }))).decisions).toHaveLength(2);
  });

  it('lets exactly one of two concurrent reviews deciding the same section win; the other is 409', async () => {
    const country = 'BE';
    await submitted(country);
    const send = (token: string, verdict: 'approve' | 'return') =>
      api.call('POST', `${path(country)}/reviews`, { token, body: { decisions: [{ section: '4.2.C', verdict, ...(verdict === 'return' ? { comment: 'No.' } : {}) }] } });
    const results = await Promise.all([send(api.tokens.reviewer, 'approve'), send(secondReviewer, 'return')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const { events } = await json(await api.call('GET', `${path(country)}/history`, { token: api.tokens.admin }));
    expect(events.map((e: { action: string }) => e.action)).toEqual(['submitReport', 'sendReview']);
  });

  it('keeps the stage-1 section routes as one-decision reviews', async () => {
    const country = 'BG';
    await submitted(country);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/return`, { token: api.tokens.reviewer, body: { comment: 'More detail.' } }));
    const { reviews } = await json(await api.call('GET', `${path(country)}/reviews`, { token: api.tokens.admin }));
    expect(reviews).toEqual([expect.objectContaining({ action: 'returnSection', section: '1.1.A', review: { decisions: [{ section: '1.1.A', verdict: 'return', comment: 'More detail.' }] } })]);
  });
});

describe('the conversation of a section', () => {
  it('never shows an internal note to the country or the public, on any route, export or page', async () => {
    const country = 'KH';
    const token = await submitted(country);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/return`, { token: api.tokens.reviewer, body: { comment: 'Please say which unit.' } }));
    const secret = 'Internal: the ministry changed its minister last week.';
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token: secondReviewer, body: { text: secret, internal: true } }), 201);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token, body: { text: 'The cybercrime unit of the police.' } }), 201);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token: api.tokens.reviewer, body: { text: 'Thank you, noted.' } }), 201);

    const staff = await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`, { token: api.tokens.reviewer }));
    expect(staff.comments.map((c: { kind: string; internal: boolean }) => [c.kind, c.internal])).toEqual([
      ['return', false],
      ['note', true],
      ['reply', false],
      ['note', false],
    ]);
    expect((await json(await api.call('GET', `${path(country)}/history`, { token: api.tokens.admin }))).comments).toHaveLength(4);

    // Every route that returns comments, the exports and the pages, as the country.
    const asCountry = [
      `${path(country)}/sections/1.1.A/comments`,
      `${path(country)}/history`,
      `${path(country)}/reviews`,
      path(country),
      `${path(country)}/export?format=md`,
      `${path(country)}/export?format=html`,
    ];
    for (const route of asCountry) {
      const body = await (await api.call('GET', route, { token })).text();
      expect(body, route).not.toContain('minister');
    }
    const visible = await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`, { token }));
    expect(visible.comments.map((c: { kind: string }) => c.kind)).toEqual(['return', 'reply', 'note']);
    // The pages, through the web app with the country's session.
    const session = `ar_session=${token}`;
    for (const [page, shown] of [
      [`/reports/2014/${country}`, '3 comments'],
      [`/reports/2014/${country}/sections/1.1.A`, 'cybercrime unit'],
      [`/reports/2014/${country}/history`, 'cybercrime unit'],
    ] as const) {
      const html = await (await api.call('GET', page, { headers: { cookie: session } })).text();
      expect(html, page).toContain(shown);
      expect(html, page).not.toContain('minister');
      expect(html, page).not.toContain('Internal');
    }
    // Another country and the public read nothing of it.
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`, { token: api.tokens.xk }), 403);
    await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`), 401);
  });

  it.each([
    ['blank text', { text: '   ' }, 400],
    ['text of only control and zero-width characters', { text: '\u0000\u0007\u200b\ufeff' }, 400],
    ['text over the limit', { text: 'x'.repeat(10_001) }, 400],
    ['an internal note from the country', { text: 'Psst.', internal: true }, 403],
  ])('refuses %s', async (_name, body, status) => {
    const country = 'HR';
    const token = await rapporteurOf(country);
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token, body }), status);
  });

  it('lets the country reply only on a returned section, and never on another country', async () => {
    const country = 'CY';
    const token = await submitted(country);
    const problem = await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token, body: { text: 'A remark.' } }), 409);
    expect(problem.detail).toContain('1.1.A is submitted');
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token: api.tokens.xk, body: { text: 'Not mine.' } }), 403);
    expect((await json(await api.call('GET', `${path(country)}/sections/1.1.A/comments`, { token: api.tokens.admin }))).comments).toEqual([]);
  });
});

describe('resubmission answers every return', () => {
  async function returnedReport(country: string, sections: string[]): Promise<string> {
    const token = await submitted(country);
    await json(
      await api.call('POST', `${path(country)}/reviews`, {
        token: api.tokens.reviewer,
        body: { decisions: sections.map((s) => ({ section: s, verdict: 'return', comment: `Revise ${s}.` })) },
      }),
    );
    return token;
  }

  it('refuses to resubmit while a returned section is neither revised nor answered, naming it; allows it after a change', async () => {
    const country = 'CZ';
    const token = await returnedReport(country, ['1.1.A', '2.2.B']);
    const first = await json(await api.call('POST', `${path(country)}/submit`, { token }), 409);
    expect(first.errors.map((e: { path: string }) => e.path)).toEqual(['sections.1.1.A', 'sections.2.2.B']);

    // Saving the same text again is not a revision.
    let report = await reportOf(country, token);
    await json(await api.call('PUT', `${path(country)}/sections/1.1.A`, { token, headers: { 'if-match': section(report, '1.1.A').etag }, body: { text: 'Answer 1.1.A' } }));
    report = await reportOf(country, token);
    expect(section(report, '1.1.A')).toMatchObject({ changedSinceReview: false, awaitsResponse: true });
    await json(await api.call('PUT', `${path(country)}/sections/1.1.A`, { token, headers: { 'if-match': section(report, '1.1.A').etag }, body: { text: 'Answer 1.1.A, with the 2013 figures.' } }));
    await json(await api.call('PUT', `${path(country)}/sections/2.2.B`, { token, headers: { 'if-match': section(report, '2.2.B').etag }, body: { text: 'Answer 2.2.B, revised.' } }));
    report = await reportOf(country, token);
    expect(section(report, '1.1.A')).toMatchObject({ changedSinceReview: true, awaitsResponse: false });

    const resubmitted = await json(await api.call('POST', `${path(country)}/submit`, { token }));
    expect(resubmitted.status).toBe('submitted');
  });

  it('allows it after a reply in the conversation, with the answer unchanged', async () => {
    const country = 'DK';
    const token = await returnedReport(country, ['3.2.A']);
    await json(await api.call('POST', `${path(country)}/submit`, { token }), 409);
    await json(await api.call('POST', `${path(country)}/sections/3.2.A/comments`, { token, body: { text: 'The answer is complete: there was no campaign in 2013.' } }), 201);
    const report = await reportOf(country, token);
    expect(section(report, '3.2.A')).toMatchObject({ changedSinceReview: false, awaitsResponse: false, repliedAt: expect.any(String) });
    expect((await json(await api.call('POST', `${path(country)}/submit`, { token }))).status).toBe('submitted');
  });
});

describe('reading a report', () => {
  it('stays one Query whose size does not grow with comments', async () => {
    const country = 'EE';
    const token = await submitted(country);
    api.dynamo.reset();
    await json(await api.call('GET', path(country), { token }));
    const before = [...api.dynamo.queryItems];
    await json(await api.call('POST', `${path(country)}/sections/1.1.A/return`, { token: api.tokens.reviewer, body: { comment: 'Once.' } }));
    for (let i = 0; i < 5; i++) await json(await api.call('POST', `${path(country)}/sections/1.1.A/comments`, { token, body: { text: `Reply ${i}` } }), 201);
    api.dynamo.reset();
    await json(await api.call('GET', path(country), { token }));
    expect(api.dynamo.calls).toEqual(['QueryCommand']);
    expect(api.dynamo.queryItems).toEqual(before);
  });
});
