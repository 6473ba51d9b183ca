/**
 * The benchmark's measuring: bounded knobs from the environment, one kind of request measured at a
 * time (latency and the DynamoDB commands each request sent), throughput at a given concurrency.
 */
import { performance } from 'node:perf_hooks';
import type { TestApi } from '../support/api';

// ---------------------------------------------------------------- knobs (bounded) ---------------

const intEnv = (name: string, fallback: number, max: number) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : fallback;
};
/** Measured requests per kind (after warm-up), at most. */
export const N = intEnv('BENCH_N', 200, 2000);
export const WARMUP = intEnv('BENCH_WARMUP', 20, 200);
/** Time budget per kind (measured part), in seconds: a kind stops at N requests or at this budget. */
export const SECONDS = intEnv('BENCH_SECONDS', 3, 30);
/** Mixed read requests before any measurement (at most 600, at most this many seconds). */
export const WARMUP_SECONDS = intEnv('BENCH_WARMUP_SECONDS', 4, 30);
/** Heavy kinds (compilation) get fewer requests. */
export const N_HEAVY = Math.min(N, 40);
export const WARMUP_HEAVY = Math.min(WARMUP, 5);
/** The whole run is aborted past this (a stuck service must not hang the machine). */
export const WATCHDOG_MS = 600_000;

// ---------------------------------------------------------------- measurement -------------------

export interface Sample {
  ms: number;
  calls: number;
  commands: string;
}

export interface KindResult {
  kind: string;
  samples: Sample[];
  wallMs: number;
  note?: string;
}

export const results: KindResult[] = [];

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function stats(samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), mean, max: ms[ms.length - 1] ?? Number.NaN };
}

export function findResult(kind: string): ReturnType<typeof stats> {
  const result = results.find((r) => r.kind === kind);
  if (!result) throw new Error(`no result for ${kind}`);
  return stats(result.samples);
}

/** Summarizes the DynamoDB commands of the samples: "1 Query" or "1 Query + 1 TransactWriteItems" (or a range). */
export function describeCalls(samples: Sample[]): string {
  const distinct = [...new Set(samples.map((s) => s.commands))];
  if (distinct.length === 1) return distinct[0]!;
  const counts = samples.map((s) => s.calls);
  return `${Math.min(...counts)}–${Math.max(...counts)} (varies)`;
}

export function commandSummary(calls: readonly string[]): string {
  if (calls.length === 0) return '0';
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c.replace(/Command$/, ''), (counts.get(c.replace(/Command$/, '')) ?? 0) + 1);
  return [...counts].map(([name, count]) => `${count} ${name}`).join(' + ');
}

/**
 * Runs `op` WARMUP times unmeasured, then up to `n` times (or until the time budget is spent),
 * one at a time, recording latency and the DynamoDB commands each request sent.
 */
export async function measure(api: TestApi, kind: string, op: (i: number) => Promise<void>, options: { n?: number; warmup?: number; note?: string } = {}): Promise<void> {
  const n = options.n ?? N;
  const warmup = options.warmup ?? WARMUP;
  for (let i = 0; i < warmup; i++) await op(i);
  const samples: Sample[] = [];
  const budgetEnd = performance.now() + SECONDS * 1000;
  const wallStart = performance.now();
  for (let i = 0; i < n && (i < 5 || performance.now() < budgetEnd); i++) {
    api.dynamo.reset();
    const start = performance.now();
    await op(warmup + i);
    const ms = performance.now() - start;
    samples.push({ ms, calls: api.dynamo.calls.length, commands: commandSummary(api.dynamo.calls) });
  }
  results.push({ kind, samples, wallMs: performance.now() - wallStart, ...(options.note ? { note: options.note } : {}) });
  const s = stats(samples);
  process.stderr.write(`  measured ${kind.padEnd(34)} n=${String(s.n).padStart(3)}  p50 ${s.p50.toFixed(2)} ms\n`);
}

/**
 * Measures kinds that are compared with each other in one loop, alternating them request by request
 * (ABBA order, so neither always goes first): on a shared machine whose load changes within a minute,
 * kinds measured one after the other see different machines and their ratio means little.
 * Each kind is recorded as a result of its own; bounded by `n` rounds and the time budget of one kind per kind.
 */
export async function measureInterleaved(api: TestApi, kinds: ReadonlyArray<readonly [string, () => Promise<void>]>, options: { n?: number; warmup?: number } = {}): Promise<void> {
  const n = options.n ?? N;
  const warmup = options.warmup ?? WARMUP;
  for (let i = 0; i < warmup; i++) for (const [, op] of kinds) await op();
  const samples = kinds.map((): Sample[] => []);
  const budgetEnd = performance.now() + SECONDS * kinds.length * 1000;
  const wallStart = performance.now();
  for (let i = 0; i < n && (i < 5 || performance.now() < budgetEnd); i++) {
    const order = i % 2 === 0 ? kinds.map((_, k) => k) : kinds.map((_, k) => kinds.length - 1 - k);
    for (const k of order) {
      api.dynamo.reset();
      const start = performance.now();
      await kinds[k]![1]();
      const ms = performance.now() - start;
      samples[k]!.push({ ms, calls: api.dynamo.calls.length, commands: commandSummary(api.dynamo.calls) });
    }
  }
  const wallMs = (performance.now() - wallStart) / kinds.length;
  kinds.forEach(([kind], k) => {
    results.push({ kind, samples: samples[k]!, wallMs, note: 'interleaved' });
    const s = stats(samples[k]!);
    process.stderr.write(`  measured ${kind.padEnd(34)} n=${String(s.n).padStart(3)}  p50 ${s.p50.toFixed(2)} ms (interleaved)\n`);
  });
}

/** Runs `total` requests with `concurrency` in flight (bounded by count and time); requests per second. */
export async function throughputAt(concurrency: number, total: number, op: () => Promise<void>): Promise<{ done: number; rps: number }> {
  let started = 0;
  let done = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (started < total && performance.now() < deadline) {
        started++;
        await op();
        done++;
      }
    }),
  );
  return { done, rps: done / ((performance.now() - start) / 1000) };
}
