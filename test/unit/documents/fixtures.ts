/**
 * Test fixtures of the document module: the two published 2014 forms from the handouts, and the
 * normalization under which an exported document is compared with a published one.
 */
import { findCycle, type CycleInfo } from '../../../shared/form';
import { readSeed as readSeedFile } from '../../support/seeds';

export const info: CycleInfo = findCycle('2014') ?? (() => { throw new Error('cycle 2014 is missing'); })();

/** The seeds as published (test/support/seeds.ts: the handouts beside the repository, or their verified copy). */
export const SEEDS = [
  { name: 'montenegro', countryName: 'Montenegro', code: 'ME', countryLine: 'MONTENEGRO' },
  { name: 'kosovo', countryName: 'Kosovo', code: 'XK', countryLine: 'KOSOVO' },
] as const;

export type Seed = (typeof SEEDS)[number];

export function readSeed(seed: Pick<Seed, 'name'>): string {
  return readSeedFile(`${seed.name}-2014.txt`);
}

/** Words of a text (letters and digits), for "nothing lost" checks independent of markup. */
export function words(text: string): string[] {
  return text.replace(/<[^>]*>/g, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when `needle` occurs as a contiguous run in `haystack`. */
export function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The documented normalization under which `renderMarkdown(parse(seed))` equals the seed.
 * Written independently of the parser, so that it checks the parser rather than repeats it:
 * 1. HTML tags are removed (`<i>`, `<ul style="…">`) and so are emphasis markers (`*`);
 * 2. each line is trimmed and its runs of whitespace (tabs included) collapse to one space;
 * 3. bullet glyphs at the start of a line (`•`, `-`) become `- `;
 * 4. blank lines are dropped (page-break blank lines and paragraph separators alike);
 * 5. a line that starts in lower case after a line that stops mid-sentence is joined to it
 *    (a page break split the sentence: goal 4.2's title, Montenegro 1.1.C);
 * 6. lines that are only `/` or `--` are dropped: an empty answer ≡ `/` ≡ `--`.
 * Returns the remaining lines.
 */
export function normalizeDocument(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/<[^>]*>/g, ' ')
        .replace(/\*/g, '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[•-] /, '- '),
    )
    .filter((line) => line !== '' && line !== '/' && line !== '--');
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous !== undefined && !/[.!?;:]$/.test(previous) && /^\p{Ll}/u.test(line)) joined[joined.length - 1] = `${previous} ${line}`;
    else joined.push(line);
  }
  return joined;
}
