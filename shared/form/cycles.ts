/**
 * Reporting cycles: each owns its form, its participants, its deadline and its status. Cycles are
 * data in the table (shared/store/cycle-store.ts); the 2014 cycle is also held here, in code, so
 * that a fresh deployment or a new local data folder has it, open, before anyone has written it.
 * Typed, not parsed at import (a cold start would pay for it): test/unit/form.test.ts checks that
 * CycleSchema accepts each one unchanged, so a typo in this data fails the build.
 */
import { FormSchema, sectionsOf, type Cycle, type Form, type Participant, type Section } from './schema';
import { FORM_2014 } from './form-2014';

/**
 * The Alliance's members by 2014: the 48 founding countries of December 2012
 * (the 27 EU member states of the time and 21 others) and those who joined by the 2014 round.
 * Names as the Alliance's documents gave them then.
 */
const PARTICIPANTS_2014: Participant[] = [
  ['AL', 'Albania'], ['AR', 'Argentina'], ['AU', 'Australia'], ['AT', 'Austria'], ['BE', 'Belgium'],
  ['BA', 'Bosnia and Herzegovina'], ['BG', 'Bulgaria'], ['KH', 'Cambodia'], ['HR', 'Croatia'], ['CY', 'Cyprus'],
  ['CZ', 'Czech Republic'], ['DK', 'Denmark'], ['EE', 'Estonia'], ['FI', 'Finland'], ['FR', 'France'],
  ['MK', 'Former Yugoslav Republic of Macedonia'], ['GE', 'Georgia'], ['DE', 'Germany'], ['GH', 'Ghana'], ['GR', 'Greece'],
  ['HU', 'Hungary'], ['IE', 'Ireland'], ['IT', 'Italy'], ['JP', 'Japan'], ['XK', 'Kosovo'],
  ['LV', 'Latvia'], ['LT', 'Lithuania'], ['LU', 'Luxembourg'], ['MT', 'Malta'], ['MD', 'Moldova'],
  ['ME', 'Montenegro'], ['NL', 'Netherlands'], ['NZ', 'New Zealand'], ['NG', 'Nigeria'], ['NO', 'Norway'],
  ['PH', 'Philippines'], ['PL', 'Poland'], ['PT', 'Portugal'], ['KR', 'Republic of Korea'], ['RO', 'Romania'],
  ['RS', 'Serbia'], ['SK', 'Slovakia'], ['SI', 'Slovenia'], ['ES', 'Spain'], ['SE', 'Sweden'],
  ['CH', 'Switzerland'], ['TH', 'Thailand'], ['TR', 'Turkey'], ['UA', 'Ukraine'], ['GB', 'United Kingdom'],
  ['US', 'United States'], ['VN', 'Viet Nam'],
].map(([code, name]) => ({ code: code!, name: name! }));

/**
 * The cycles held in code: what the catalog serves for an id while the table has no item for it
 * (the first admin change of such a cycle writes the item). 2014 is open from the start.
 */
export const DEFAULT_CYCLES: readonly Cycle[] = [
  {
    id: '2014',
    year: 2014,
    title: FORM_2014.title,
    status: 'open',
    form: FORM_2014,
    deadline: '2014-09-30T23:59:59Z',
    participants: PARTICIPANTS_2014,
    extensions: {},
  },
];

/** A cycle with its derived section list. */
export interface CycleInfo {
  cycle: Cycle;
  sections: Section[];
  sectionIds: string[];
  /** Version of the cycle's item in the table: 0 while only the code-held definition exists. */
  version: number;
}

/** A cycle's info: its sections in form order, computed once. */
export function cycleInfo(cycle: Cycle, version = 0): CycleInfo {
  const sections = sectionsOf(cycle.form);
  return { cycle, sections, sectionIds: sections.map((s) => s.id), version };
}

const byId = new Map<string, CycleInfo>(DEFAULT_CYCLES.map((cycle) => [cycle.id, cycleInfo(cycle)]));

/** A cycle held in code (the published 2014 form), with its sections, as it is before any admin change. */
export function findCycle(id: string): CycleInfo | undefined {
  return byId.get(id);
}

const YEAR = /\b(?:19|20)\d{2}\b/g;

/** Every year in `text` moved on by `years` ("…your country's 2013 report" → "…2014 report"). */
export function moveYears(text: string, years: number): string {
  return text.replace(YEAR, (year) => String(Number(year) + years));
}

/**
 * The form of a cycle that follows `from` by `years`: its id, title and questions with their years
 * moved on (question A of 2015 asks about "measures announced in your country's 2014 report");
 * targets and goals are the Alliance's, unchanged. Version 1 of the new form.
 */
export function followingForm(from: Form, years: number): Form {
  return FormSchema.parse({
    ...from,
    id: moveYears(from.id, years),
    version: 1,
    title: moveYears(from.title, years),
    targets: from.targets.map((target) => ({
      ...target,
      goals: target.goals.map((goal) => ({
        ...goal,
        prompts: { A: moveYears(goal.prompts.A, years), B: moveYears(goal.prompts.B, years), C: moveYears(goal.prompts.C, years) },
      })),
    })),
  });
}

export function participantOf(cycle: Cycle, country: string): Participant | undefined {
  return cycle.participants.find((p) => p.code === country);
}
