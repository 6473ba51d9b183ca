/**
 * Request benchmark: latency, throughput and DynamoDB round trips of each kind of API request,
 * measured over loopback HTTP against the real local composition (DynamoDB Local in memory, s3rver),
 * plus the one-Query report read against naive per-item reads.
 *
 *   npm run bench                       # or: npx tsx test/bench/requests.ts
 *   BENCH_N=100 BENCH_WARMUP=10 BENCH_SECONDS=2 npm run bench   # shorter
 *
 * Not a vitest test: it starts its own services, prints tables and exits 0 (1 on error). Every loop
 * is bounded by a count and by a time budget per kind, and everything it starts is stopped at the end.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { rmSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { TestApi } from '../support/api';
import { startLocalServices, type LocalServices } from '../support/services';
import { N, N_HEAVY, SECONDS, WARMUP, WARMUP_HEAVY, WARMUP_SECONDS, WATCHDOG_MS, commandSummary, describeCalls, findResult, measure, measureInterleaved, results, stats, throughputAt, type KindResult, type Sample } from './measure';

const CYCLE = '2014';
const BUCKET = 'alliance-reporting-bench';
const SECTIONS_PER_REPORT = 21;
/** The target's pair (GET report against the raw Query of its items), measured interleaved. */
const PAIRED_REPORT = 'paired: GET report (HTTP)';
const PAIRED_QUERY = 'paired: 1 Query (raw, same items)';
/** Countries of the 2014 cycle, by role in the benchmark. */
const DRAFT_COUNTRY = 'AL'; // filled draft: GET report, PUT section
const HISTORY_COUNTRY = 'ME'; // 24 events, published: GET history, GET export
const CYCLE_COUNTRY = 'AR'; // submitted: return + resubmit cycles
/** With ME and AR: the 10 submitted reports of the compilation. */
const SUBMITTED_COUNTRIES = ['AU', 'AT', 'BE', 'BA', 'BG', 'KH', 'HR', 'CY'];
/** Submitted reports whose sections are approved one per request. */
const APPROVE_POOL = ['CZ', 'DK', 'EE', 'FI', 'FR', 'MK', 'GE', 'DE', 'GH', 'GR', 'HU', 'IE', 'IT', 'JP'];

// ---------------------------------------------------------------- fixtures ----------------------

/** An answer of about 1 KB in the form's bullet style, different per country and section. */
function answerText(country: string, section: string, round = 0): string {
  const lines = [
    `- ${country} ${section} (rev. ${round}): the national action plan against child sexual abuse online was updated and adopted by the government.`,
    '- The specialised police unit received additional staff and training on victim identification in 2013.',
    '- Cooperation with hotlines and service providers on notice and takedown was formalised in a memorandum of understanding.',
    '- Awareness campaigns for children, parents and teachers reached schools in every region of the country.',
    '- Legislation criminalising grooming and the possession of abuse material was brought in line with the Lanzarote Convention.',
    '- Figures on identified victims and investigations are collected by the prosecution service and published yearly.',
    '- International cooperation through Interpol and Europol databases continued, with new contributions to the ICSE database.',
  ];
  return lines.join('\n');
}

function fail(what: string, res: Response, body: string): never {
  throw new Error(`${what}: HTTP ${res.status} ${body.slice(0, 300)}`);
}

/** A request that must answer `expected`; the body is read whole (part of the measured time). */
async function expectStatus(api: TestApi, what: string, method: string, path: string, options: Parameters<TestApi['call']>[2], expected = 200): Promise<{ res: Response; body: string }> {
  const res = await api.call(method, path, options);
  const body = await res.text();
  if (res.status !== expected) fail(`${what} ${method} ${path}`, res, body);
  return { res, body };
}

// ---------------------------------------------------------------- main --------------------------

interface Started {
  services?: LocalServices;
  api?: TestApi;
}

const started: Started = {};
let stopping: Promise<void> | undefined;

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    const { api, services } = started;
    await api?.close().catch(() => undefined);
    if (api) rmSync(api.dataDir, { recursive: true, force: true });
    await services?.stop();
  })();
  return stopping;
}

function printMachine(): void {
  const cpuList = cpus();
  console.log('Alliance Reporting: request benchmark (loopback HTTP, DynamoDB Local in memory, s3rver)');
  console.log(`machine: ${cpuList.length} CPU(s) × ${cpuList[0]?.model.trim() ?? 'unknown'}; ${platform()} ${release()}; ` +
    `memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} free); load avg ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`node ${process.version}; N=${N} measured requests per kind after ${WARMUP} warm-up (compilation ${N_HEAVY} after ${WARMUP_HEAVY}), at most ${SECONDS} s per kind;`);
  console.log(`      the whole stack is first warmed with up to 600 mixed reads (at most ${WARMUP_SECONDS} s)`);
  console.log('NOTE: on a shared 2-core machine the server, DynamoDB Local (Java) and this client compete for the same');
  console.log('      cores: figures are noisy (expect ±20% between runs); compare ratios within one run, not absolute ms.');
  console.log('');
}

async function main(): Promise<void> {
  printMachine();
  const t0 = performance.now();

  // Services first, then the environment the SDK reads, then the clients (startTestApi).
  started.services = await startLocalServices(BUCKET);
  // One JSON line per request would dominate the measurement (and the output).
  process.env.LOG_LEVEL = 'silent';
  // Imported after the environment is set, so no module sees it unset.
  const { startTestApi } = await import('../support/api');
  const { findCycle } = await import('../../shared/form');
  const { decideImport } = await import('../../shared/workflow');
  const { approveReport, approveSection, getHistory, publishReport } = await import('../../shared/usecases/reports');
  const { reportPk, sectionSk, META_SK } = await import('../../shared/store/keys');

  const api = await startTestApi();
  started.api = api;
  const info = findCycle(CYCLE);
  if (!info) throw new Error(`cycle ${CYCLE} missing`);
  const sectionIds = info.sectionIds;
  if (sectionIds.length !== SECTIONS_PER_REPORT) throw new Error(`expected ${SECTIONS_PER_REPORT} sections, the form has ${sectionIds.length}`);
  const participants = info.cycle.participants.length;
  process.stderr.write(`services up in ${((performance.now() - t0) / 1000).toFixed(1)} s (${api.url}); setting up reports…\n`);

  const admin = { sub: 'adm-1', name: 'Admin One', roles: ['admin' as const] };
  const reviewer = { sub: 'rev-1', name: 'Reviewer One', roles: ['reviewer' as const] };
  const rapporteurTokens = new Map<string, string>();
  const rapporteurToken = async (country: string) => {
    let token = rapporteurTokens.get(country);
    if (!token) {
      token = await api.issuer.sign({ sub: `rap-${country.toLowerCase()}`, name: `Rapporteur of ${country}`, roles: ['rapporteur'], country });
      rapporteurTokens.set(country, token);
    }
    return token;
  };

  /** Fills all 21 sections with ~1 KB answers in one transaction (the import use case), and submits. */
  const fillReport = async (country: string, submit: boolean) => {
    const { report } = await api.deps.reports.getReport(info, country);
    const answers = new Map(sectionIds.map((id) => [id, { text: answerText(country, id) }]));
    await api.deps.reports.apply(decideImport(admin, report, answers, 'bench', { submit }), admin);
  };

  const setupStart = performance.now();
  await fillReport(DRAFT_COUNTRY, false);
  for (const country of [HISTORY_COUNTRY, CYCLE_COUNTRY, ...SUBMITTED_COUNTRIES]) await fillReport(country, true);
  // ME: import and submit, 21 section approvals, report approval, publication = 24 events.
  const history = { cycle: CYCLE, country: HISTORY_COUNTRY };
  for (const section of sectionIds) await approveSection(api.deps, reviewer, { ...history, section });
  await approveReport(api.deps, reviewer, history);
  await publishReport(api.deps, admin, history);
  const historyEvents = (await getHistory(api.deps, admin, history)).events.length;
  const compiled = (await api.deps.reports.listReports(info)).filter((s) => s.status !== 'draft').length;
  process.stderr.write(`setup: ${2 + SUBMITTED_COUNTRIES.length + 1} reports, ${historyEvents} events on ${HISTORY_COUNTRY}, in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`);

  const tokens = { draft: await rapporteurToken(DRAFT_COUNTRY), cycle: await rapporteurToken(CYCLE_COUNTRY), reviewer: api.tokens.reviewer };
  const base = `/cycles/${CYCLE}`;

  // --- warm-up of the whole stack -------------------------------------------------------------------
  // DynamoDB Local (a JVM) and V8 compile their hot paths during the first few hundred requests; without
  // this, the first kinds measured pay for it and the ratios between kinds mean little.
  {
    const warmKinds = [
      () => expectStatus(api, 'report', 'GET', `${base}/reports/${DRAFT_COUNTRY}`, { token: tokens.draft }),
      () => expectStatus(api, 'list', 'GET', `${base}/reports`, { token: tokens.reviewer }),
      () => expectStatus(api, 'history', 'GET', `${base}/reports/${HISTORY_COUNTRY}/history`, { token: tokens.reviewer }),
      () => expectStatus(api, 'export', 'GET', `${base}/reports/${HISTORY_COUNTRY}/export?format=html`, { token: tokens.reviewer }),
      () => expectStatus(api, 'health', 'GET', '/health', {}),
    ];
    const warmStart = performance.now();
    let count = 0;
    while (count < 600 && performance.now() - warmStart < WARMUP_SECONDS * 1000) await warmKinds[count++ % warmKinds.length]!();
    process.stderr.write(`warm-up: ${count} mixed read requests in ${((performance.now() - warmStart) / 1000).toFixed(1)} s\n`);
  }

  // --- read and write kinds -----------------------------------------------------------------------
  await measure(api, 'GET /health (baseline)', async () => {
    await expectStatus(api, 'health', 'GET', '/health', {});
  });

  let reportBytes = 0;
  await measure(api, `GET report (${SECTIONS_PER_REPORT} sections, ~1 KB each)`, async () => {
    const { body } = await expectStatus(api, 'report', 'GET', `${base}/reports/${DRAFT_COUNTRY}`, { token: tokens.draft });
    reportBytes = body.length;
  });

  // PUT: each request saves the next section with the etag the previous save of that section returned.
  const etags = new Map<string, string>();
  {
    const { body } = await expectStatus(api, 'report', 'GET', `${base}/reports/${DRAFT_COUNTRY}`, { token: tokens.draft });
    for (const s of (JSON.parse(body) as { sections: { id: string; etag: string }[] }).sections) etags.set(s.id, s.etag);
  }
  await measure(api, 'PUT section (If-Match chained)', async (i) => {
    const section = sectionIds[i % sectionIds.length]!;
    const { res } = await expectStatus(api, 'save', 'PUT', `${base}/reports/${DRAFT_COUNTRY}/sections/${section}`, {
      token: tokens.draft,
      headers: { 'if-match': etags.get(section)! },
      body: { text: answerText(DRAFT_COUNTRY, section, i + 1) },
    });
    const etag = res.headers.get('etag');
    if (!etag) throw new Error('PUT answered without ETag');
    etags.set(section, etag);
  });

  await measure(api, `GET reviewer list (${participants} participants)`, async () => {
    await expectStatus(api, 'list', 'GET', `${base}/reports`, { token: tokens.reviewer });
  });

  await measure(api, `GET history (${historyEvents} events)`, async () => {
    await expectStatus(api, 'history', 'GET', `${base}/reports/${HISTORY_COUNTRY}/history`, { token: tokens.reviewer });
  });

  let exportBytes = 0;
  await measure(api, 'GET export?format=html (1 report)', async () => {
    const { body } = await expectStatus(api, 'export', 'GET', `${base}/reports/${HISTORY_COUNTRY}/export?format=html`, { token: tokens.reviewer });
    exportBytes = body.length;
  });

  let compilationBytes = 0;
  await measure(
    api,
    `GET compilation?format=html (${compiled} reports)`,
    async () => {
      const { body } = await expectStatus(api, 'compilation', 'GET', `${base}/compilation?format=html`, { token: tokens.reviewer });
      compilationBytes = body.length;
    },
    { n: N_HEAVY, warmup: WARMUP_HEAVY },
  );

  // Return + resubmit: the reviewer returns a section of AR, its rapporteur replies (not measured) and submits again.
  const returnSamples: Sample[] = [];
  const submitSamples: Sample[] = [];
  await measure(api, 'POST return + POST submit (cycle)', async (i) => {
    const section = sectionIds[i % sectionIds.length]!;
    api.dynamo.reset();
    let start = performance.now();
    await expectStatus(api, 'return', 'POST', `${base}/reports/${CYCLE_COUNTRY}/sections/${section}/return`, { token: tokens.reviewer, body: { comment: `Please give figures for ${section} (round ${i}).` } });
    returnSamples.push({ ms: performance.now() - start, calls: api.dynamo.calls.length, commands: commandSummary(api.dynamo.calls) });
    // A returned section is resubmitted once answered: the rapporteur replies (not measured).
    await expectStatus(api, 'reply', 'POST', `${base}/reports/${CYCLE_COUNTRY}/sections/${section}/comments`, { token: tokens.cycle, body: { text: `Figures for ${section} added (round ${i}).` } }, 201);
    api.dynamo.reset();
    start = performance.now();
    await expectStatus(api, 'resubmit', 'POST', `${base}/reports/${CYCLE_COUNTRY}/submit`, { token: tokens.cycle });
    submitSamples.push({ ms: performance.now() - start, calls: api.dynamo.calls.length, commands: commandSummary(api.dynamo.calls) });
  });
  // measure() saw only the submit's calls: report the two requests as kinds of their own, and the cycle with both counts.
  const cycleResult = results[results.length - 1]!;
  const measuredCycles = cycleResult.samples.length;
  const cycleWall = cycleResult.wallMs;
  results.pop();
  results.push({ kind: '  POST section return', samples: returnSamples.slice(-measuredCycles), wallMs: cycleWall / 2, note: 'half of the cycle wall time' });
  results.push({ kind: '  POST submit (resubmit)', samples: submitSamples.slice(-measuredCycles), wallMs: cycleWall / 2, note: 'half of the cycle wall time' });
  results.push({ ...cycleResult, samples: cycleResult.samples.map((s, k) => ({ ...s, calls: returnSamples.slice(-measuredCycles)[k]!.calls + submitSamples.slice(-measuredCycles)[k]!.calls, commands: '' })) });
  const cycleKind = cycleResult.kind;

  // Approve section: one submitted section per request, over as many submitted reports as needed.
  const approveTotal = WARMUP + N;
  const poolSize = Math.min(APPROVE_POOL.length, Math.ceil(approveTotal / SECTIONS_PER_REPORT));
  const poolStart = performance.now();
  for (const country of APPROVE_POOL.slice(0, poolSize)) await fillReport(country, true);
  process.stderr.write(`setup: ${poolSize} submitted reports for approvals in ${((performance.now() - poolStart) / 1000).toFixed(1)} s\n`);
  const approvals = APPROVE_POOL.slice(0, poolSize).flatMap((country) => sectionIds.map((section) => ({ country, section })));
  await measure(
    api,
    'POST section approve',
    async (i) => {
      const target = approvals[i];
      if (!target) throw new Error('approval pool exhausted');
      await expectStatus(api, 'approve', 'POST', `${base}/reports/${target.country}/sections/${target.section}/approve`, { token: tokens.reviewer });
    },
    { n: Math.min(N, approvals.length - WARMUP) },
  );

  // --- one Query against naive per-item reads, straight on the document client ---------------------
  const doc = api.dynamo.doc;
  const table = api.tableName;
  const pk = reportPk(CYCLE, DRAFT_COUNTRY);
  const keys = [{ pk, sk: META_SK }, ...sectionIds.map((id) => ({ pk, sk: sectionSk(id) }))];
  const checkItems = (count: number, how: string) => {
    if (count !== 1 + SECTIONS_PER_REPORT) throw new Error(`${how} read ${count} items, expected ${1 + SECTIONS_PER_REPORT}`);
  };
  const rawQuery = async () => {
    const { Items } = await doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': pk, ':p': 'R#' } }));
    checkItems(Items?.length ?? 0, 'Query');
  };
  await measure(api, 'store: 1 Query (the design)', rawQuery);
  await measure(api, 'store: ReportStore.getReport (Query + parse)', async () => {
    const { report } = await api.deps.reports.getReport(info, DRAFT_COUNTRY);
    if (report.sections.length !== SECTIONS_PER_REPORT) throw new Error('getReport: wrong section count');
  });
  await measure(api, 'naive: 22 GetItem, one after another', async () => {
    let count = 0;
    for (const Key of keys) if ((await doc.send(new GetCommand({ TableName: table, Key }))).Item) count++;
    checkItems(count, 'sequential GetItem');
  }, { n: Math.min(N, 100), warmup: Math.min(WARMUP, 10) });
  await measure(api, 'naive: 22 GetItem in parallel', async () => {
    const items = await Promise.all(keys.map((Key) => doc.send(new GetCommand({ TableName: table, Key }))));
    checkItems(items.filter((r) => r.Item).length, 'parallel GetItem');
  }, { n: Math.min(N, 100), warmup: Math.min(WARMUP, 10) });
  await measure(api, 'alternative: 1 BatchGetItem (22 keys)', async () => {
    const { Responses, UnprocessedKeys } = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }));
    if (UnprocessedKeys && Object.keys(UnprocessedKeys).length > 0) throw new Error('BatchGet left keys unprocessed');
    checkItems(Responses?.[table]?.length ?? 0, 'BatchGetItem');
  });

  // The target's pair, measured request by request in one loop: the same machine load and the same warmth of
  // DynamoDB Local for both (the kinds above were measured a minute or more apart).
  await measureInterleaved(api, [
    [PAIRED_REPORT, async () => void (await expectStatus(api, 'report', 'GET', `${base}/reports/${DRAFT_COUNTRY}`, { token: tokens.draft }))],
    [PAIRED_QUERY, rawQuery],
  ]);

  // --- throughput with requests in flight (read-only kinds) ------------------------------------------
  const concurrency: Array<{ kind: string; c1: number; c8: number }> = [];
  for (const [kind, op] of [
    ['GET /health', () => expectStatus(api, 'health', 'GET', '/health', {}).then(() => undefined)],
    ['GET report', () => expectStatus(api, 'report', 'GET', `${base}/reports/${DRAFT_COUNTRY}`, { token: tokens.draft }).then(() => undefined)],
    ['GET reviewer list', () => expectStatus(api, 'list', 'GET', `${base}/reports`, { token: tokens.reviewer }).then(() => undefined)],
  ] as const) {
    const c1 = await throughputAt(1, Math.min(N, 200), op);
    const c8 = await throughputAt(8, Math.min(4 * N, 800), op);
    concurrency.push({ kind, c1: c1.rps, c8: c8.rps });
  }

  // --- compilation at 50+ reports: the same request over five times the reports --------------------------
  // Every participant but the draft gets a submitted report (the 2014 cycle has more than 50), so the per-report
  // cost at scale can be set against the 10-report figure above: linear means the same ms per report.
  const submittedNow = new Set((await api.deps.reports.listReports(info)).filter((s) => s.status !== 'draft').map((s) => s.country));
  const scaleStart = performance.now();
  for (const { code } of info.cycle.participants) if (code !== DRAFT_COUNTRY && !submittedNow.has(code)) await fillReport(code, true);
  const compiledAtScale = (await api.deps.reports.listReports(info)).filter((s) => s.status !== 'draft').length;
  process.stderr.write(`setup: ${compiledAtScale} submitted reports for the compilation at scale in ${((performance.now() - scaleStart) / 1000).toFixed(1)} s\n`);
  let scaleBytes = 0;
  const scaleKind = `GET compilation?format=html (${compiledAtScale} reports)`;
  await measure(
    api,
    scaleKind,
    async () => {
      const { body } = await expectStatus(api, 'compilation', 'GET', `${base}/compilation?format=html`, { token: tokens.reviewer });
      scaleBytes = body.length;
    },
    { n: Math.min(N_HEAVY, 15), warmup: Math.min(WARMUP_HEAVY, 2) },
  );

  // --- report ----------------------------------------------------------------------------------------
  console.log('Latency per request kind (sequential, one request in flight; ms), throughput of that loop, DynamoDB commands per request');
  const header = ['request kind', 'n', 'p50', 'p95', 'p99', 'mean', 'max', 'req/s', 'DynamoDB calls / request'];
  const rows: string[][] = [];
  const httpKinds = results.filter((r) => !['store:', 'naive:', 'alternative:', 'paired:'].some((prefix) => r.kind.startsWith(prefix)));
  const storeKinds = results.filter((r) => !httpKinds.includes(r));
  const row = (r: KindResult) => {
    const s = stats(r.samples);
    const calls = r.kind === cycleKind ? `${r.samples[0]?.calls ?? '?'} (return + submit)` : describeCalls(r.samples);
    return [r.kind, String(s.n), s.p50.toFixed(2), s.p95.toFixed(2), s.p99.toFixed(2), s.mean.toFixed(2), s.max.toFixed(1), (s.n / (r.wallMs / 1000)).toFixed(0), calls];
  };
  for (const r of httpKinds) rows.push(row(r));
  printTable(header, rows);
  console.log('');
  console.log('Reading one report straight from DynamoDB Local (no HTTP; same table and items as GET report), and the target\'s pair interleaved');
  printTable(header, storeKinds.map(row));
  console.log('');
  console.log('Throughput of read-only kinds with requests in flight (req/s; client, server and DynamoDB Local share the cores)');
  printTable(['request kind', '1 in flight', '8 in flight', 'gain'], concurrency.map((c) => [c.kind, c.c1.toFixed(0), c.c8.toFixed(0), `×${(c.c8 / c.c1).toFixed(2)}`]));
  console.log('');

  const health = findResult('GET /health (baseline)');
  const getReport = findResult(`GET report (${SECTIONS_PER_REPORT} sections, ~1 KB each)`);
  const put = findResult('PUT section (If-Match chained)');
  const exp = findResult('GET export?format=html (1 report)');
  const comp = findResult(`GET compilation?format=html (${compiled} reports)`);
  const scale = findResult(scaleKind);
  const list = findResult(`GET reviewer list (${participants} participants)`);
  const approve = findResult('POST section approve');
  const ret = findResult('  POST section return');
  const query = findResult('store: 1 Query (the design)');
  const seq = findResult('naive: 22 GetItem, one after another');
  const par = findResult('naive: 22 GetItem in parallel');
  const batch = findResult('alternative: 1 BatchGetItem (22 keys)');
  const pairedReport = findResult(PAIRED_REPORT);
  const pairedQuery = findResult(PAIRED_QUERY);
  const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
  console.log('Ratios (p50 unless said otherwise)');
  printTable(['what', 'value', 'reading'], [
    ['GET report / GET /health', ratio(getReport.p50, health.p50), `framework + auth baseline ${health.p50.toFixed(2)} ms; the report adds ${(getReport.p50 - health.p50).toFixed(2)} ms (Query, parse, ${(reportBytes / 1024).toFixed(0)} KB JSON)`],
    ['PUT section / GET report', ratio(put.p50, getReport.p50), 'one conditional UpdateItem vs one Query of 22 items'],
    ['approve section / GET report', ratio(approve.p50, getReport.p50), 'Query + TransactWriteItems (meta, section, status checks, event) vs Query'],
    ['return section / approve section', ratio(ret.p50, approve.p50), 'same shape: Query + TransactWriteItems'],
    ['reviewer list / GET report', ratio(list.p50, getReport.p50), `one gsi1 Query for ${participants} participants`],
    ['export html / GET report', ratio(exp.p50, getReport.p50), `same Query, then ${(exportBytes / 1024).toFixed(0)} KB of HTML rendered (Markdown, raw HTML escaped) instead of ${(reportBytes / 1024).toFixed(0)} KB of JSON`],
    ['compilation, per report (mean)', `${(comp.mean / compiled).toFixed(2)} ms`, `${comp.mean.toFixed(1)} ms for ${compiled} reports, ${(compilationBytes / 1024).toFixed(0)} KB of HTML`],
    ['compilation per report / export html', ratio(comp.mean / compiled, exp.mean), '1 gsi1 Query + 1 Query per report (8 in flight), one page for all'],
    [`compilation at ${compiledAtScale} reports, per report (mean)`, `${(scale.mean / compiledAtScale).toFixed(2)} ms`, `${scale.mean.toFixed(1)} ms, ${(scaleBytes / 1024).toFixed(0)} KB of HTML, ${describeCalls(results.find((r) => r.kind === scaleKind)!.samples)} DynamoDB calls`],
    [`  per report at ${compiledAtScale} / per report at ${compiled}`, ratio(scale.mean / compiledAtScale, comp.mean / compiled), 'linear when ≈ ×1 (the same work per report at five times the reports)'],
    ['GET report / raw 1 Query (target ≤ ×1.5)', ratio(pairedReport.p50, pairedQuery.p50), `measured interleaved (${pairedReport.p50.toFixed(2)} vs ${pairedQuery.p50.toFixed(2)} ms): HTTP, auth (cached token), validation, the Query, parsing and JSON over the raw Query of the same 22 items: ${pairedReport.p50 / pairedQuery.p50 <= 1.5 ? 'met' : 'NOT met'}`],
    ['  the same from the kinds measured apart', ratio(getReport.p50, query.p50), `${getReport.p50.toFixed(2)} vs ${query.p50.toFixed(2)} ms, measured a minute or more apart: the machine's load drifts in between`],
    ['naive 22 sequential GetItem / 1 Query', ratio(seq.p50, query.p50), `${seq.p50.toFixed(2)} ms vs ${query.p50.toFixed(2)} ms for the same 22 items`],
    ['naive 22 parallel GetItem / 1 Query', ratio(par.p50, query.p50), 'parallel hides latency but still sends 22 requests'],
    ['1 BatchGetItem / 1 Query', ratio(batch.p50, query.p50), 'one round trip too, but needs every key known in advance (no attachments)'],
  ]);
  console.log('');
  console.log(`Notes: one round trip to DynamoDB Local costs ~${query.p50.toFixed(1)} ms here (loopback, same cores); in AWS a round trip`);
  console.log('costs a few ms inside a region, so every extra round trip (the naive reads above) weighs more there than here.');
  console.log(`Total run: ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[×\d.,\-–]+( ms)?$/.test(r[i] ?? '') || r[i] === 'NaN'));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  console.log(fmt(header));
  console.log('|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|');
  for (const r of rows) console.log(fmt(r));
}

const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 1000} s; stopping`);
  void stopAll().finally(() => process.exit(1));
}, WATCHDOG_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error('bench failed:', error);
} finally {
  await stopAll();
  clearTimeout(watchdog);
}
// SDK keep-alive sockets and timers would keep the process up a little longer; everything is stopped.
process.exit(exitCode);
