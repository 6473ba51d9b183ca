/**
 * Decodes a stack trace logged by a deployed function (minified chunks, no --enable-source-maps at run
 * time) into source files and lines, with the source maps of the same build.
 *
 *   npm run stack-trace -- <function> < trace.txt          # rebuilds the function from this checkout
 *   npm run stack-trace -- <function> trace.txt
 *   npm run stack-trace -- --dir cdk.out/asset.<hash> < trace.txt   # the synthesized asset itself
 *
 * Check out the commit that was deployed first: chunk file names carry a hash of their content, so a
 * frame whose file is not in the build says the checkout differs (nothing is guessed).
 * Frames look like `at fn (file:///var/task/chunks/chunk-AB12CD34.mjs:1:23456)` or `/var/task/index.mjs:1:234`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildFunction, PROJECT_ROOT } from '../infra/build';
import { FUNCTIONS } from '../infra/function-table';

const FRAME = /((?:file:\/\/)?\/var\/task\/([^\s():]+\.m?js)):(\d+):(\d+)/g;

async function main(args: string[]): Promise<void> {
  let dir: string | undefined;
  let cleanup: string | undefined;
  let input: string | undefined;
  if (args[0] === '--dir' && args[1]) {
    dir = resolve(args[1]);
    input = args[2];
  } else if (args[0] && !args[0].startsWith('-')) {
    const fn = FUNCTIONS.find((f) => f.name === args[0]);
    if (!fn) throw new Error(`no function ${args[0]} in infra/function-table.ts (${FUNCTIONS.map((f) => f.name).join(', ')})`);
    cleanup = mkdtempSync(join(tmpdir(), 'alliance-trace-'));
    dir = cleanup;
    await buildFunction(fn.entry, dir);
    input = args[1];
  } else {
    throw new Error('usage: npm run stack-trace -- <function> [trace-file]   or   npm run stack-trace -- --dir <asset folder> [trace-file]');
  }
  try {
    const trace = input ? readFileSync(input, 'utf8') : readFileSync(0, 'utf8');
    const maps = new Map<string, SourceMap | undefined>();
    const mapOf = (file: string) => {
      if (!maps.has(file)) {
        const path = join(dir!, `${file}.map`);
        maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : undefined);
      }
      return maps.get(file);
    };
    let missing = 0;
    const decoded = trace.replace(FRAME, (whole, _url: string, file: string, line: string, column: string) => {
      const map = mapOf(file);
      if (!map) {
        missing++;
        return `${whole} [not in this build]`;
      }
      const origin = map.findOrigin(Number(line), Number(column));
      if (!('fileName' in origin)) return `${whole} [no mapping]`;
      const source = relative(PROJECT_ROOT, resolve(dir!, origin.fileName.replace(/^file:\/\//, '')));
      return `${source}:${origin.lineNumber}:${origin.columnNumber}${origin.name ? ` (${origin.name})` : ''}`;
    });
    process.stdout.write(decoded.endsWith('\n') ? decoded : `${decoded}\n`);
    if (missing > 0) process.stderr.write(`${missing} frame(s) name a file this build does not have: check out the deployed commit (chunk names are content hashes).\n`);
  } finally {
    if (cleanup) rmSync(cleanup, { recursive: true, force: true });
  }
}

await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
