/**
 * Use cases that follow one cycle up with the next: a country's commitments (what it announced
 * last cycle in question C, beside what it reports now in question A), their compilation for a
 * whole cycle, and copying last cycle's answers into a report (prefill).
 */
import { participantOf, type CycleInfo, type Participant } from '../form';
import type { CountryCommitments } from '../documents/commitments';
import { attachmentsBySection } from '../store/attachment-items';
import type { ReportItems, ReportRef } from '../store/report-store';
import {
  ConflictError,
  InvalidInputError,
  authorize,
  canRead,
  decidePrefill,
  isStaff,
  stateAfter,
  type Actor,
  type ReportStatus,
  type SectionStatus,
} from '../workflow';
import type { ReportDeps } from './deps';
import type { DocumentFormat } from './documents';
import { refuseRead, type ReportView } from './reports';
import { cycleOr404, resolveReport, writableReport, type ReportAddress } from './resolve';

/** One answer as the commitments show it. */
export interface CommitmentAnswer {
  cycle: string;
  section: string;
  prompt: string;
  /** The status of the report it belongs to (a published one is the publication). */
  reportStatus: ReportStatus;
  status: SectionStatus;
  text: string;
  nothingToReport: boolean;
  updatedAt?: string;
}

/** One goal: what the country announced last cycle (question C) beside what it reports now (question A). */
export interface GoalCommitment {
  goal: { id: string; title: string };
  /** Undefined when there is no previous cycle, the country was not in it, its form had no such goal, or the reader may not read that report. */
  announced?: CommitmentAnswer;
  reported: CommitmentAnswer;
}

export interface CommitmentsView {
  info: CycleInfo;
  participant: Participant;
  /** The cycle followed up (undefined for the first cycle on the platform). */
  previous?: CycleInfo;
  goals: GoalCommitment[];
}

/** The cycle `info` follows up, when it is on the platform. */
async function previousOf(deps: ReportDeps, info: CycleInfo): Promise<CycleInfo | undefined> {
  return info.cycle.previous === undefined ? undefined : deps.cycles.get(info.cycle.previous);
}

function answerOf(items: ReportItems, info: CycleInfo, country: string, section: string): CommitmentAnswer {
  const at = { cycle: info.cycle.id, country, section };
  const stored = items.section(at);
  const definition = info.sections.find((s) => s.id === section)!;
  return {
    cycle: info.cycle.id,
    section,
    prompt: definition.prompt,
    reportStatus: items.report(at)?.status ?? 'draft',
    status: stored?.status ?? 'draft',
    text: stored?.text ?? '',
    nothingToReport: stored?.nothingToReport ?? false,
    ...(stored?.updatedAt ? { updatedAt: stored.updatedAt } : {}),
  };
}

/**
 * A report's commitments, for whoever may read the report: per goal, last cycle's question C of the
 * same country (shown when the reader may read that report: the country's rapporteurs and staff
 * always, anyone once it is published) beside this cycle's question A. One BatchGetItem: both
 * reports' meta items and the 2 × 7 sections.
 */
export async function getCommitments(deps: ReportDeps, actor: Actor | undefined, at: ReportAddress): Promise<CommitmentsView> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  const country = participant.code;
  const previous = await previousOf(deps, info);
  const followed = previous && participantOf(previous.cycle, country) ? previous : undefined;
  const goals = info.cycle.form.targets.flatMap((t) => t.goals);
  const current: ReportRef = { cycle: info.cycle.id, country };
  const earlier = followed && { cycle: followed.cycle.id, country };
  const items = await deps.reports.readItems({
    reports: [current, ...(earlier ? [earlier] : [])],
    sections: [
      ...goals.map((g) => ({ ...current, section: `${g.id}.A` })),
      ...(earlier ? goals.filter((g) => followed!.sectionIds.includes(`${g.id}.C`)).map((g) => ({ ...earlier, section: `${g.id}.C` })) : []),
    ],
  });
  if (!canRead(actor, country, items.report(current)?.status ?? 'draft')) refuseRead(actor, participant, info.cycle.id);
  const showEarlier = !!earlier && canRead(actor, country, items.report(earlier)?.status ?? 'draft');
  return {
    info,
    participant,
    ...(previous ? { previous } : {}),
    goals: goals.map((goal) => ({
      goal: { id: goal.id, title: goal.title },
      reported: answerOf(items, info, country, `${goal.id}.A`),
      ...(showEarlier && followed!.sectionIds.includes(`${goal.id}.C`) ? { announced: answerOf(items, followed!, country, `${goal.id}.C`) } : {}),
    })),
  };
}

export interface PrefillResult extends ReportView {
  /** The cycle whose answers were copied. */
  from: string;
  prefilled: string[];
  skipped: Array<{ section: string; reason: string }>;
}

/**
 * Copies the country's answers of the previous cycle into this report's sections that have no
 * answer and can be edited; never over an answer the country wrote. Two Queries in parallel (this
 * report consistently, last cycle's), then one TransactWriteItems with the audit event
 * ("prefilled from the 2014 report: …"); nothing is written when there is nothing to copy.
 */
export async function prefillReport(deps: ReportDeps, actor: Actor, at: ReportAddress & { sections?: readonly string[] | undefined }): Promise<PrefillResult> {
  const { info, participant } = await writableReport(deps.cycles, at);
  authorize('prefillReport', actor, participant.code);
  const previous = await previousOf(deps, info);
  if (!previous) throw new ConflictError(`The ${info.cycle.id} cycle follows no earlier cycle on this platform: there are no answers to copy.`);
  if (!participantOf(previous.cycle, participant.code)) throw new ConflictError(`${participant.name} did not take part in the ${previous.cycle.id} cycle: there are no answers to copy.`);
  const unknown = (at.sections ?? []).map((s, i) => ({ s, i })).filter(({ s }) => !info.sectionIds.includes(s));
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `The ${info.cycle.id} form has no section ${unknown.map((u) => u.s).join(', ')}.`,
      unknown.map(({ s, i }) => ({ path: `body.sections.${i}`, message: `${s} is not a section of the ${info.cycle.id} form` })),
    );
  }
  const [{ report, otherItems }, { report: earlier }] = await Promise.all([
    deps.reports.getReport(info, participant.code, { consistent: true }),
    deps.reports.getReport(previous, participant.code),
  ]);
  const decision = decidePrefill(actor, report, earlier, at.sections);
  // The country's rapporteur acts: the secretariat's draft reviews are never part of its view.
  const outcome = { info, participant, attachments: attachmentsBySection(otherItems), drafts: [], from: previous.cycle.id, prefilled: decision.prefilled, skipped: decision.skipped };
  if (!decision.plan) return { ...outcome, report };
  const event = await deps.reports.apply(decision.plan, actor);
  return { ...outcome, report: stateAfter(report, decision.plan, event.at, event.actor) };
}

/**
 * The commitments of a whole cycle in one document (Markdown or HTML): per goal and country, what
 * it announced last cycle beside what it reports now. Reviewers and admins see every report
 * submitted at least once; everyone else the published ones. Two index Queries in parallel (both
 * cycles' report lists), then the A and C sections of the reports shown in BatchGetItems of 100 keys.
 */
export async function compileCommitments(deps: ReportDeps, actor: Actor | undefined, input: { cycle: string; format: DocumentFormat }): Promise<string> {
  const info = await cycleOr404(deps.cycles, input.cycle);
  const previous = await previousOf(deps, info);
  const shown = (status: ReportStatus) => (isStaff(actor) ? status !== 'draft' : status === 'published');
  const [current, earlier] = await Promise.all([deps.reports.listReports(info), previous ? deps.reports.listReports(previous) : Promise.resolve([])]);
  const currentShown = new Set(current.filter((s) => shown(s.status)).map((s) => s.country));
  const earlierShown = new Set(earlier.filter((s) => shown(s.status)).map((s) => s.country));
  const goals = info.cycle.form.targets.flatMap((t) => t.goals);
  const countries = info.cycle.participants.filter((p) => currentShown.has(p.code) || earlierShown.has(p.code));
  const items = await deps.reports.readItems({
    sections: countries.flatMap((p) => [
      ...(currentShown.has(p.code) ? goals.map((g) => ({ cycle: info.cycle.id, country: p.code, section: `${g.id}.A` })) : []),
      ...(previous && earlierShown.has(p.code) ? goals.filter((g) => previous.sectionIds.includes(`${g.id}.C`)).map((g) => ({ cycle: previous.cycle.id, country: p.code, section: `${g.id}.C` })) : []),
    ]),
  });
  const text = (cycle: string, country: string, section: string) => {
    const stored = items.section({ cycle, country, section });
    return { id: section, text: stored?.text ?? '', nothingToReport: stored?.nothingToReport ?? false };
  };
  const reports: CountryCommitments[] = countries.map((p) => ({
    country: p.code,
    countryName: p.name,
    goals: goals.map((g) => ({
      goal: g.id,
      ...(previous && earlierShown.has(p.code) && previous.sectionIds.includes(`${g.id}.C`) ? { announced: text(previous.cycle.id, p.code, `${g.id}.C`) } : {}),
      ...(currentShown.has(p.code) ? { reported: text(info.cycle.id, p.code, `${g.id}.A`) } : {}),
    })),
  }));
  const { renderCommitmentsHtml, renderCommitmentsMarkdown } = await import('../documents/commitments');
  return input.format === 'md' ? renderCommitmentsMarkdown(info, previous, reports) : renderCommitmentsHtml(info, previous, reports);
}
