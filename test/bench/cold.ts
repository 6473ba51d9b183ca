/**
 * Cold-start benchmark: every function of infra/function-table.ts built exactly as the deployment
 * builds it (the API stack is synthesized with bundling; the assets are read from the cloud assembly),
 * next to a floor bundle of the same stack (Hono + DynamoDB document client + jose + zod,
 * test/bench/floor.ts) synthesized in the same run as one more function, so it is built the same way.
 *
 *   npm run bench:cold                       # or: npx tsx test/bench/cold.ts
 *   BENCH_COLD_RUNS=25 npm run bench:cold    # more runs (default 15, at most 100)
 *   BENCH_COLD_BASE=HEAD~1 BENCH_COLD_ONLY=submission,web npm run bench:cold
 *                                            # a paired A/B: those functions of another commit too
 *   BENCH_COLD_INSTRUCTIONS=3 npm run bench:cold
 *                                            # also count instructions under valgrind (3 runs each)
 *
 * BENCH_COLD_BASE builds the functions of that commit (a git worktree, this checkout's node_modules) with
 * its own infra/build.ts, as its deployment would, and measures them in the same rounds as today's, as
 * rows `<function>@<commit>`, then prints each function's ratios before and after: the way to tell what a
 * change buys on a machine whose own speed moves between runs. Both run with this checkout's
 * NODE_OPTIONS (an A/B of a NODE_OPTIONS change needs two runs). BENCH_COLD_ONLY keeps those functions
 * (and the floor) only. A run stopped midway (Ctrl-C, the watchdog) can leave its temporary folder
 * (`alliance-cold-*` under the system's temp dir) and the worktree in it registered: remove the folder;
 * the next run's `git worktree prune` then forgets the worktree.
 *
 * For each bundle: the bytes Node loads at init (the entry and the chunks it imports statically; lazy
 * chunks are listed apart), then, in fresh Node processes with the function's own NODE_OPTIONS from the
 * template, interleaved (one process per bundle per round, the order rotating each round):
 *   - init: the time of `await import(entry)` (module evaluation, dependencies built at cold start);
 *   - init + first request: the import, then one API Gateway (REST, v1) proxy event through the exported
 *     Lambda handler against DynamoDB Local (a real JWT, a real table with a report and a stored cycle in it).
 * Medians; ratios to the floor are the figures (milliseconds on a shared 2-core machine are noise). Both are
 * given in wall time and in CPU time (what the function's process itself spent: other processes on the
 * machine stretch wall time, much less CPU time; DynamoDB Local's work is in the wall time only).
 * BENCH_COLD_INSTRUCTIONS=n (at most 15) then runs each cold start n more times under valgrind (callgrind), which counts
 * the instructions the process executes instead of timing them: the same count within ~1% from run to run
 * whatever else the machine does, so a change of 2% shows, where the timed ratios move by ±0.05 between
 * runs on a shared machine. Node's own start (a fresh Node importing an empty module) is subtracted. Each
 * run takes 10–20 s (valgrind's slowdown); they run as many at once as the machine has cores. Instructions
 * are not time (cache misses, file reads and the GC's threads are not in them): the timed ratios stay the
 * figures of the targets.
 *
 * Targets (printed, not asserted): init ≤ 1.25× the floor and ≤ 600 KB loaded at init per function.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../../infra/build';
import { FUNCTIONS, type FunctionSpec } from '../../infra/function-table';
import { configFrom, synth } from '../infra/synth';
import { apiGatewayEvent } from '../support/api-gateway';
import { initFiles } from '../support/bundle-files';
import { startLocalServices, type LocalServices } from '../support/services';

const run = promisify(execFile);
const RUNS = Math.min(100, Math.max(3, Number.parseInt(process.env.BENCH_COLD_RUNS ?? '', 10) || 15));
const INSTRUCTION_RUNS = Math.min(15, Math.max(0, Number.parseInt(process.env.BENCH_COLD_INSTRUCTIONS ?? '', 10) || 0)); // at most 15
const TARGET_RATIO = 1.25;
const TARGET_KB = 600;
const FLOOR: FunctionSpec = { name: 'floor', entry: 'test/bench/floor.ts', routes: [], table: [], bucket: {} };

interface Bundle {
  /** The row's name: the function's, with `@<commit>` for another commit's build of it. */
  name: string;
  /** The function (its row in infra/function-table.ts, or the floor). */
  fn: string;
  /** The commit it was built from, when not this checkout (BENCH_COLD_BASE). */
  base?: string;
  /** A stream or schedule job: no HTTP, so its init is measured but not a first request. */
  job: boolean;
  dir: string;
  entry: string;
  nodeOptions: string;
  /** Files evaluated at init: the entry and every chunk reached from it by static imports. */
  initFiles: string[];
  initBytes: number;
  /** Every .mjs/.js of the asset (lazy chunks included) and the source maps beside them. */
  codeBytes: number;
  mapBytes: number;
}

function describeBundle(fn: string, base: string | undefined, job: boolean, dir: string, nodeOptions: string): Bundle {
  const entry = ['index.mjs', 'index.js'].map((f) => join(dir, f)).find((f) => statSync(f, { throwIfNoEntry: false }))!;
  const init = initFiles(entry);
  const all = (readdirSync(dir, { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
  const size = (files: string[]) => files.reduce((sum, f) => sum + statSync(f).size, 0);
  return {
    name: base ? `${fn}@${base}` : fn,
    fn,
    ...(base ? { base } : {}),
    job,
    dir,
    entry,
    nodeOptions,
    initFiles: init,
    initBytes: size(init),
    codeBytes: size(all.filter((f) => /\.m?js$/.test(f))),
    mapBytes: size(all.filter((f) => f.endsWith('.map'))),
  };
}

/** Synthesizes the API stack with bundling (as `cdk synth` / deploy does) with the floor as one more function. */
function buildAsDeployed(outdir: string): Bundle[] {
  const { api, app } = synth(configFrom(), { bundle: true, outdir, functions: [...FUNCTIONS, FLOOR] });
  app.synth();
  const template = JSON.parse(readFileSync(join(outdir, `${api.stackName}.template.json`), 'utf8'));
  const assets = JSON.parse(readFileSync(join(outdir, `${api.stackName}.assets.json`), 'utf8')).files as Record<string, { source: { path: string } }>;
  return [FLOOR, ...FUNCTIONS].map((fn) => {
    const kind = fn.trigger ? 'job' : 'API';
    const resource = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description?.includes(` ${fn.name} ${kind} `));
    if (!resource) throw new Error(`no Lambda function for ${fn.name} in the template`);
    const hash = String(resource.Properties.Code.S3Key).replace(/\.zip$/, '');
    const nodeOptions = String(resource.Properties.Environment?.Variables?.NODE_OPTIONS ?? '');
    return describeBundle(fn.name, undefined, Boolean(fn.trigger), join(outdir, assets[hash]!.source.path), nodeOptions);
  });
}

/**
 * The functions of another commit, built as its deployment would build them (its `infra/build.ts`, run as
 * CDK's local bundling runs it), in a git worktree that uses this checkout's node_modules.
 */
function buildBase(rev: string, functions: readonly FunctionSpec[], outdir: string, nodeOptions: ReadonlyMap<string, string>): Bundle[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--short', `${rev}^{commit}`);
  const tree = join(outdir, `base-${commit}`);
  git('worktree', 'prune');
  git('worktree', 'add', '--detach', tree, commit);
  try {
    if (git('diff', '--name-only', commit, '--', 'package-lock.json')) process.stderr.write(`note: package-lock.json differs at ${commit}; its functions are built with this checkout's node_modules\n`);
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    return functions.map((fn) => {
      const dir = join(outdir, `asset-${fn.name}@${commit}`);
      execFileSync(process.execPath, ['--import', 'tsx', join(tree, 'infra/build.ts'), fn.entry, dir], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
      return describeBundle(fn.name, commit, Boolean(fn.trigger), dir, nodeOptions.get(fn.name) ?? '');
    });
  } finally {
    try {
      git('worktree', 'remove', '--force', tree);
    } catch (error) {
      process.stderr.write(`could not remove the worktree ${tree} (\`git worktree prune\` will): ${String(error)}\n`);
    }
  }
}

// ---------------------------------------------------------------- the request of each function ---

interface FirstRequest {
  method: string;
  path: string;
  /** Who sends it (a token of the local issuer). */
  as: 'rapporteur' | 'reviewer' | 'admin';
  /** 'bearer' for the API, 'cookie' for the web pages' session. */
  via: 'bearer' | 'cookie';
  /** What the request must answer (anything else fails the benchmark). */
  status: number;
  what: string;
}

const CYCLE = '2014';
const COUNTRY = 'AL';
/** A representative first request per function; a function added to the table without one gets GET /health. */
const FIRST_REQUEST: Record<string, FirstRequest> = {
  floor: { method: 'GET', path: `/cycles/${CYCLE}/reports/${COUNTRY}`, as: 'rapporteur', via: 'bearer', status: 200, what: 'verify JWT, 1 Query' },
  submission: { method: 'GET', path: `/cycles/${CYCLE}/reports/${COUNTRY}`, as: 'rapporteur', via: 'bearer', status: 200, what: 'GET report' },
  review: { method: 'GET', path: `/cycles/${CYCLE}/reports`, as: 'reviewer', via: 'bearer', status: 200, what: 'GET reviewer list' },
  approval: { method: 'POST', path: `/cycles/${CYCLE}/reports/${COUNTRY}/approve`, as: 'admin', via: 'bearer', status: 409, what: 'approve a draft (409)' },
  web: { method: 'GET', path: `/reports/${CYCLE}/${COUNTRY}`, as: 'rapporteur', via: 'cookie', status: 200, what: 'report page (HTML)' },
  people: { method: 'GET', path: '/users', as: 'admin', via: 'bearer', status: 200, what: 'GET the directory' },
};
const HEALTH: FirstRequest = { method: 'GET', path: '/health', as: 'reviewer', via: 'bearer', status: 200, what: 'GET /health' };

/** The API Gateway event of a function's first request, with its token as a bearer or as the session cookie. */
function firstRequestEvent(request: FirstRequest, token: string) {
  const headers: Record<string, string> = {
    accept: request.via === 'cookie' ? 'text/html' : 'application/json',
    host: 'abc123.execute-api.eu-west-1.amazonaws.com',
    'user-agent': 'bench-cold',
    'x-forwarded-proto': 'https',
    ...(request.via === 'cookie' ? { cookie: `ar_session=${token}` } : { authorization: `Bearer ${token}` }),
  };
  return apiGatewayEvent({ method: request.method, path: request.path, stage: 'bench', headers });
}

// ---------------------------------------------------------------- one fresh process ---------------

interface Sample {
  importMs: number;
  /** CPU time (user + system) of the import: the work itself, less moved by other processes on a shared machine than wall time. */
  importCpuMs: number;
  requestMs?: number;
  /** CPU time of the process during the request (DynamoDB Local's own work is another process's). */
  requestCpuMs?: number;
  status?: number;
}

/**
 * One cold start: a fresh Node with the function's NODE_OPTIONS imports the bundle (timed) and, with an
 * event, sends it through the handler (timed). Module evaluation is all of the function's init that
 * depends on its code; Node's own start is the same for every bundle and left out.
 */
async function coldStart(bundle: Bundle, env: Record<string, string>, event?: unknown): Promise<Sample> {
  const { stdout } = await run(process.execPath, coldStartArgs(bundle, pathToFileURL(bundle.entry).href), { env: coldStartEnv(bundle, env, event), maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as Sample;
}

/**
 * The same cold start under valgrind: the instructions the whole process executed, and what it answered.
 * `url` is the module to import (an empty one measures Node's own start).
 */
async function coldStartInstructions(bundle: Bundle, url: string, env: Record<string, string>, event?: unknown): Promise<{ instructions: number; status?: number }> {
  const { stdout, stderr } = await run('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, ...coldStartArgs(bundle, url)], {
    env: coldStartEnv(bundle, env, event),
    maxBuffer: 1 << 22,
  });
  const collected = /Collected : (\d+)/.exec(stderr);
  if (!collected) throw new Error(`${bundle.name}: no instruction count in valgrind's output:\n${stderr.slice(-500)}`);
  return { instructions: Number(collected[1]), status: (JSON.parse(stdout) as Sample).status };
}

/** What Lambda gives the function, with its NODE_OPTIONS, and the event to send, if any. */
function coldStartEnv(bundle: Bundle, env: Record<string, string>, event?: unknown): Record<string, string> {
  return { ...env, NODE_OPTIONS: bundle.nodeOptions, ...(event ? { BENCH_EVENT: JSON.stringify(event) } : {}) };
}

function coldStartArgs(bundle: Bundle, url: string): string[] {
  const script = `
    const { performance } = await import('node:perf_hooks');
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const m = await import(${JSON.stringify(url)});
    const t1 = performance.now();
    const cpu = process.cpuUsage(c0);
    const out = { importMs: t1 - t0, importCpuMs: (cpu.user + cpu.system) / 1000 };
    if (process.env.BENCH_EVENT) {
      const c1 = process.cpuUsage();
      const res = await m.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: 'bench', functionName: ${JSON.stringify(bundle.name)}, getRemainingTimeInMillis: () => 25000 });
      out.requestMs = performance.now() - t1;
      const rcpu = process.cpuUsage(c1);
      out.requestCpuMs = (rcpu.user + rcpu.system) / 1000;
      out.status = res.statusCode;
      if (res.statusCode >= 500) out.body = String(res.body).slice(0, 300);
    }
    process.stdout.write(JSON.stringify(out));
    process.exit(0);`;
  return ['--input-type=module', '-e', script];
}

/** Runs the tasks `limit` at a time, in order; after a failure no further task starts. */
async function inPool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let failed = false;
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, async () => {
    while (!failed && next < tasks.length) {
      const i = next++;
      try {
        results[i] = await tasks[i]!();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }));
  return results;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  console.log(fmt(header));
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of rows) console.log(fmt(r));
}

// ---------------------------------------------------------------- main --------------------------

async function main(): Promise<void> {
  const outdir = mkdtempSync(join(tmpdir(), 'alliance-cold-'));
  let services: LocalServices | undefined;
  let dataDir: string | undefined;
  try {
    const t0 = performance.now();
    if (INSTRUCTION_RUNS) {
      try {
        execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
      } catch {
        throw new Error('BENCH_COLD_INSTRUCTIONS needs valgrind on the PATH (Debian: apt-get install valgrind)');
      }
    }
    const only = process.env.BENCH_COLD_ONLY?.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = only?.filter((name) => !FUNCTIONS.some((fn) => fn.name === name));
    if (unknown?.length) throw new Error(`BENCH_COLD_ONLY names no function: ${unknown.join(', ')} (the table has ${FUNCTIONS.map((fn) => fn.name).join(', ')})`);
    const bundles = buildAsDeployed(outdir).filter((b) => b.name === 'floor' || !only || only.includes(b.name));
    const base = process.env.BENCH_COLD_BASE;
    if (base) {
      const measured = FUNCTIONS.filter((fn) => bundles.some((b) => b.name === fn.name));
      bundles.push(...buildBase(base, measured, outdir, new Map(bundles.map((b) => [b.name, b.nodeOptions]))));
    }
    process.stderr.write(`built ${bundles.length} bundles as deployed in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);

    services = await startLocalServices('alliance-reporting-bench-cold');
    const { createTestDeps } = await import('../support/deps');
    const { decideImport } = await import('../../shared/workflow');
    const { findCycle, followingForm } = await import('../../shared/form');
    const test = await createTestDeps('cold');
    dataDir = test.dataDir;
    // As in a deployment after its first year: a cycle stored in the table beside the code-held 2014, so a
    // function's first request reads and parses the stored cycles (the catalog's first load), as it would there.
    const held = findCycle(CYCLE)!.cycle;
    await test.deps.cycles.save({ ...held, id: '2015', year: 2015, title: '2015 Reporting Form', status: 'planned', previous: CYCLE, deadline: '2015-09-30T23:59:59Z', form: followingForm(held.form, 1) }, 0);
    // A filled draft report to read (21 sections of ~500 bytes), like `npm run bench`'s GET report.
    const info = findCycle(CYCLE)!;
    const admin = { sub: 'adm-1', name: 'Admin One', roles: ['admin' as const] };
    const { report } = await test.deps.reports.getReport(info, COUNTRY);
    const answers = new Map(info.sectionIds.map((id) => [id, { text: `- ${COUNTRY} ${id}: the national action plan was updated; the specialised police unit received more staff and training on victim identification.` }]));
    await test.deps.reports.apply(decideImport(admin, report, answers, 'bench-cold', { submit: false }), admin);
    const tokens = {
      rapporteur: await test.issuer.sign({ sub: 'rap-al', name: 'Rapporteur of Albania', roles: ['rapporteur'], country: COUNTRY }),
      reviewer: await test.issuer.sign({ sub: 'rev-1', name: 'Reviewer One', roles: ['reviewer'] }),
      admin: await test.issuer.sign({ sub: 'adm-1', name: 'Admin One', roles: ['admin'] }),
    };
    // What Lambda gives the function: its table, bucket and token settings, region and credentials; the
    // SDK's endpoints point at the local servers. LOG_LEVEL silent: the request log line is not measured.
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
      AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
      AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB!,
      AWS_ENDPOINT_URL_S3: process.env.AWS_ENDPOINT_URL_S3!,
      AWS_LAMBDA_FUNCTION_NAME: 'bench-cold',
      TABLE_NAME: test.tableName,
      BUCKET_NAME: process.env.BUCKET_NAME!,
      S3_FORCE_PATH_STYLE: 'true',
      AUTH_ISSUER: test.issuer.issuer,
      AUTH_AUDIENCE: test.issuer.audience,
      AUTH_JWKS: test.issuer.jwks,
      WEB_BASE_URL: 'https://abc123.execute-api.eu-west-1.amazonaws.com/bench',
      LOG_LEVEL: 'silent',
    };
    const events = new Map(bundles.map((b) => {
      const request = FIRST_REQUEST[b.fn] ?? HEALTH;
      return [b.name, { request, event: firstRequestEvent(request, tokens[request.as]) }];
    }));

    // One check of every bundle and request first: a failing function stops the benchmark, naming it.
    for (const b of bundles.filter((x) => !x.job)) {
      const { request, event } = events.get(b.name)!;
      const sample = await coldStart(b, env, event);
      if (sample.status !== request.status) throw new Error(`${b.name}: ${request.method} ${request.path} answered ${sample.status}, expected ${request.status}: ${JSON.stringify(sample)}`);
    }

    const cpuList = cpus();
    console.log('Alliance Reporting: cold-start benchmark (bundles as deployed, fresh Node per sample)');
    console.log(`${new Date().toISOString().slice(0, 10)}; node ${process.version}; ${cpuList.length} CPU(s) × ${cpuList[0]?.model.trim() ?? 'unknown'}; load avg ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`${RUNS} rounds; each round imports every bundle once in a fresh process (order rotating), then once more with a first request; medians.`);
    console.log('');

    const init = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
    const initCpu = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
    const first = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
    const firstCpu = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
    for (let round = 0; round < RUNS; round++) {
      const order = bundles.map((_, i) => bundles[(i + round) % bundles.length]!);
      for (const b of order) {
        const s = await coldStart(b, env);
        init.get(b.name)!.push(s.importMs);
        initCpu.get(b.name)!.push(s.importCpuMs);
      }
      for (const b of order.filter((x) => !x.job)) {
        const s = await coldStart(b, env, events.get(b.name)!.event);
        first.get(b.name)!.push(s.importMs + s.requestMs!);
        firstCpu.get(b.name)!.push(s.importCpuMs + s.requestCpuMs!);
      }
      process.stderr.write(`  round ${round + 1}/${RUNS}\n`);
    }

    const floor = bundles.find((b) => b.name === 'floor')!;

    // Instructions (BENCH_COLD_INSTRUCTIONS): every bundle's init and init + first request, n times each,
    // and Node's own start (an empty module) to subtract.
    const instructions = new Map<string, { init: number[]; first: number[] }>(bundles.map((b) => [b.name, { init: [], first: [] }]));
    const bare: number[] = [];
    if (INSTRUCTION_RUNS) {
      const tasks: Array<() => Promise<void>> = [];
      for (let round = 0; round < INSTRUCTION_RUNS; round++) {
        tasks.push(async () => void bare.push((await coldStartInstructions(floor, 'data:text/javascript,', env)).instructions));
        for (const b of bundles) {
          const url = pathToFileURL(b.entry).href;
          tasks.push(async () => void instructions.get(b.name)!.init.push((await coldStartInstructions(b, url, env)).instructions));
          if (b.job) continue;
          const { request, event } = events.get(b.name)!;
          tasks.push(async () => {
            const counted = await coldStartInstructions(b, url, env, event);
            if (counted.status !== request.status) throw new Error(`${b.name} under valgrind: ${request.method} ${request.path} answered ${counted.status}, expected ${request.status}`);
            instructions.get(b.name)!.first.push(counted.instructions);
          });
        }
      }
      let done = 0;
      await inPool(availableParallelism(), tasks.map((task) => async () => {
        await task();
        process.stderr.write(`  valgrind ${++done}/${tasks.length}\r`);
      }));
      process.stderr.write('\n');
    }
    /** Median instructions of a bundle's cold start beyond Node's own start, in millions. */
    const millions = (name: string, kind: 'init' | 'first') => (median(instructions.get(name)![kind]) - median(bare)) / 1e6;

    const floorInit = median(init.get('floor')!);
    const floorFirst = median(first.get('floor')!);
    const floorFirstCpu = median(firstCpu.get('floor')!);
    const floorCpu = median(initCpu.get('floor')!);
    const rows = bundles.map((b) => {
      const i = median(init.get(b.name)!);
      const cpu = median(initCpu.get(b.name)!);
      const f = b.job ? Number.NaN : median(first.get(b.name)!);
      const fCpu = b.job ? Number.NaN : median(firstCpu.get(b.name)!);
      const lazy = b.codeBytes - b.initBytes;
      return [
        b.name,
        kb(b.initBytes),
        b.initFiles.length > 1 ? `${b.initFiles.length}` : '1',
        lazy > 0 ? kb(lazy) : '–',
        kb(b.mapBytes),
        b.nodeOptions || '(none)',
        i.toFixed(1),
        `×${(i / floorInit).toFixed(2)}`,
        cpu.toFixed(1),
        `×${(cpu / floorCpu).toFixed(2)}`,
        b.job ? '–' : f.toFixed(1),
        b.job ? '–' : `×${(f / floorFirst).toFixed(2)}`,
        b.job ? '–' : fCpu.toFixed(1),
        b.job ? '–' : `×${(fCpu / floorFirstCpu).toFixed(2)}`,
        b.job ? '(a job: no HTTP request)' : events.get(b.name)!.request.what,
      ];
    });
    printTable(['bundle', 'loaded at init', 'files', 'lazy chunks', 'source maps', 'NODE_OPTIONS', 'init ms', 'init / floor', 'init CPU ms', 'CPU / floor', 'init + 1st request ms', '/ floor', 'its CPU ms', 'CPU / floor', 'first request'], rows);
    console.log('');
    console.log(`Targets (printed, not asserted): init ≤ ×${TARGET_RATIO} of the floor and ≤ ${TARGET_KB} KB loaded at init.`);
    for (const b of bundles.filter((x) => x !== floor && !x.base)) {
      const ratio = median(init.get(b.name)!) / floorInit;
      const cpuRatio = median(initCpu.get(b.name)!) / floorCpu;
      const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
      const okSize = b.initBytes / 1024 <= TARGET_KB;
      console.log(`  ${b.name.padEnd(11)} init ×${ratio.toFixed(2)} ${met(ratio <= TARGET_RATIO)} (CPU ×${cpuRatio.toFixed(2)} ${met(cpuRatio <= TARGET_RATIO)}); ${kb(b.initBytes)} at init ${met(okSize)}`);
    }
    const bases = bundles.filter((b) => b.base);
    if (bases.length) {
      console.log('');
      console.log(`Paired A/B (the same rounds): ${bases[0]!.base} → this checkout, ratios to the floor.`);
      const ratio = (b: Bundle, samples: Map<string, number[]>, floorValue: number) => `×${(median(samples.get(b.name)!) / floorValue).toFixed(2)}`;
      for (const before of bases) {
        const after = bundles.find((b) => !b.base && b.fn === before.fn)!;
        const firsts = after.job ? '' : `; init + 1st request ${ratio(before, first, floorFirst)} → ${ratio(after, first, floorFirst)} (CPU ${ratio(before, firstCpu, floorFirstCpu)} → ${ratio(after, firstCpu, floorFirstCpu)})`;
        console.log(`  ${after.name.padEnd(11)} init ${ratio(before, init, floorInit)} → ${ratio(after, init, floorInit)} (CPU ${ratio(before, initCpu, floorCpu)} → ${ratio(after, initCpu, floorCpu)}); ${kb(before.initBytes)} → ${kb(after.initBytes)} at init${firsts}`);
        if (INSTRUCTION_RUNS) {
          const change = (kind: 'init' | 'first') => `${millions(before.name, kind).toFixed(1)} → ${millions(after.name, kind).toFixed(1)} M (${(((millions(after.name, kind) / millions(before.name, kind)) - 1) * 100).toFixed(1)}%)`;
          console.log(`  ${''.padEnd(11)} instructions: init ${change('init')}${after.job ? '' : `; init + 1st request ${change('first')}`}`);
        }
      }
    }
    if (INSTRUCTION_RUNS) {
      console.log('');
      console.log(`Instructions (valgrind, median of ${INSTRUCTION_RUNS} fresh processes each; Node's own start, ${(median(bare) / 1e6).toFixed(0)} M, subtracted):`);
      const floorMillions = { init: millions('floor', 'init'), first: millions('floor', 'first') };
      printTable(['bundle', 'init M', 'init / floor', 'init + 1st request M', '/ floor'], bundles.map((b) => [
        b.name,
        millions(b.name, 'init').toFixed(1),
        `×${(millions(b.name, 'init') / floorMillions.init).toFixed(2)}`,
        b.job ? '–' : millions(b.name, 'first').toFixed(1),
        b.job ? '–' : `×${(millions(b.name, 'first') / floorMillions.first).toFixed(2)}`,
      ]));
    }
    console.log('');
    console.log('init: `await import()` of the entry in a fresh Node (module evaluation and what the handler builds at cold start), wall');
    console.log('      time and CPU time (user + system of the process during the import: the same work, less moved by a busy machine);');
    console.log('init + 1st request: import, then one API Gateway proxy event through `handler` against DynamoDB Local (JWT verified, Query);');
    console.log("      its CPU time is the function process's own (DynamoDB Local's work is not in it).");
    console.log(`Total run: ${((performance.now() - t0) / 1000).toFixed(1)} s. Bundles were in ${relative(process.cwd(), outdir) || outdir} (removed).`);
  } finally {
    await services?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });
  }
}

const watchdog = setTimeout(() => {
  console.error('bench:cold: still running after 15 minutes; stopping');
  process.exit(1);
}, 15 * 60_000);
watchdog.unref();

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error('bench:cold failed:', error);
}
clearTimeout(watchdog);
process.exit(exitCode);
