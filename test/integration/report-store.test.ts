/** The DynamoDB repository against DynamoDB Local: atomic transitions, conditions, access patterns. */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import { ReportStore } from '../../shared/store/report-store';
import { ConflictError, PreconditionFailedError, decideTransition, type Actor } from '../../shared/workflow';
import { countingDocumentClient, createTestTable, type CountingClient } from '../support/dynamo';

const info = findCycle('2014')!;
const reviewer: Actor = { sub: 'rev', name: 'Rev', roles: ['reviewer'] };

let dynamo: CountingClient;
let store: ReportStore;
let tableName: string;
let country = 'ME';
let rapporteur: Actor;
const countries = ['ME', 'XK', 'AL', 'BA', 'MK', 'RS', 'HR', 'SI', 'GR', 'IT'];
let next = 0;

beforeAll(async () => {
  tableName = await createTestTable('store');
  dynamo = countingDocumentClient();
  store = new ReportStore({ doc: dynamo.doc, tableName, clock: () => new Date('2026-02-01T10:00:00Z') });
});

beforeEach(() => {
  // Each test works on a report of its own.
  country = countries[next++]!;
  rapporteur = { sub: `r-${country}`, name: `R ${country}`, roles: ['rapporteur'], country };
  dynamo.reset();
});

async function answerAll(): Promise<void> {
  for (const id of info.sectionIds) {
    await store.saveSection({ cycle: '2014', country, section: id, expectedVersion: 0, expectedStatus: 'draft', allowedStatuses: ['draft', 'returned'], text: `Answer ${id}`, nothingToReport: false, actor: rapporteur });
  }
}

describe('ReportStore', () => {
  it('reads an untouched report as a fresh draft with 21 empty sections, in one Query', async () => {
    const { report } = await store.getReport(info, country);
    expect(report).toMatchObject({ status: 'draft', version: 0 });
    expect(report.sections.map((s) => s.id)).toEqual(info.sectionIds);
    expect(report.sections.every((s) => s.text === '' && s.version === 0)).toBe(true);
    expect(dynamo.calls).toEqual(['QueryCommand']);
  });

  it('saves a section and its revision in one transaction and refuses a stale version with 412', async () => {
    const saved = await store.saveSection({ cycle: '2014', country, section: '1.1.A', expectedVersion: 0, expectedStatus: 'draft', allowedStatuses: ['draft', 'returned'], text: 'First', nothingToReport: false, actor: rapporteur });
    expect(saved).toMatchObject({ status: 'draft', version: 1, text: 'First', updatedBy: { sub: `r-${country}`, name: `R ${country}` } });
    expect(dynamo.calls).toEqual(['TransactWriteItemsCommand']);
    expect((await store.archive.activity('2014', country, '1.1.A')).revisions).toEqual([expect.objectContaining({ version: 1, text: 'First', status: 'draft' })]);
    await expect(
      store.saveSection({ cycle: '2014', country, section: '1.1.A', expectedVersion: 0, expectedStatus: 'draft', allowedStatuses: ['draft', 'returned'], text: 'Lost update', nothingToReport: false, actor: rapporteur }),
    ).rejects.toThrow(PreconditionFailedError);
    const { report } = await store.getReport(info, country);
    expect(report.sections[0]!.text).toBe('First');
  });

  it('writes a transition, its section changes and its audit event in one transaction', async () => {
    await answerAll();
    const { report } = await store.getReport(info, country);
    dynamo.reset();
    const event = await store.apply(decideTransition('submitReport', rapporteur, report), rapporteur);
    expect(dynamo.calls).toEqual(['TransactWriteItemsCommand']);
    expect(event).toMatchObject({ version: 1, action: 'submitReport', reportStatus: { from: 'draft', to: 'submitted' } });
    expect(event.sections).toHaveLength(21);
    const after = await store.getReport(info, country);
    expect(after.report.status).toBe('submitted');
    expect(after.report.sections.every((s) => s.status === 'submitted' && s.version === 2)).toBe(true);
    expect(await store.history('2014', country)).toEqual({ events: [event], comments: [] });
  });

  it('refuses a transition planned on a stale read with 409 and writes nothing', async () => {
    await answerAll();
    const { report } = await store.getReport(info, country);
    await store.apply(decideTransition('submitReport', rapporteur, report), rapporteur);
    const { report: submitted } = await store.getReport(info, country);
    const approve = decideTransition('approveSection', reviewer, submitted, { section: '1.1.A' });
    const ret = decideTransition('returnSection', reviewer, submitted, { section: '1.1.A', comment: 'No' });
    await store.apply(approve, reviewer);
    await expect(store.apply(ret, reviewer)).rejects.toThrow(ConflictError);
    const after = await store.getReport(info, country);
    expect(after.report.sections[0]!.status).toBe('approved');
    expect(after.report.status).toBe('submitted');
    expect((await store.history('2014', country)).events.map((e) => e.action)).toEqual(['submitReport', 'approveSection']);
  });

  it('refuses a plan decided on a read that mixed old and new section items (409), so the meta never drifts', async () => {
    await answerAll();
    const { report } = await store.getReport(info, country);
    await store.apply(decideTransition('submitReport', rapporteur, report), rapporteur);
    const { report: submitted } = await store.getReport(info, country);
    await store.apply(decideTransition('returnSection', reviewer, submitted, { section: '1.1.B', comment: 'More' }), reviewer);
    // A Query is read-committed per item: it may see the new meta but the old 1.1.B.
    const { report: fresh } = await store.getReport(info, country, { consistent: true });
    const mixed = { ...fresh, sections: fresh.sections.map((s) => (s.id === '1.1.B' ? { ...s, status: 'submitted' as const } : s)) };
    const plan = decideTransition('approveSection', reviewer, mixed, { section: '1.1.A' });
    await expect(store.apply(plan, reviewer)).rejects.toThrow(ConflictError);
    const after = await store.getReport(info, country);
    expect(after.report.sections.find((s) => s.id === '1.1.A')!.status).toBe('submitted');
    const summary = await store.getSummary(info, country);
    expect(summary.sectionStatuses['1.1.B']).toBe('returned');
  });

  it('refuses a save to a submitted section with 409 even with the current version', async () => {
    await answerAll();
    const { report } = await store.getReport(info, country);
    await store.apply(decideTransition('submitReport', rapporteur, report), rapporteur);
    await expect(
      store.saveSection({ cycle: '2014', country, section: '2.2.B', expectedVersion: 2, expectedStatus: 'draft', allowedStatuses: ['draft', 'returned'], text: 'Late edit', nothingToReport: false, actor: rapporteur }),
    ).rejects.toThrow(ConflictError);
  });

  it("lists a cycle's reports from one Query on the index, every participant included", async () => {
    await answerAll();
    const { report } = await store.getReport(info, country);
    await store.apply(decideTransition('submitReport', rapporteur, report), rapporteur);
    dynamo.reset();
    const all = await store.listReports(info);
    expect(dynamo.calls).toEqual(['QueryCommand']);
    expect(all).toHaveLength(info.cycle.participants.length);
    expect(all.find((r) => r.country === country)).toMatchObject({ status: 'submitted', version: 1 });
    expect(all.find((r) => r.country === country)!.sectionStatuses['3.1.A']).toBe('submitted');
    const submitted = await store.listReports(info, 'submitted');
    expect(submitted.map((r) => r.country)).toContain(country);
    expect(submitted.every((r) => r.status === 'submitted')).toBe(true);
    const drafts = await store.listReports(info, 'draft');
    expect(drafts.map((r) => r.country)).not.toContain(country);
    expect(drafts.map((r) => r.country)).toContain('US');
  });

  it('validates items read back and refuses a corrupt one', async () => {
    await dynamo.doc.send(new PutCommand({ TableName: tableName, Item: { pk: `REPORT#2014#${country}`, sk: 'R#SECTION#1.1.A', id: '1.1.A', status: 'lost', text: 1 } }));
    await expect(store.getReport(info, country)).rejects.toThrow();
    const { Item } = await dynamo.doc.send(new GetCommand({ TableName: tableName, Key: { pk: `REPORT#2014#${country}`, sk: 'R#SECTION#1.1.A' } }));
    expect(Item?.status).toBe('lost');
  });
});
