/**
 * Cycles as data over HTTP, through a real server on DynamoDB Local: the whole lifecycle (2015
 * created from 2014 with its years moved on, edited while planned, opened, written, its commitments
 * beside 2014's, prefilled without overwriting, closed; 2016 from 2015), the refusals, deadlines
 * and late submissions, and the public/staff split of one question across countries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_2014 } from '../../shared/form';
import { startTestApi, type TestApi } from '../support/api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function json(response: Response, status = 200): Promise<any> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text);
}

/** Saves one answer as the country's rapporteur (reading the section's etag first). */
async function save(token: string, cycle: string, country: string, section: string, text: string, status = 200): Promise<any> {
  const report = await json(await api.call('GET', `/cycles/${cycle}/reports/${country}`, { token }));
  const etag = report.sections.find((s: { id: string }) => s.id === section).etag;
  return json(await api.call('PUT', `/cycles/${cycle}/reports/${country}/sections/${section}`, { token, headers: { 'if-match': etag }, body: { text } }), status);
}

/** Answers every section of a report and submits it. */
async function fillAndSubmit(token: string, cycle: string, country: string, textOf: (section: string) => string): Promise<any> {
  const report = await json(await api.call('GET', `/cycles/${cycle}/reports/${country}`, { token }));
  for (const s of report.sections) {
    if (s.text) continue;
    await json(await api.call('PUT', `/cycles/${cycle}/reports/${country}/sections/${s.id}`, { token, headers: { 'if-match': s.etag }, body: { text: textOf(s.id) } }));
  }
  return json(await api.call('POST', `/cycles/${cycle}/reports/${country}/submit`, { token }));
}

const answer2014 = (section: string) => `Montenegro 2014, ${section}: the police academy will train 40 officers in 2015.`;

describe('a cycle from creation to closing', () => {
  it('serves 2014, open, on a fresh table without any cycle item', async () => {
    const { cycles } = await json(await api.call('GET', '/cycles', { token: api.tokens.me }));
    expect(cycles).toEqual([expect.objectContaining({ id: '2014', status: 'open', participants: 52 })]);
    const cycle = await json(await api.call('GET', '/cycles/2014', { token: api.tokens.me }));
    expect(cycle).toMatchObject({ status: 'open', etag: '"cycle-2014-v0"' });
    expect(cycle.previous).toBeUndefined();
  });

  it('lets the rapporteur of ME file the 2014 report, whose question C announces the measures', async () => {
    const submitted = await fillAndSubmit(api.tokens.me, '2014', 'ME', answer2014);
    expect(submitted.status).toBe('submitted');
  });

  it('creates 2015 from 2014: planned, the form copied with every year moved on, the participants copied', async () => {
    const response = await api.call('POST', '/cycles', { token: api.tokens.admin, body: { id: '2015', year: 2015, from: '2014', deadline: '2015-09-30T23:59:59Z' } });
    const cycle = await json(response, 201);
    expect(response.headers.get('etag')).toBe(cycle.etag);
    expect(cycle).toMatchObject({ id: '2015', year: 2015, status: 'planned', previous: '2014', deadline: '2015-09-30T23:59:59Z' });
    expect(cycle.form.title).toBe('Global Alliance Against Child Sexual Abuse Online – 2015 Reporting Form');
    expect(cycle.form.targets[0].goals[0].prompts.A).toBe("Please report on implementation of any measures announced in your country's 2014 report");
    // Goals are the Alliance's: unchanged ("at least 10% yearly" has no year to move).
    expect(cycle.form.targets.map((t: any) => t.goals.map((g: any) => g.title))).toEqual(FORM_2014.targets.map((t) => t.goals.map((g) => g.title)));
    expect(cycle.participants).toHaveLength(52);
    expect(cycle.sectionIds).toHaveLength(21);
  });

  it('refuses a duplicate cycle (409), a non-admin (403) and a year that does not follow (400)', async () => {
    for (const id of ['2015', '2014']) {
      const problem = await json(await api.call('POST', '/cycles', { token: api.tokens.admin, body: { id, year: Number(id), deadline: '2015-09-30T23:59:59Z' } }), 409);
      expect(problem.detail).toContain(`There is a ${id} cycle already`);
    }
    for (const token of [api.tokens.reviewer, api.tokens.me]) {
      await json(await api.call('POST', '/cycles', { token, body: { id: '2016', year: 2016, deadline: '2016-09-30T23:59:59Z' } }), 403);
      await json(await api.call('POST', '/cycles/2015/open', { token }), 403);
      await json(await api.call('PUT', '/cycles/2015/form', { token, body: FORM_2014 }), 403);
    }
    await json(await api.call('POST', '/cycles', { body: { id: '2016', year: 2016, deadline: '2016-09-30T23:59:59Z' } }), 401);
    const early = await json(await api.call('POST', '/cycles', { token: api.tokens.admin, body: { id: '2013', year: 2013, from: '2014', deadline: '2013-09-30T23:59:59Z' } }), 400);
    expect(early.errors).toEqual([{ path: 'body.year', message: 'must be later than the year of the 2014 cycle it follows (2014)' }]);
    const { cycles } = await json(await api.call('GET', '/cycles', { token: api.tokens.admin }));
    expect(cycles.map((c: any) => c.id)).toEqual(['2014', '2015']);
  });

  it('edits the form while planned, refusing an invalid one with a 400 naming the field and changing nothing', async () => {
    const before = await json(await api.call('GET', '/cycles/2015', { token: api.tokens.admin }));
    const broken = structuredClone(before.form);
    broken.targets[0].goals.push({ id: '1.3', title: 'A second goal', prompts: broken.targets[0].goals[0].prompts });
    broken.targets[1].goals[0].prompts.B = '   ';
    const problem = await json(await api.call('PUT', '/cycles/2015/form', { token: api.tokens.admin, body: broken }), 400);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.targets.0.goals.1.id', message: 'must be 1.2 (goals are numbered in order within their target)' },
        { path: 'body.targets.1.goals.0.prompts.B', message: 'must not be empty' },
      ]),
    );
    expect(await json(await api.call('GET', '/cycles/2015', { token: api.tokens.admin }))).toEqual(before);

    const edited = structuredClone(before.form);
    edited.targets[0].goals[0].prompts.B = 'Please assess progress made in 2015 towards this goal';
    const saved = await json(await api.call('PUT', '/cycles/2015/form', { token: api.tokens.admin, headers: { 'if-match': before.etag }, body: edited }));
    expect(saved.form.targets[0].goals[0].prompts.B).toBe('Please assess progress made in 2015 towards this goal');
    expect(saved.etag).not.toBe(before.etag);
    // The etag read before the change is stale now.
    await json(await api.call('PUT', '/cycles/2015/form', { token: api.tokens.admin, headers: { 'if-match': before.etag }, body: before.form }), 412);
  });

  it('lets a country join (named from the ISO list) and refuses a code that is not a country', async () => {
    const before = await json(await api.call('GET', '/cycles/2015', { token: api.tokens.admin }));
    const codes = before.participants.map((p: any) => p.code);
    const bad = await json(await api.call('PATCH', '/cycles/2015', { token: api.tokens.admin, body: { participants: [...codes, 'QQ'] } }), 400);
    expect(bad.errors).toEqual([{ path: `body.participants.${codes.length}`, message: 'QQ is not a country code of the ISO 3166-1 list' }]);
    const joined = await json(await api.call('PATCH', '/cycles/2015', { token: api.tokens.admin, body: { participants: [...codes, 'LI'], title: 'Reporting round 2015' } }));
    expect(joined.participants.at(-1)).toMatchObject({ code: 'LI', name: 'Liechtenstein' });
    expect(joined.participants.find((p: any) => p.code === 'MK').name).toBe('Former Yugoslav Republic of Macedonia');
    expect(joined.title).toBe('Reporting round 2015');
  });

  it('refuses changes to reports while the cycle is planned', async () => {
    const problem = await save(api.tokens.me, '2015', 'ME', '1.1.A', 'Too early.', 409);
    expect(problem.detail).toBe('The 2015 cycle has not opened yet: reports can be written once the secretariat opens it.');
  });

  it('grants XK a later deadline with a reason, and opens 2015, freezing its form', async () => {
    const extended = await json(
      await api.call('PUT', '/cycles/2015/participants/XK/deadline', { token: api.tokens.admin, body: { deadline: '2099-12-31T23:59:59Z', reason: 'New ministry in charge since May.' } }),
    );
    expect(extended.extensions.XK).toMatchObject({ deadline: '2099-12-31T23:59:59Z', reason: 'New ministry in charge since May.', by: { sub: 'adm-1', name: 'Admin One' } });
    expect(extended.participants.find((p: any) => p.code === 'XK').deadline).toBe('2099-12-31T23:59:59Z');
    expect(extended.participants.find((p: any) => p.code === 'ME').deadline).toBe('2015-09-30T23:59:59Z');
    const early = await json(await api.call('PUT', '/cycles/2015/participants/ME/deadline', { token: api.tokens.admin, body: { deadline: '2015-01-01T00:00:00Z', reason: 'x' } }), 400);
    expect(early.errors[0].path).toBe('body.deadline');
    await json(await api.call('PUT', '/cycles/2015/participants/ZZ/deadline', { token: api.tokens.admin, body: { deadline: '2099-01-01T00:00:00Z', reason: 'x' } }), 404);

    const opened = await json(await api.call('POST', '/cycles/2015/open', { token: api.tokens.admin }));
    expect(opened.status).toBe('open');
    await json(await api.call('POST', '/cycles/2015/open', { token: api.tokens.admin }), 409);
    const frozen = await json(await api.call('PUT', '/cycles/2015/form', { token: api.tokens.admin, body: opened.form }), 409);
    expect(frozen.detail).toContain('frozen');
  });

  it("shows 2014's question C beside 2015's question A, goal by goal", async () => {
    await save(api.tokens.me, '2015', 'ME', '1.1.A', 'Montenegro 2015: 42 officers were trained.');
    const commitments = await json(await api.call('GET', '/cycles/2015/reports/ME/commitments', { token: api.tokens.me }));
    expect(commitments).toMatchObject({ cycle: '2015', country: 'ME', previousCycle: '2014' });
    expect(commitments.goals).toHaveLength(7);
    expect(commitments.goals[0]).toMatchObject({
      goal: { id: '1.1' },
      announced: { cycle: '2014', section: '1.1.C', reportStatus: 'submitted', status: 'submitted', text: answer2014('1.1.C') },
      reported: { cycle: '2015', section: '1.1.A', reportStatus: 'draft', status: 'draft', text: 'Montenegro 2015: 42 officers were trained.' },
    });
    expect(commitments.goals[0].reported.prompt).toContain('2014 report');
    expect(commitments.goals[6].announced.text).toBe(answer2014('4.2.C'));
    // Readers of the report only: another country's rapporteur may not.
    await json(await api.call('GET', '/cycles/2015/reports/ME/commitments', { token: api.tokens.xk }), 403);
    const reviewer = await json(await api.call('GET', '/cycles/2015/reports/ME/commitments', { token: api.tokens.reviewer }));
    expect(reviewer.goals[0].announced.text).toBe(answer2014('1.1.C'));
  });

  it('prefills the sections without an answer from 2014, never over an answer the country wrote', async () => {
    const result = await json(await api.call('POST', '/cycles/2015/reports/ME/prefill', { token: api.tokens.me }));
    expect(result.from).toBe('2014');
    expect(result.prefilled).toHaveLength(20);
    expect(result.prefilled).not.toContain('1.1.A');
    expect(result.skipped).toEqual([{ section: '1.1.A', reason: 'it has an answer already' }]);
    const report = await json(await api.call('GET', '/cycles/2015/reports/ME', { token: api.tokens.me }));
    const byId = new Map(report.sections.map((s: any) => [s.id, s]));
    expect((byId.get('1.1.A') as any).text).toBe('Montenegro 2015: 42 officers were trained.');
    expect((byId.get('2.1.B') as any)).toMatchObject({ text: answer2014('2.1.B'), status: 'draft', updatedBy: { sub: 'rap-me' } });
    const { events } = await json(await api.call('GET', '/cycles/2015/reports/ME/history', { token: api.tokens.me }));
    expect(events).toEqual([expect.objectContaining({ action: 'prefillReport', detail: expect.stringMatching(/^prefilled from the 2014 report: 1\.1\.B, 1\.1\.C, 2\.1\.A/) })]);

    // Again: everything has an answer now, so nothing is copied and nothing is written.
    const again = await json(await api.call('POST', '/cycles/2015/reports/ME/prefill', { token: api.tokens.me, body: { sections: ['2.1.B'] } }));
    expect(again).toMatchObject({ prefilled: [], skipped: [{ section: '2.1.B', reason: 'it has an answer already' }] });
    expect((await json(await api.call('GET', '/cycles/2015/reports/ME/history', { token: api.tokens.me }))).events).toHaveLength(1);
    // Only the country's rapporteur, and only sections of the form.
    await json(await api.call('POST', '/cycles/2015/reports/ME/prefill', { token: api.tokens.xk }), 403);
    await json(await api.call('POST', '/cycles/2015/reports/ME/prefill', { token: api.tokens.reviewer }), 403);
    const unknown = await json(await api.call('POST', '/cycles/2015/reports/ME/prefill', { token: api.tokens.me, body: { sections: ['9.9.A'] } }), 400);
    expect(unknown.errors).toEqual([{ path: 'body.sections.0', message: '9.9.A is not a section of the 2015 form' }]);
    // 2014 follows no cycle on the platform.
    await json(await api.call('POST', '/cycles/2014/reports/XK/prefill', { token: api.tokens.xk }), 409);
  });

  it('marks a first submission after the deadline late, in the history and on the report list; an extension keeps it on time', async () => {
    const me = await fillAndSubmit(api.tokens.me, '2015', 'ME', (s) => `ME ${s}`);
    expect(me.status).toBe('submitted');
    const xk = await fillAndSubmit(api.tokens.xk, '2015', 'XK', (s) => `XK ${s}`);
    expect(xk.status).toBe('submitted');
    const { events } = await json(await api.call('GET', '/cycles/2015/reports/ME/history', { token: api.tokens.me }));
    expect(events.at(-1)).toMatchObject({ action: 'submitReport', late: true, detail: expect.stringContaining('submitted after the deadline of 2015-09-30') });
    const xkEvents = (await json(await api.call('GET', '/cycles/2015/reports/XK/history', { token: api.tokens.xk }))).events;
    expect(xkEvents.at(-1)).toMatchObject({ action: 'submitReport', late: false });
    const { reports } = await json(await api.call('GET', '/cycles/2015/reports', { token: api.tokens.reviewer }));
    expect(reports.find((r: any) => r.country === 'ME')).toMatchObject({ late: true, submittedAt: expect.any(String) });
    expect(reports.find((r: any) => r.country === 'XK')).toMatchObject({ late: false });
    expect(reports.find((r: any) => r.country === 'AL').late).toBeUndefined();
  });

  it('closes 2015: saves, transitions, reviews, comments and prefill are refused with 409', async () => {
    await json(await api.call('POST', '/cycles/2015/close', { token: api.tokens.admin }));
    await json(await api.call('POST', '/cycles/2015/reports/ME/sections/1.1.A/approve', { token: api.tokens.reviewer }), 409);
    const review = { decisions: [{ section: '1.1.A', verdict: 'approve' }] };
    await json(await api.call('PUT', '/cycles/2015/reports/ME/reviews/draft', { token: api.tokens.reviewer, body: review }), 409);
    await json(await api.call('POST', '/cycles/2015/reports/ME/reviews', { token: api.tokens.reviewer, body: review }), 409);
    await json(await api.call('POST', '/cycles/2015/reports/ME/sections/1.1.A/comments', { token: api.tokens.reviewer, body: { text: 'A note.', internal: true } }), 409);
    const al = await api.issuer.sign({ sub: 'rap-al', name: 'Rapporteur of Albania', roles: ['rapporteur'], country: 'AL' });
    const closed = await save(al, '2015', 'AL', '1.1.A', 'Too late.', 409);
    expect(closed.detail).toBe('The 2015 cycle is closed: its reports can no longer change.');
    await json(await api.call('POST', '/cycles/2015/reports/AL/prefill', { token: al }), 409);
    await json(await api.call('PUT', '/cycles/2015/participants/AL/deadline', { token: api.tokens.admin, body: { deadline: '2099-01-01T00:00:00Z', reason: 'x' } }), 409);
    // Reading goes on.
    await json(await api.call('GET', '/cycles/2015/reports/ME', { token: api.tokens.me }));
  });

  it('creates 2016 from 2015, whose question A names the 2015 report', async () => {
    const cycle = await json(await api.call('POST', '/cycles', { token: api.tokens.admin, body: { id: '2016', year: 2016, deadline: '2016-09-30T23:59:59Z', participants: ['ME', 'XK', 'AL'] } }), 201);
    expect(cycle).toMatchObject({ previous: '2015', status: 'planned' });
    expect(cycle.form.targets[0].goals[0].prompts.A).toBe("Please report on implementation of any measures announced in your country's 2015 report");
    // 2015's edited question B went along, its year moved on.
    expect(cycle.form.targets[0].goals[0].prompts.B).toBe('Please assess progress made in 2016 towards this goal');
    expect(cycle.participants.map((p: any) => p.code)).toEqual(['ME', 'XK', 'AL']);
  });

  it('refuses to let a participant whose report has been started leave', async () => {
    const problem = await json(await api.call('PATCH', '/cycles/2015', { token: api.tokens.admin, body: { participants: ['XK', 'AL'] } }), 409);
    expect(problem.detail).toContain('Montenegro cannot leave the 2015 cycle');
  });
});

describe('one question across countries', () => {
  it('shows staff every participant with status, the public and rapporteurs only published answers', async () => {
    // 2014: ME submitted (above), XK published, the others untouched.
    await fillAndSubmit(api.tokens.xk, '2014', 'XK', (s) => `Kosovo 2014, ${s}.`);
    const xk = await json(await api.call('GET', '/cycles/2014/reports/XK', { token: api.tokens.reviewer }));
    for (const s of xk.sections) await json(await api.call('POST', `/cycles/2014/reports/XK/sections/${s.id}/approve`, { token: api.tokens.reviewer }));
    await json(await api.call('POST', '/cycles/2014/reports/XK/approve', { token: api.tokens.reviewer }));
    await json(await api.call('POST', '/cycles/2014/reports/XK/publish', { token: api.tokens.admin }));

    const staff = await json(await api.call('GET', '/cycles/2014/sections/1.1.C/answers', { token: api.tokens.reviewer }));
    expect(staff).toMatchObject({ cycle: '2014', section: '1.1.C', goal: { id: '1.1' }, publishedOnly: false });
    expect(staff.answers).toHaveLength(52);
    expect(staff.answers.find((a: any) => a.country === 'ME')).toMatchObject({ reportStatus: 'submitted', status: 'submitted', answer: { text: answer2014('1.1.C') } });
    expect(staff.answers.find((a: any) => a.country === 'XK')).toMatchObject({ reportStatus: 'published', status: 'approved', answer: { text: 'Kosovo 2014, 1.1.C.' } });
    expect(staff.answers.find((a: any) => a.country === 'AL')).toEqual({ country: 'AL', countryName: 'Albania', reportStatus: 'draft', status: 'draft' });

    for (const token of [undefined, api.tokens.me]) {
      const published = await json(await api.call('GET', '/cycles/2014/sections/1.1.C/answers', { token }));
      expect(published.publishedOnly).toBe(true);
      expect(published.answers).toEqual([{ country: 'XK', countryName: 'Kosovo', reportStatus: 'published', status: 'approved', answer: expect.objectContaining({ text: 'Kosovo 2014, 1.1.C.' }) }]);
    }
    await json(await api.call('GET', '/cycles/2014/sections/9.9.A/answers'), 404);
  });

  it("asks for a sign-in to read a report's commitments, like the report itself", async () => {
    await json(await api.call('GET', '/cycles/2015/reports/ME/commitments'), 401);
  });

  it('compiles the commitments of a cycle in Markdown and HTML', async () => {
    const md = await (await api.call('GET', '/cycles/2015/commitments?format=md', { headers: { authorization: `Bearer ${api.tokens.reviewer}` } })).text();
    expect(md).toContain('# Global Alliance Against Child Sexual Abuse Online – 2015 Reporting Form');
    expect(md).toContain("what each country announced in its 2014 report (question C) and what it reports in 2015 (question A)");
    expect(md).toContain(answer2014('1.1.C'));
    expect(md).toContain('Montenegro 2015: 42 officers were trained.');
    const html = await api.call('GET', '/cycles/2015/commitments?format=html');
    expect(html.status).toBe(200);
    const page = await html.text();
    // The public sees published reports only: Kosovo's 2014 commitments (published), nothing of Montenegro, no 2015 answer.
    expect(page).not.toContain('Montenegro');
    expect(page).toContain('Kosovo 2014, 1.1.C.');
    expect(page).not.toContain('XK 1.1.A');
    expect(page).toContain('Not shown: there is no such report, or it is not published yet.');
  });
});
