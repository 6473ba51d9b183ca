/**
 * The whole reporting cycle over HTTP, knowing only a base URL and tokens: save, submit, return
 * with a comment, revise, resubmit, approve every section, approve the report, publish, history.
 * Talks through the typed client generated from /openapi.json, as a country's script would.
 * Runs in `npm test` against the local server and in `npm run test:e2e` against a deployed stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/client';
import { ok, resolveTarget, type Target } from '../support/target';

let t: Target;
let rapporteur: ApiClient;
let reviewer: ApiClient;
let admin: ApiClient;
let sectionIds: string[];

beforeAll(async () => {
  t = await resolveTarget();
  rapporteur = t.client(t.tokens.rapporteur);
  reviewer = t.client(t.tokens.reviewer);
  admin = t.client(t.tokens.admin);
});
afterAll(async () => {
  await t?.close();
});

describe('a reporting cycle, start to publication', () => {
  const report = () => ({ params: { path: { cycle: '2014', country: t.country } } });
  const section = (id: string) => ({ cycle: '2014', country: t.country, section: id });

  it('serves health without a token', async () => {
    expect(await ok(t.client().GET('/health'))).toEqual({ status: 'ok' });
  });

  it('shows the cycle with its 21 sections', async () => {
    const cycle = await ok(rapporteur.GET('/cycles/{cycle}', { params: { path: { cycle: '2014' } } }));
    sectionIds = cycle.sectionIds;
    expect(sectionIds).toHaveLength(21);
    expect(cycle.participants.map((p) => p.code)).toContain(t.country);
  });

  it('lets the rapporteur answer every section, one as nothing-to-report', async () => {
    const draft = await ok(rapporteur.GET('/cycles/{cycle}/reports/{country}', report()));
    expect(draft.status).toBe('draft');
    for (const { id, etag } of draft.sections) {
      const nothing = id === '3.2.A';
      const { data: saved, response } = await rapporteur.PUT('/cycles/{cycle}/reports/{country}/sections/{section}', {
        params: { path: section(id), header: { 'if-match': etag } },
        body: nothing ? { text: '', nothingToReport: true } : { text: `- Measure taken for ${id}\n- A second measure` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe(saved!.etag);
      expect(saved).toMatchObject({ id, status: 'draft', nothingToReport: nothing });
    }
  });

  it('submits the report: every section becomes submitted', async () => {
    const submitted = await ok(rapporteur.POST('/cycles/{cycle}/reports/{country}/submit', report()));
    expect(submitted.status).toBe('submitted');
    expect(submitted.sections.every((s) => s.status === 'submitted')).toBe(true);
  });

  it('lets a reviewer return one section with a comment and approve the others', async () => {
    const returned = await ok(
      reviewer.POST('/cycles/{cycle}/reports/{country}/sections/{section}/return', { params: { path: section('2.1.B') }, body: { comment: 'Please give the number of cases.' } }),
    );
    expect(returned.status).toBe('returned');
    expect(returned.sections.find((s) => s.id === '2.1.B')).toMatchObject({ status: 'returned', returnComment: 'Please give the number of cases.' });
    for (const id of sectionIds.filter((s) => s !== '2.1.B')) {
      await ok(reviewer.POST('/cycles/{cycle}/reports/{country}/sections/{section}/approve', { params: { path: section(id) } }));
    }
    const list = await ok(reviewer.GET('/cycles/{cycle}/reports', { params: { path: { cycle: '2014' }, query: { status: 'returned' } } }));
    expect(list.reports.map((r) => r.country)).toContain(t.country);
  });

  it('lets the rapporteur see the comment, revise the returned section and resubmit', async () => {
    const current = await ok(rapporteur.GET('/cycles/{cycle}/reports/{country}', report()));
    const returned = current.sections.find((s) => s.id === '2.1.B')!;
    expect(returned.returnComment).toBe('Please give the number of cases.');
    await ok(
      rapporteur.PUT('/cycles/{cycle}/reports/{country}/sections/{section}', {
        params: { path: section('2.1.B'), header: { 'if-match': returned.etag } },
        body: { text: 'In 2013, 4 cases were prosecuted.' },
      }),
    );
    const resubmitted = await ok(rapporteur.POST('/cycles/{cycle}/reports/{country}/submit', report()));
    expect(resubmitted.status).toBe('submitted');
    const revised = resubmitted.sections.find((s) => s.id === '2.1.B')!;
    expect(revised).toMatchObject({ status: 'submitted', text: 'In 2013, 4 cases were prosecuted.' });
    expect(revised.returnComment).toBeUndefined();
    expect(resubmitted.sections.filter((s) => s.status === 'approved')).toHaveLength(20);
  });

  it('approves the last section, then the report, then publishes it', async () => {
    await ok(reviewer.POST('/cycles/{cycle}/reports/{country}/sections/{section}/approve', { params: { path: section('2.1.B') } }));
    const approved = await ok(reviewer.POST('/cycles/{cycle}/reports/{country}/approve', report()));
    expect(approved.status).toBe('approved');
    const published = await ok(admin.POST('/cycles/{cycle}/reports/{country}/publish', report()));
    expect(published.status).toBe('published');
    expect(published.sections.every((s) => s.status === 'approved')).toBe(true);
  });

  it('keeps one event per state change, in order, with actor and time', async () => {
    const { events } = await ok(reviewer.GET('/cycles/{cycle}/reports/{country}/history', report()));
    expect(events.map((e) => e.action)).toEqual([
      'submitReport',
      'returnSection',
      ...Array(20).fill('approveSection'),
      'submitReport',
      'approveSection',
      'approveReport',
      'publishReport',
    ]);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    const times = events.map((e) => Date.parse(e.at));
    expect(times.every((time, i) => !Number.isNaN(time) && (i === 0 || time >= times[i - 1]!))).toBe(true);
    expect(events[1]).toMatchObject({ section: '2.1.B', comment: 'Please give the number of cases.', reportStatus: { from: 'submitted', to: 'returned' } });
    expect(events[0]!.actor.sub).not.toBe(events[1]!.actor.sub);
    expect(events.at(-1)).toMatchObject({ action: 'publishReport', reportStatus: { from: 'approved', to: 'published' } });
  });
});
