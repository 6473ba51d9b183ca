/**
 * The JSON shapes of the API's responses, made from what the use cases return (the OpenAPI
 * schemas in schemas.ts describe the same shapes).
 */
import type { CycleInfo } from '../form';
import { participantOf } from '../form';
import type { Attachment } from '../store/attachment-items';
import type { ReportSummary, SavedSection } from '../store/report-store';
import type { AnswersView } from '../usecases/answers';
import type { CommitmentsView, PrefillResult } from '../usecases/commitments';
import { cycleEtag, cycleSummary } from '../usecases/cycles';
import type { ReportView } from '../usecases/reports';
import { awaitsResponse, changedSinceReview, deadlineOf, revisionOf, sectionEtag, type ActorRef, type Decision, type DraftReview, type SectionState } from '../workflow';

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
    ...(section.review ? { review: { verdict: section.review.verdict, at: section.review.at, by: section.review.by } } : {}),
    revision: revisionOf(section),
    ...(section.review?.version !== undefined ? { reviewedVersion: section.review.version } : {}),
    changedSinceReview: changedSinceReview(section),
    awaitsResponse: awaitsResponse(section),
    ...(section.repliedAt ? { repliedAt: section.repliedAt } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

/** The answer a save wrote, with its new etag. */
export function savedSectionJson(cycle: string, country: string, saved: SavedSection) {
  return {
    id: saved.id,
    status: saved.status,
    text: saved.text,
    nothingToReport: saved.nothingToReport,
    etag: sectionEtag(cycle, country, saved),
    version: saved.version,
    updatedAt: saved.updatedAt!,
    updatedBy: saved.updatedBy!,
  };
}

/** A decision as the API shows it: a return with its comment, an approval without. */
export function decisionJson(d: Decision) {
  return d.verdict === 'return' ? { section: d.section, verdict: 'return' as const, comment: d.comment ?? '' } : { section: d.section, verdict: 'approve' as const };
}

/** A reviewer's draft review (an empty one when there is none). */
export function draftJson(draft: DraftReview | undefined, actor: ActorRef) {
  return draft
    ? { reviewer: draft.reviewer, decisions: draft.decisions.map(decisionJson), updatedAt: draft.updatedAt }
    : { reviewer: { sub: actor.sub, name: actor.name }, decisions: [] };
}

/** Who is reviewing: a draft review's author, size and time, never its content. */
export function reviewsInProgressJson(drafts: readonly DraftReview[]) {
  return drafts.filter((d) => d.decisions.length > 0).map((d) => ({ reviewer: d.reviewer, decisions: d.decisions.length, updatedAt: d.updatedAt }));
}

export function reportJson({ report, participant, attachments, drafts, publication }: Pick<ReportView, 'report' | 'participant' | 'attachments' | 'drafts' | 'publication'>) {
  return {
    cycle: report.cycle,
    country: report.country,
    countryName: participant.name,
    status: report.status,
    version: report.version,
    ...(report.updatedAt ? { updatedAt: report.updatedAt } : {}),
    sections: report.sections.map((s) => sectionJson(report.cycle, report.country, s, attachments.get(s.id) ?? [])),
    ...(publication ? { publication } : {}),
    publications: report.publications ?? 0,
    reviewsInProgress: reviewsInProgressJson(drafts),
  };
}

export function summaryJson(summary: ReportSummary, info: CycleInfo) {
  return { ...summary, countryName: participantOf(info.cycle, summary.country)?.name ?? summary.country };
}

export function cycleJson(info: CycleInfo) {
  const { cycle, sectionIds } = info;
  return {
    ...cycleSummary(info),
    ...(cycle.opensAt ? { opensAt: cycle.opensAt } : {}),
    form: cycle.form,
    sectionIds,
    participants: cycle.participants.map((p) => ({ ...p, deadline: deadlineOf(cycle, p.code) })),
    extensions: cycle.extensions,
    etag: cycleEtag(info),
  };
}

export function commitmentsJson({ info, participant, previous, goals }: CommitmentsView) {
  return { cycle: info.cycle.id, country: participant.code, countryName: participant.name, ...(previous ? { previousCycle: previous.cycle.id } : {}), goals };
}

export function answersJson({ info, section, goal, publishedOnly, answers }: AnswersView) {
  return { cycle: info.cycle.id, section: section.id, prompt: section.prompt, goal: { id: goal.id, title: goal.title }, publishedOnly, answers };
}

export function prefillJson(result: PrefillResult) {
  return { from: result.from, prefilled: result.prefilled, skipped: result.skipped, report: reportJson(result) };
}

