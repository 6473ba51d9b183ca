/**
 * Resolving an address (cycle, participant, section) before anything else is read: an unknown one
 * is a 404 that costs no report read. `writableReport` and `writableSection` also refuse (409) a
 * report whose cycle is not open: every use case that changes a report goes through one of them.
 */
import { participantOf, type CycleInfo, type Participant, type Section } from '../form';
import { NotFoundError, assertReportsWritable } from '../workflow';
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

/**
 * THE gate of every use case that changes a report (a save, a transition, an import, a prefill, an
 * attachment, and whatever changes a report next): the address resolved as `resolveReport` does,
 * then a 409 unless the report's cycle is open ("reports can change only while their cycle is
 * open"). The cycle comes from the catalog's cache: no round trip.
 */
export async function writableReport(cycles: CycleCatalog, at: ReportAddress): Promise<{ info: CycleInfo; participant: Participant }> {
  const resolved = await resolveReport(cycles, at);
  assertReportsWritable(resolved.info.cycle);
  return resolved;
}

/** `writableReport` for a section address: the form's section, or a 404, and the open-cycle check. */
export async function writableSection(cycles: CycleCatalog, at: SectionAddress): Promise<{ info: CycleInfo; participant: Participant; section: Section }> {
  const resolved = await resolveSection(cycles, at);
  assertReportsWritable(resolved.info.cycle);
  return resolved;
}
