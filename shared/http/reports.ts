/**
 * Use cases shared by the three apps: find the cycle and participant (404s), read a report with the
 * reader check, run a workflow transition (one Query, one transaction), and shape responses.
 */
import { findCycle, participantOf, type CycleInfo, type Participant } from '../form';
import { attachmentsBySection, type Attachment } from '../store/attachments';
import type { ReportRead, ReportStore, ReportSummary } from '../store/report-store';
import {
  ForbiddenError,
  NotFoundError,
  authorize,
  canRead,
  decideTransition,
  isReaderOf,
  sectionEtag,
  stateAfter,
  type Actor,
  type ReportState,
  type SectionState,
  type TransitionAction,
  type TransitionInput,
} from '../workflow';

export function cycleOr404(cycleId: string): CycleInfo {
  const info = findCycle(cycleId);
  if (!info) throw new NotFoundError(`There is no reporting cycle ${cycleId}.`);
  return info;
}

export function participantOr404(info: CycleInfo, country: string): Participant {
  const participant = participantOf(info.cycle, country);
  if (!participant) throw new NotFoundError(`${country} does not take part in the ${info.cycle.id} cycle.`);
  return participant;
}

export function sectionOr404(info: CycleInfo, section: string): void {
  if (!info.sectionIds.includes(section)) throw new NotFoundError(`The ${info.cycle.id} form has no section ${section}.`);
}

/** Resolves a section's address (cycle, participant, section) or answers 404; returns the cycle. */
export function sectionAddressOr404(cycleId: string, country: string, section: string): CycleInfo {
  const info = cycleOr404(cycleId);
  participantOr404(info, country);
  sectionOr404(info, section);
  return info;
}

/** Reads a report for `actor` (undefined: anonymous, who may read only published reports). */
export async function readReport(store: ReportStore, actor: Actor | undefined, cycleId: string, country: string): Promise<{ info: CycleInfo; participant: Participant; read: ReportRead }> {
  const info = cycleOr404(cycleId);
  const participant = participantOr404(info, country);
  // Whether someone other than the country's rapporteurs and the secretariat may read depends on the
  // status (published reports are public), so the report is read first and canRead decides.
  const read = await store.getReport(info, country);
  if (!canRead(actor, country, read.report.status)) {
    throw actor ? new ForbiddenError(`You may not read the report of ${country}.`) : new NotFoundError(`No published report of ${country} in ${cycleId}.`);
  }
  return { info, participant, read };
}

/** Decides and writes a transition: one Query to read, one TransactWriteItems to write. */
export async function runTransition(
  store: ReportStore,
  actor: Actor,
  cycleId: string,
  country: string,
  action: TransitionAction,
  input: TransitionInput = {},
): Promise<{ participant: Participant; report: ReportState; attachments: Map<string, Attachment[]> }> {
  const info = cycleOr404(cycleId);
  const participant = participantOr404(info, country);
  if (input.section !== undefined) sectionOr404(info, input.section);
  // Who may act is known without the report: refuse before reading it.
  authorize(action, actor, country);
  const { report, otherItems } = await store.getReport(info, country, { consistent: true });
  const plan = decideTransition(action, actor, report, input);
  const event = await store.apply(plan, actor);
  return { participant, report: stateAfter(report, plan, event.at, event.actor), attachments: attachmentsBySection(otherItems) };
}

/**
 * Checks that `actor` may read the report of `country` without reading it when the role decides:
 * reviewers, admins and the country's rapporteurs may; anyone else only once it is published (one GetItem).
 */
export async function assertCanRead(store: ReportStore, actor: Actor | undefined, info: CycleInfo, country: string): Promise<void> {
  if (isReaderOf(actor, country)) return;
  const { status } = await store.getSummary(info, country);
  if (canRead(actor, country, status)) return;
  throw actor ? new ForbiddenError(`You may not read the report of ${country}.`) : new NotFoundError(`No published report of ${country} in ${info.cycle.id}.`);
}

export function sectionJson(cycle: string, country: string, section: SectionState, attachments?: Attachment[]) {
  return {
    id: section.id,
    status: section.status,
    text: section.text,
    nothingToReport: section.nothingToReport,
    etag: sectionEtag(cycle, country, section),
    ...(section.updatedAt ? { updatedAt: section.updatedAt } : {}),
    ...(section.updatedBy ? { updatedBy: section.updatedBy } : {}),
    ...(section.returnComment ? { returnComment: section.returnComment } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

export function reportJson(report: ReportState, participant: Participant, attachments: ReadonlyMap<string, Attachment[]> = new Map()) {
  return {
    cycle: report.cycle,
    country: report.country,
    countryName: participant.name,
    status: report.status,
    version: report.version,
    ...(report.updatedAt ? { updatedAt: report.updatedAt } : {}),
    sections: report.sections.map((s) => sectionJson(report.cycle, report.country, s, attachments.get(s.id) ?? [])),
  };
}

export function summaryJson(summary: ReportSummary, info: CycleInfo) {
  return { ...summary, countryName: participantOf(info.cycle, summary.country)?.name ?? summary.country };
}
