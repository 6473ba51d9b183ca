/**
 * The two published 2014 reporting forms, as the tests read them: from the handouts beside the
 * repository (`../shared/seeds/`) when they are there, as in CI, else from the repository's own copy
 * (`data/seeds/`), which a test holds to the published bytes by their SHA-256.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** SHA-256 of the published documents, as handed out. */
export const PUBLISHED_SEEDS = {
  'montenegro-2014.txt': '02be55886223a938889250152df92132ce2c5200dff4bafd31942024d045cb04',
  'kosovo-2014.txt': '95f6d60d30a0238e4b0b47d216a092daf132b31cea7817199937aa37a5f3f93e',
} as const;
export type SeedFile = keyof typeof PUBLISHED_SEEDS;

const handouts = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const copies = fileURLToPath(new URL('../../data/seeds/', import.meta.url));

/** Where the seeds are read from in this run. */
export const SEEDS_DIR = existsSync(handouts) ? handouts : copies;

export function readSeed(file: SeedFile): string {
  return readFileSync(SEEDS_DIR + file, 'utf8');
}
