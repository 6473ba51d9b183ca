/**
 * First-start data for the local run: the two published 2014 forms in `data/seeds/` imported as the
 * reports of Montenegro and Kosovo and submitted, through the same import use case as the API, so a
 * reviewer has real work at once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportDeps } from '../../shared/usecases/deps';
import { importDocument } from '../../shared/usecases/documents';
import type { Directory } from '../../shared/people/directory';
import type { Actor } from '../../shared/workflow';
import { DEMO_USERS } from '../web/config';

export const SEED_DOCUMENTS = [
  { country: 'ME', file: 'montenegro-2014.txt' },
  { country: 'XK', file: 'kosovo-2014.txt' },
] as const;

const SEEDER: Actor = { sub: 'local-seed', name: 'Initial import of the published 2014 forms', roles: ['admin'] };

export function seedDocument(file: string): string {
  return readFileSync(fileURLToPath(new URL(`../../data/seeds/${file}`, import.meta.url)), 'utf8');
}

/** Imports and submits the seed reports; returns what it did, one line each. */
export async function seedReports(deps: ReportDeps): Promise<string[]> {
  const lines: string[] = [];
  for (const { country, file } of SEED_DOCUMENTS) {
    const result = await importDocument(deps, SEEDER, { cycle: '2014', country }, seedDocument(file), { submit: true, source: `data/seeds/${file}` });
    lines.push(`${country}: ${file} imported, report ${result.status}`);
  }
  return lines;
}

/** The demo users as the directory's first people (their ids are their token subjects, so notices reach them). */
export async function seedPeople(directory: Directory): Promise<string[]> {
  for (const user of DEMO_USERS) {
    await directory.create({ id: user.sub, email: `${user.id}@demo.alliance-reporting.local`, name: user.name, role: user.roles[0]!, country: user.country });
  }
  return [`directory: the ${DEMO_USERS.length} demo users (mail to <id>@demo.alliance-reporting.local)`];
}
