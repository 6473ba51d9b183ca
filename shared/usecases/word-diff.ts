/**
 * The word diff of two texts (npm `diff`): `equal` + `delete` parts rebuild `before`, `equal` + `insert`
 * parts rebuild `after`. Its own module so that revisions.ts loads it on the first diff, not at cold start
 * (most pages have nothing to compare), and by name: a dynamic import of `diff` itself is its whole
 * namespace, every algorithm and patch helper (22 KB instead of 6).
 */
import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from './revisions';

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}
