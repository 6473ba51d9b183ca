/**
 * Resolving an address (cycle, participant, section) before anything else is read: an unknown one
 * is a 404 that costs no report read.
 */
import { participantOf, type CycleInfo, type Participant, type Section } from '../form';
import { NotFoundError } from '../workflow';
import type { CycleCatalog } from './deps';

export async function cycleOr404(cycles: CycleCatalog, cycleId: string): Promise<CycleInfo> {
  const info = await cycles.get(cycleId);
  if (!info) throw new NotFoundError(`There is no reporting cycle ${cycleId}.`);
  return info;
}

export function participantOr404(info: CycleInfo, country: string): Participant {
  const participant = participantOf(info.cycle, country);
  if (!participant) throw new NotFoundError(`${country} does not take part in the ${info.cycle.id} cycle.`);
  return participant;
}

export function sectionOr404(info: CycleInfo, section: string): Section {
  const found = info.sections.find((s) => s.id === section);
  if (!found) throw new NotFoundError(`The ${info.cycle.id} form has no section ${section}.`);
  return found;
}

export interface ReportAddress {
  cycle: string;
  country: string;
}

export interface SectionAddress extends ReportAddress {
  section: string;
}

/** The cycle and participant of a report address, or a 404. */
export async function resolveReport(cycles: CycleCatalog, at: ReportAddress): Promise<{ info: CycleInfo; participant: Participant }> {
  const info = await cycleOr404(cycles, at.cycle);
  return { info, participant: participantOr404(info, at.country) };
}

/** The cycle, participant and form section of a section address, or a 404. */
export async function resolveSection(cycles: CycleCatalog, at: SectionAddress): Promise<{ info: CycleInfo; participant: Participant; section: Section }> {
  const { info, participant } = await resolveReport(cycles, at);
  return { info, participant, section: sectionOr404(info, at.section) };
}
