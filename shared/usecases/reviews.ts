/**
 * Use cases of reviews, as a pull-request review: a reviewer keeps a draft (decisions on submitted
 * sections, seen by the secretariat only), then sends it: every decision in one transaction with
 * its audit event, the returns opening their sections' conversations. The stage-1 section routes
 * (approve, return) are reviews of one decision (reports.ts).
 */
import type { AuditEvent } from '../store/report-store';
import {
  ConflictError,
  ForbiddenError,
  authorize,
  decideDraftReview,
  decideReview,
  isReaderOf,
  stateAfter,
  type Actor,
  type Decision,
  type DraftReview,
} from '../workflow';
import { attachmentsBySection } from '../store/attachment-items';
import type { ReportDeps } from './deps';
import type { ReportView } from './reports';
import { resolveReport, resolveSection, writableReport, type ReportAddress } from './resolve';

/** The actor's own draft review of a report (undefined when there is none). One Query. */
export async function getDraftReview(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<DraftReview | undefined> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  authorize('saveDraftReview', actor, participant.code);
  const { drafts } = await deps.reports.getReport(info, participant.code);
  return drafts.find((d) => d.reviewer.sub === actor.sub);
}

/**
 * Replaces the actor's draft review with `decisions`, each on a section still waiting for review
 * (409 naming those that are not). One Query and one Put; an empty list discards the draft.
 */
export async function saveDraftReview(deps: ReportDeps, actor: Actor, at: ReportAddress, decisions: readonly Decision[]): Promise<DraftReview | undefined> {
  // A review of a report that cannot change could never be sent (taking decisions out and discarding stay possible).
  const { info, participant } = await writableReport(deps.cycles, at);
  for (const d of decisions) await resolveSection(deps.cycles, { ...at, section: d.section });
  authorize('saveDraftReview', actor, participant.code);
  const { report } = await deps.reports.getReport(info, participant.code, { consistent: true });
  const checked = decideDraftReview(actor, report, decisions);
  if (checked.length === 0) {
    await deps.reports.discardDraft(info, participant.code, actor.sub);
    return undefined;
  }
  const draft: DraftReview = { reviewer: { sub: actor.sub, name: actor.name }, decisions: checked, updatedAt: new Date().toISOString() };
  await deps.reports.saveDraft(info, participant.code, draft);
  return draft;
}

/** Adds (or replaces) one section's decision in the actor's draft: the web page's Approve and Request changes. */
export async function addToDraftReview(deps: ReportDeps, actor: Actor, at: ReportAddress, decision: Decision): Promise<DraftReview | undefined> {
  const current = (await getDraftReview(deps, actor, at))?.decisions ?? [];
  return saveDraftReview(deps, actor, at, [...current.filter((d) => d.section !== decision.section), decision]);
}

/**
 * Takes one section's decision out of the actor's draft, whatever that section's status now (a
 * decision on a section decided meanwhile can only be taken out). One Query and one write.
 */
export async function removeFromDraftReview(deps: ReportDeps, actor: Actor, at: ReportAddress, section: string): Promise<DraftReview | undefined> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  authorize('saveDraftReview', actor, participant.code);
  const { drafts } = await deps.reports.getReport(info, participant.code, { consistent: true });
  const draft = drafts.find((d) => d.reviewer.sub === actor.sub);
  if (!draft) return undefined;
  const decisions = draft.decisions.filter((d) => d.section !== section);
  if (decisions.length === 0) {
    await deps.reports.discardDraft(info, participant.code, actor.sub);
    return undefined;
  }
  const next = { ...draft, decisions, updatedAt: new Date().toISOString() };
  await deps.reports.saveDraft(info, participant.code, next);
  return next;
}

/** Discards the actor's draft review. One Delete. */
export async function discardDraftReview(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<void> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  authorize('saveDraftReview', actor, participant.code);
  await deps.reports.discardDraft(info, participant.code, actor.sub);
}

export interface SendReviewInput {
  /** The decisions to apply; without them, the actor's draft review is sent (and discarded). */
  decisions?: Decision[] | undefined;
  summary?: string | undefined;
}

/**
 * Sends a review: one consistent Query, one TransactWriteItems (sections, report, audit event,
 * return comments, the draft discarded). A decision on a section no longer submitted refuses the
 * whole review (409 naming it); nothing is applied.
 */
export async function sendReview(deps: ReportDeps, actor: Actor, at: ReportAddress, input: SendReviewInput): Promise<{ view: ReportView; event: AuditEvent }> {
  const { info, participant } = await writableReport(deps.cycles, at);
  for (const d of input.decisions ?? []) await resolveSection(deps.cycles, { ...at, section: d.section });
  authorize('sendReview', actor, participant.code);
  const read = await deps.reports.getReport(info, participant.code, { consistent: true });
  const draft = read.drafts.find((d) => d.reviewer.sub === actor.sub);
  const decisions = input.decisions ?? draft?.decisions;
  if (!decisions || decisions.length === 0) throw new ConflictError('There is no review to send: approve or return sections first.');
  const options = { summary: input.summary, action: 'sendReview' as const, ...(input.decisions ? {} : { discardDraftOf: actor.sub }) };
  const plan = decideReview(actor, read.report, decisions, options);
  let event: AuditEvent;
  try {
    event = await deps.reports.apply(plan, actor);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Someone decided meanwhile: say which sections, when that is why (one more Query, on failure only).
    const again = await deps.reports.getReport(info, participant.code, { consistent: true });
    decideReview(actor, again.report, decisions, options);
    throw error;
  }
  const report = stateAfter(read.report, plan, event.at, event.actor);
  const drafts = read.drafts.filter((d) => d.reviewer.sub !== plan.discardDraftOf);
  return { view: { info, participant, report, attachments: attachmentsBySection(read.otherItems), drafts }, event };
}

/** The sent reviews of a report, oldest first, for its readers (never the public). One Query. */
export async function listReviews(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<AuditEvent[]> {
  const { info, participant } = await resolveReport(deps.cycles, at);
  if (!isReaderOf(actor, participant.code)) throw new ForbiddenError(`You may not read the reviews of the report of ${participant.name}.`);
  return (await deps.reports.history(info.cycle.id, participant.code)).events.filter((e) => e.review !== undefined);
}
