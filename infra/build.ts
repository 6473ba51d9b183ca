/**
 * The one build of every Lambda function: esbuild with code splitting, so what a function needs only
 * on some requests (HTML rendering, the S3 clients, the OpenAPI document, the SDK's credential
 * providers, page groups of the web app) sits in chunks loaded on first use, not at cold start.
 * NodejsFunction cannot split (one outfile), so infra/app-function.ts bundles with this through
 * `Code.fromAsset(…, { bundling: { local } })`: `cdk synth`/`deploy` run it for every row of
 * infra/function-table.ts, nothing to add for a new function.
 *
 *   npm run build                      # every function of the table into dist/functions/<name>/
 *   npx tsx infra/build.ts <entry> <outdir>   # one function (what CDK runs per asset)
 *
 * Output per function: `index.mjs` (the handler), `chunks/*.mjs` (one of them all the code loaded at
 * start: `initInOneChunk` below), and a source map beside each file (`*.mjs.map`, no sources inlined).
 * Node does not read the maps at run time (no --enable-source-maps: it costs every import);
 * `npm run stack-trace` decodes a logged stack trace with them (scripts/stack-trace.ts).
 */
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: entries are resolved from here. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundles are ES modules. esbuild turns a `require('node:stream')` inside a bundled CommonJS
 * dependency into a shim that throws in ESM ("Dynamic require of … is not supported"); a real
 * `require` made with createRequire keeps those dependencies working.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const require = createRequire(import.meta.url);

/**
 * zod's namespace (`z`, re-exported whole by @hono/zod-openapi) carries `z.locales`: every language's
 * error messages (~260 KB minified), although only English is used (zod configures `en` itself).
 * The locales barrel resolves to English alone.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    const en = require.resolve('zod/v4/locales/en.js');
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(en)};`,
      resolveDir: PROJECT_ROOT,
      loader: 'js',
    }));
  },
};

/**
 * The SDK clients' generated schemas (`dist-es/schemas/schemas_0.js`, and those of `nested-clients`
 * under `dist-es/submodules/*`) write trait objects with computed keys (`{ [_e]: _c, [_hE]: 400 }`, `_e` a
 * string constant of the file). esbuild cannot prove a computed key free of side effects, so it keeps
 * every statement holding one and, through them, the schema of every operation: the notifier carried all
 * of SESv2's (47 KB of its 60) for the one `SendEmail` it sends (aws/aws-sdk-js-v3#7607; the generator's
 * fix, smithy-lang/smithy-typescript#1889, writes literal keys). This writes each such key as the literal
 * its top-level constant holds, the same object, so the unused schemas shake out (DynamoDB's computed
 * keys are on error schemas its client keeps anyway: its size does not change). `"__proto__"` is left
 * computed: as a literal key it would set the prototype instead of a property.
 */
export const sdkSchemaLiteralKeys: Plugin = {
  name: 'sdk-schema-literal-keys',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]dist-es[\\/](?:.+[\\/])?schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const strings = new Map<string, string>();
      for (const m of source.matchAll(/^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm)) if (m[2] !== '"__proto__"') strings.set(m[1]!, m[2]!);
      const contents = source.replace(/([{,]\s*)\[(_\w+)\]:/g, (key, before: string, name: string) => (strings.has(name) ? `${before}${strings.get(name)}:` : key));
      return { contents, loader: 'js' };
    });
  },
};

/** The esbuild options of a function's bundle (exported for the tests and the benchmark). */
export function buildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { index: resolve(PROJECT_ROOT, entry) },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // ESM builds of the dependencies (the SDK's dist-es): tree-shaken, and their dynamic imports stay lazy.
    mainFields: ['module', 'main'],
    banner: { js: ESM_REQUIRE_BANNER },
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    // Ship the SDK versions package-lock.json pins (the ones tests run against) instead of the runtime's.
    external: [],
    tsconfig: resolve(PROJECT_ROOT, 'tsconfig.json'),
    plugins: [zodEnglishOnly, sdkSchemaLiteralKeys],
    metafile: true,
    logLevel: 'error',
  };
}

/**
 * esbuild splits by reachability: a module goes into the chunk of the exact set of entry points (the
 * handler and every `import()` target) that reach it. Code the handler loads at start but that some lazy
 * modules also use therefore lands in as many chunks as there are such sets (web: 28 files at init),
 * and each file costs Node a read, a parse and a link. When every lazy module (the project's and the
 * SDK's alike) also imports the entry, the whole of what the entry reaches has one set and is one chunk;
 * the lazy modules still get their own chunks.
 *
 * The import is appended after a module's last line: its code keeps its place before the handler's in
 * the chunk when the entry also imports it statically (the SDK's `fromEnv`), and its source map keeps
 * every line and column. It must run after the other plugins' `onLoad` (it is listed last): a lazy
 * module another plugin loads keeps that plugin's contents and goes without the import, which
 * test/infra/bundle.test.ts then reports as a start-up chunk more.
 */
export function initInOneChunk(entry: string, lazyModules: ReadonlySet<string>): Plugin {
  const loaders = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.jsx': 'jsx' } as const;
  return {
    name: 'init-in-one-chunk',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (!lazyModules.has(args.path)) return undefined;
        const source = await readFile(args.path, 'utf8');
        const loader = loaders[extname(args.path) as keyof typeof loaders] ?? 'js';
        return { contents: `${source}\n;import ${JSON.stringify(entry)};\n`, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * The ES modules an entry's graph loads with `import()` (absolute paths), from a first, unwritten build's
 * metafile (a CommonJS one is left alone: an `import` would make it an ES module). That build writes
 * CommonJS, which esbuild refuses to write with a top-level `await`, and that refusal is the point: with
 * every lazy chunk importing the start-up chunk, a top-level `await` of anything that loads a lazy chunk
 * (an AWS call does: the SDK loads its credential providers so) would wait for itself forever.
 */
async function lazyModulesOf(options: BuildOptions): Promise<Set<string>> {
  const first = { ...options, format: 'cjs', splitting: false, write: false, minify: false, sourcemap: false, metafile: true, banner: {}, outExtension: {} } as const;
  const { metafile } = await build(first).catch((error: unknown) => {
    if (/Top-level await/.test(String(error))) throw new Error(`${String(error)}\nFunction code cannot await at the top level: see initInOneChunk in infra/build.ts.`);
    throw error;
  });
  const cwd = options.absWorkingDir ?? process.cwd();
  const lazy = new Set<string>();
  for (const input of Object.values(metafile.inputs))
    for (const i of input.imports) if (i.kind === 'dynamic-import' && !i.external && metafile.inputs[i.path]?.format === 'esm') lazy.add(resolve(cwd, i.path));
  return lazy;
}

/** Builds one function into `outdir` (index.mjs, chunks/, source maps). */
export async function buildFunction(entry: string, outdir: string): Promise<Metafile> {
  const options = buildOptions(entry, outdir);
  const lazy = await lazyModulesOf(options);
  const result = await build({ ...options, plugins: [...options.plugins!, initInOneChunk(resolve(PROJECT_ROOT, entry), lazy)] });
  return result.metafile!;
}

async function main(args: string[]): Promise<void> {
  if (args.length === 2) {
    await buildFunction(args[0]!, resolve(args[1]!));
    return;
  }
  if (args.length === 0) {
    const { FUNCTIONS } = await import('./function-table');
    const { rmSync } = await import('node:fs');
    const root = resolve(PROJECT_ROOT, 'dist', 'functions');
    rmSync(root, { recursive: true, force: true });
    for (const fn of FUNCTIONS) {
      await buildFunction(fn.entry, resolve(root, fn.name));
      process.stdout.write(`built ${fn.name} (${fn.entry}) into dist/functions/${fn.name}\n`);
    }
    return;
  }
  throw new Error('usage: tsx infra/build.ts [<entry> <outdir>]');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
