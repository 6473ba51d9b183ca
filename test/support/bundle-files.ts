/** The files of a built function (infra/build.ts) that Node evaluates at cold start. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `import…from"./x.mjs"` and `import"./x.mjs"` (static) in esbuild's minified ESM output; `import("./x.mjs")` is lazy. */
function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.m?js)["']/g)) found.add(join(dirname(file), m[1]!));
  return [...found];
}

/** The entry and every chunk it reaches by static imports: what a cold start loads. */
export function initFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports(file)) visit(next);
  };
  visit(entry);
  return [...seen];
}
