/**
 * What a function loads at init, by package or folder: `npx tsx test/bench/analyze.ts <function> [entry]`
 * (ANALYZE_FILES=1: the project's inputs by file, =all: every input by file; ANALYZE_TOP=n: the n largest, default 25).
 * Builds the function with infra/build.ts into a temporary folder and walks the metafile from index.mjs
 * through static imports only (dynamic imports are the lazy chunks), summing each input's bytes in output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildFunction, PROJECT_ROOT } from '../../infra/build';
import { FUNCTIONS } from '../../infra/function-table';

const [name, entryArg] = process.argv.slice(2);
const entry = entryArg ?? FUNCTIONS.find((f) => f.name === name)?.entry;
if (!entry) throw new Error('usage: tsx test/bench/analyze.ts <function> [entry]');
/** What an input's bytes count towards: its package, or its folder (ANALYZE_FILES: the file itself). */
function groupOf(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  if (process.env.ANALYZE_FILES === 'all') return input;
  if (pkg) return pkg;
  return process.env.ANALYZE_FILES ? input : input.split('/').slice(0, 3).join('/');
}

const outdir = mkdtempSync(join(tmpdir(), 'alliance-analyze-'));
try {
  const meta = await buildFunction(entry, outdir);
  const rel = (p: string) => relative(PROJECT_ROOT, p);
  const byOut = new Map(Object.entries(meta.outputs));
  const index = [...byOut.keys()].find((k) => k.endsWith('/index.mjs'))!;
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    for (const i of byOut.get(k)!.imports) if (i.kind === 'import-statement' && byOut.has(i.path)) visit(i.path);
  };
  visit(index);
  const groups = new Map<string, number>();
  let total = 0;
  for (const k of seen) {
    for (const [input, { bytesInOutput }] of Object.entries(byOut.get(k)!.inputs)) {
      const group = groupOf(input);
      groups.set(group, (groups.get(group) ?? 0) + bytesInOutput);
      total += bytesInOutput;
    }
  }
  console.log(`${name}: ${seen.size} files at init, ${(total / 1024).toFixed(0)} KB of inputs (${[...seen].map(rel).map((p) => p.split('/').pop()).join(', ')})`);
  for (const [g, b] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number.parseInt(process.env.ANALYZE_TOP ?? '', 10) || 25)) console.log(`  ${(b / 1024).toFixed(1).padStart(7)} KB  ${g}`);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
