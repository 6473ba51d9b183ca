/**
 * The whole reporting cycle over HTTP, knowing only a base URL and tokens: save, submit, return
 * with a comment, revise, resubmit, approve every section, approve the report, publish, history.
 * Runs in `npm test` against the local server and in `npm run test:e2e` against a deployed stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, type Target } from '../support/target';

let t: Target;
let sectionIds: string[];

beforeAll(async () => {
  t = await resolveTarget();
});
afterAll(async () => {
  await t?.close();
});

async function json(response: Response, status = 200): Promise<any> {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return JSON.parse(body);
}

describe('a reporting cycle, start to publication', () => {
  const base = () => `/cycles/2014/reports/${t.country}`;

  it('serves health without a token', async () => {
    expect(await json(await t.call('GET', '/health'))).toEqual({ status: 'ok' });
  });

  it('shows the cycle with its 21 sections', async () => {
    const cycle = await json(await t.call('GET', '/cycles/2014', { token: t.tokens.rapporteur }));
    sectionIds = cycle.sectionIds;
    expect(sectionIds).toHaveLength(21);
    expect(cycle.participants.map((p: { code: string }) => p.code)).toContain(t.country);
  });

  it('lets the rapporteur answer every section, one as nothing-to-report', async () => {
    const report = await json(await t.call('GET', base(), { token: t.tokens.rapporteur }));
    expect(report.status).toBe('draft');
    for (const section of report.sections) {
      const nothing = section.id === '3.2.A';
      const response = await t.call('PUT', `${base()}/sections/${section.id}`, {
        token: t.tokens.rapporteur,
        headers: { 'if-match': section.etag },
        body: nothing ? { text: '', nothingToReport: true } : { text: `- Measure taken for ${section.id}\n- A second measure` },
      });
      const saved = await json(response);
      expect(response.headers.get('etag')).toBe(saved.etag);
      expect(saved).toMatchObject({ id: section.id, status: 'draft', nothingToReport: nothing });
    }
  });

  it('submits the report: every section becomes submitted', async () => {
    const report = await json(await t.call('POST', `${base()}/submit`, { token: t.tokens.rapporteur }));
    expect(report.status).toBe('submitted');
    expect(report.sections.every((s: { status: string }) => s.status === 'submitted')).toBe(true);
  });

  it('lets a reviewer return one section with a comment and approve the others', async () => {
    const returned = await json(await t.call('POST', `${base()}/sections/2.1.B/return`, { token: t.tokens.reviewer, body: { comment: 'Please give the number of cases.' } }));
    expect(returned.status).toBe('returned');
    expect(returned.sections.find((s: { id: string }) => s.id === '2.1.B')).toMatchObject({ status: 'returned', returnComment: 'Please give the number of cases.' });
    for (const id of sectionIds.filter((s) => s !== '2.1.B')) {
      await json(await t.call('POST', `${base()}/sections/${id}/approve`, { token: t.tokens.reviewer }));
    }
    const list = await json(await t.call('GET', '/cycles/2014/reports?status=returned', { token: t.tokens.reviewer }));
    expect(list.reports.map((r: { country: string }) => r.country)).toContain(t.country);
  });

  it('lets the rapporteur see the comment, revise the returned section and resubmit', async () => {
    const report = await json(await t.call('GET', base(), { token: t.tokens.rapporteur }));
    const section = report.sections.find((s: { id: string }) => s.id === '2.1.B');
    expect(section.returnComment).toBe('Please give the number of cases.');
    await json(
      await t.call('PUT', `${base()}/sections/2.1.B`, { token: t.tokens.rapporteur, headers: { 'if-match': section.etag }, body: { text: 'In 2013, 4 cases were prosecuted.' } }),
    );
    const resubmitted = await json(await t.call('POST', `${base()}/submit`, { token: t.tokens.rapporteur }));
    expect(resubmitted.status).toBe('submitted');
    const revised = resubmitted.sections.find((s: { id: string }) => s.id === '2.1.B');
    expect(revised).toMatchObject({ status: 'submitted', text: 'In 2013, 4 cases were prosecuted.' });
    expect(revised.returnComment).toBeUndefined();
    expect(resubmitted.sections.filter((s: { status: string }) => s.status === 'approved')).toHaveLength(20);
  });

  it('approves the last section, then the report, then publishes it', async () => {
    await json(await t.call('POST', `${base()}/sections/2.1.B/approve`, { token: t.tokens.reviewer }));
    const approved = await json(await t.call('POST', `${base()}/approve`, { token: t.tokens.reviewer }));
    expect(approved.status).toBe('approved');
    const published = await json(await t.call('POST', `${base()}/publish`, { token: t.tokens.admin }));
    expect(published.status).toBe('published');
    expect(published.sections.every((s: { status: string }) => s.status === 'approved')).toBe(true);
  });

  it('keeps one event per state change, in order, with actor and time', async () => {
    const { events } = await json(await t.call('GET', `${base()}/history`, { token: t.tokens.reviewer }));
    const actions = events.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'submitReport',
      'returnSection',
      ...Array(20).fill('approveSection'),
      'submitReport',
      'approveSection',
      'approveReport',
      'publishReport',
    ]);
    expect(events.map((e: { version: number }) => e.version)).toEqual(events.map((_: unknown, i: number) => i + 1));
    const times = events.map((e: { at: string }) => Date.parse(e.at));
    expect(times.every((time: number, i: number) => !Number.isNaN(time) && (i === 0 || time >= times[i - 1]))).toBe(true);
    expect(events[1]).toMatchObject({ section: '2.1.B', comment: 'Please give the number of cases.', reportStatus: { from: 'submitted', to: 'returned' } });
    expect(events[0].actor.sub).not.toBe(events[1].actor.sub);
    expect(events.at(-1)).toMatchObject({ action: 'publishReport', reportStatus: { from: 'approved', to: 'published' } });
  });
});
