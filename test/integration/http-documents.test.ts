/** Reporting-form documents over HTTP: import (with refusals that change nothing), export, compilation, seeding. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DOCUMENTS, seedDocument, seedReports } from '../../functions/local/seed';
import { findCycle } from '../../shared/form';
import { CycleStore, createCycleCatalog } from '../../shared/store/cycle-store';
import { ReportStore } from '../../shared/store/report-store';
import { startTestApi, type TestApi } from '../support/api';
import { countingDocumentClient, createTestTable } from '../support/dynamo';
import { PUBLISHED_SEEDS, readSeed } from '../support/seeds';

let api: TestApi;
const montenegro = readSeed('montenegro-2014.txt');
const kosovo = readSeed('kosovo-2014.txt');

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

function importDoc(country: string, text: string, query = '', token = api.tokens.admin, contentType = 'text/plain; charset=utf-8') {
  return fetch(`${api.url}/cycles/2014/reports/${country}/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-document-name': `${country}.txt` },
    body: text,
  });
}

const reportOf = async (country: string) => (await api.call('GET', `/cycles/2014/reports/${country}`, { token: api.tokens.admin })).json();

describe('import', () => {
  it('imports the Montenegro form into a draft report with an audit event naming the importer', async () => {
    const response = await importDoc('ME', montenegro);
    expect(response.status).toBe(200);
    const result = await response.json();
    expect(result).toMatchObject({ country: 'ME', dryRun: false, status: 'draft' });
    const report = await reportOf('ME');
    expect(report.sections.find((s: { id: string }) => s.id === '2.2.A')).toMatchObject({ nothingToReport: true, text: '' });
    expect(report.sections[0].text).toMatch(/^- Montenegro enhanced cooperation/);
    const { events } = await (await api.call('GET', '/cycles/2014/reports/ME/history', { token: api.tokens.reviewer })).json();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'importReport', actor: { sub: 'adm-1' }, detail: 'imported from ME.txt' });
  });

  it('round-trips: the Markdown export of an imported form imports to the same 21 answers', async () => {
    const exported = await (await api.call('GET', '/cycles/2014/reports/ME/export?format=md', { token: api.tokens.reviewer })).text();
    const preview = await (await importDoc('ME', exported, '?dryRun=true&overwrite=true')).json();
    const stored = await reportOf('ME');
    expect(preview.sections).toEqual(stored.sections.map((s: { id: string; text: string; nothingToReport: boolean }) => ({ id: s.id, text: s.text, nothingToReport: s.nothingToReport })));
  });

  it("never replaces the country's saved answers without overwrite=true", async () => {
    const token = await api.issuer.sign({ sub: 'rap-gr', name: 'Rapporteur GR', roles: ['rapporteur'], country: 'GR' });
    const before = await (await api.call('GET', '/cycles/2014/reports/GR', { token })).json();
    await api.call('PUT', '/cycles/2014/reports/GR/sections/1.1.A', { token, headers: { 'if-match': before.sections[0].etag }, body: { text: 'Our own answer' } });
    const greek = montenegro.replace('MONTENEGRO', 'GREECE');
    const refused = await importDoc('GR', greek);
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors).toEqual([{ path: 'sections.1.1.A', message: 'has a saved answer' }]);
    expect((await reportOf('GR')).sections[0].text).toBe('Our own answer');
    expect((await importDoc('GR', greek, '?overwrite=true')).status).toBe(200);
    const { events } = await (await api.call('GET', '/cycles/2014/reports/GR/history', { token: api.tokens.reviewer })).json();
    expect(events.at(-1).detail).toMatch(/replacing 1 saved answer/);
  });

  it('imports Kosovo and submits it on request', async () => {
    const result = await (await importDoc('XK', kosovo, '?submit=true')).json();
    expect(result.status).toBe('submitted');
    expect(result.events.map((e: { action: string }) => e.action)).toEqual(['submitImport']);
    expect((await reportOf('XK')).sections.every((s: { status: string }) => s.status === 'submitted')).toBe(true);
  });

  it('previews with dryRun and writes nothing', async () => {
    const result = await (await importDoc('AL', montenegro.replace('MONTENEGRO', 'ALBANIA'), '?dryRun=true&submit=true')).json();
    expect(result).toMatchObject({ dryRun: true, country: 'AL', events: [] });
    expect(result.sections).toHaveLength(21);
    expect(await reportOf('AL')).toMatchObject({ status: 'draft', version: 0 });
  });

  it('refuses a document with a line that fits no section, naming the line, and changes nothing', async () => {
    const text = montenegro.replace('MONTENEGRO\n', 'MONTENEGRO\n\nDraft prepared by the ministry, not for publication\n');
    api.dynamo.reset();
    const response = await importDoc('BA', text.replace('MONTENEGRO', 'BOSNIA AND HERZEGOVINA'));
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: 'document.line.7', message: expect.stringContaining('Draft prepared by the ministry') }));
    expect(await reportOf('BA')).toMatchObject({ status: 'draft', version: 0 });
    expect(api.dynamo.calls).not.toContain('TransactWriteItemsCommand');
  });

  it('refuses a document missing a policy target, naming it', async () => {
    const start = kosovo.indexOf('Policy Target No. 3');
    const end = kosovo.indexOf('Policy Target No. 4');
    const response = await importDoc('BA', kosovo.slice(0, start) + kosovo.slice(end));
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(JSON.stringify(problem.errors)).toMatch(/Policy Target No\. 3|target 3/i);
    expect(await reportOf('BA')).toMatchObject({ version: 0 });
  });

  it("refuses a document of another country's report", async () => {
    const response = await importDoc('RS', montenegro);
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0]).toMatchObject({ path: 'document.country' });
  });

  it.each([
    ['a rapporteur', () => api.tokens.me, 403],
    ['a reviewer', () => api.tokens.reviewer, 403],
  ])('refuses an import by %s', async (_name, token, status) => {
    expect((await importDoc('MK', montenegro, '', token())).status).toBe(status);
  });

  it('refuses a body that is not text/plain', async () => {
    const response = await importDoc('MK', montenegro, '', api.tokens.admin, 'application/json');
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].path).toBe('header.content-type');
  });

  it('refuses an import into a submitted report with 409', async () => {
    expect((await importDoc('XK', kosovo)).status).toBe(409);
  });
});

describe('export and compilation', () => {
  it('renders the official layout as one self-contained HTML page', async () => {
    const response = await api.call('GET', '/cycles/2014/reports/XK/export?format=html', { token: api.tokens.reviewer });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const html = await response.text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain('2014 Reporting Form');
    expect(html).toContain('<p class="country">Kosovo</p>');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps unpublished reports from anonymous readers and other countries', async () => {
    expect((await api.call('GET', '/cycles/2014/reports/XK/export?format=md')).status).toBe(404);
    expect((await api.call('GET', '/cycles/2014/reports/XK/export?format=md', { token: api.tokens.me })).status).toBe(403);
  });

  it('compiles the submitted reports for reviewers, and only published ones for the public', async () => {
    const staff = await (await api.call('GET', '/cycles/2014/compilation?format=md', { token: api.tokens.reviewer })).text();
    expect(staff).toContain('Kosovo');
    expect(staff).not.toContain('Montenegro'); // still a draft
    const publicView = await (await api.call('GET', '/cycles/2014/compilation?format=html')).text();
    expect(publicView).not.toContain('Kosovo');
  });

  it('serves a published report to anyone', async () => {
    const { sections } = await reportOf('XK');
    for (const s of sections) await api.call('POST', `/cycles/2014/reports/XK/sections/${s.id}/approve`, { token: api.tokens.reviewer });
    await api.call('POST', '/cycles/2014/reports/XK/approve', { token: api.tokens.reviewer });
    expect((await api.call('POST', '/cycles/2014/reports/XK/publish', { token: api.tokens.admin })).status).toBe(200);
    const md = await (await api.call('GET', '/cycles/2014/reports/XK/export?format=md')).text();
    expect(md).toContain('KOSOVO');
    // The report itself too, without signing in (its latest publication).
    const anonymous = await api.call('GET', '/cycles/2014/reports/XK');
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toMatchObject({ cycle: '2014', country: 'XK', status: 'published' });
    const compiled = await (await api.call('GET', '/cycles/2014/compilation?format=md')).text();
    expect(compiled).toContain('Kosovo');
  });
});

describe('seeded local run', () => {
  it('ships the published seeds unchanged', () => {
    for (const { file } of SEED_DOCUMENTS) {
      const shipped = seedDocument(file);
      expect(createHash('sha256').update(shipped).digest('hex')).toBe(PUBLISHED_SEEDS[file]);
      expect(shipped).toBe(readSeed(file));
    }
  });

  it('imports and submits Montenegro and Kosovo into an empty table, whose 2014 cycle is open without any item', async () => {
    const { doc } = countingDocumentClient();
    const tableName = await createTestTable('seed');
    const store = new ReportStore({ doc, tableName });
    const lines = await seedReports({ reports: store, cycles: createCycleCatalog(new CycleStore({ doc, tableName })) });
    expect(lines).toEqual(['ME: montenegro-2014.txt imported, report submitted', 'XK: kosovo-2014.txt imported, report submitted']);
    const info = findCycle('2014')!;
    const submitted = await store.listReports(info, 'submitted');
    expect(submitted.map((r) => r.country).sort()).toEqual(['ME', 'XK']);
    const { report } = await store.getReport(info, 'XK');
    expect(report.sections.filter((s) => s.nothingToReport).map((s) => s.id)).toContain('3.2.A');
  });
});
