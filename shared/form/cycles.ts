/**
 * Reporting cycles: each owns its form, its participants and its deadline.
 * Validated with zod at load time, so a typo in this data fails the first test that imports it.
 */
import { CycleSchema, sectionsOf, type Cycle, type Participant, type Section } from './schema';
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

export const CYCLES: readonly Cycle[] = [
  CycleSchema.parse({
    id: '2014',
    year: 2014,
    form: FORM_2014,
    deadline: '2014-09-30T23:59:59Z',
    participants: PARTICIPANTS_2014,
  }),
];

/** A cycle with its derived section list. */
export interface CycleInfo {
  cycle: Cycle;
  sections: Section[];
  sectionIds: string[];
}

/** A cycle's info: its sections in form order, computed once. */
export function cycleInfo(cycle: Cycle): CycleInfo {
  const sections = sectionsOf(cycle.form);
  return { cycle, sections, sectionIds: sections.map((s) => s.id) };
}

const byId = new Map<string, CycleInfo>(CYCLES.map((cycle) => [cycle.id, cycleInfo(cycle)]));

/** A cycle held in code (the published 2014 form), with its sections. */
export function findCycle(id: string): CycleInfo | undefined {
  return byId.get(id);
}

export function participantOf(cycle: Cycle, country: string): Participant | undefined {
  return cycle.participants.find((p) => p.code === country);
}
