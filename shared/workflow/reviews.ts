/**
 * Pure decisions of stage 2: a reviewer's draft review, sending a review (every decision applied in
 * one state change, as a pull-request review), and the per-section conversation (the return that
 * opens it, the country's replies, the secretariat's notes, some internal). The rules come from the
 * transition table: each verdict follows its row (VERDICT_ACTIONS), the report turns `returned`
 * when a decision returns a section.
 */
import { authorize, holdsRoleFor, isStaff } from './access';
import { AppError, ConflictError, ForbiddenError, NotFoundError, type FieldError } from './errors';
import { contentHash, revisionOf, type Actor, type ActorRef, type ReportState, type Role, type Verdict } from './model';
import { lateDecision, reportStatusRefusal } from './messages';
import { TRANSITIONS, VERDICT_ACTIONS } from './transitions';
import type { TransitionPlan } from './decide';
import type { Cycle } from '../form';
import { reportsFrozenReason } from './cycles';

/** One decision of a review: approve a section, or return it with a comment for the country. */
export interface Decision {
  section: string;
  verdict: Verdict;
  /** Required with `return` (the boundary schema checks it); ignored with `approve`. */
  comment?: string;
}

/** A reviewer's review in progress, kept until sent or discarded; the country never sees it. */
export interface DraftReview {
  reviewer: ActorRef;
  decisions: Decision[];
  updatedAt: string;
}

export const COMMENT_KINDS = ['return', 'reply', 'note'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

/** One entry of a section's conversation: append-only, never edited or deleted. */
export interface Comment {
  id: string;
  section: string;
  at: string;
  author: ActorRef;
  /** The role the author wrote in. */
  role: Role;
  kind: CommentKind;
  /** Seen by the secretariat only, never by the country or the public. */
  internal: boolean;
  text: string;
}


/**
 * The decisions in form order, each checked against the report as read: the section exists, is
 * named once, and its status allows the verdict (its table row). All refusals are reported together.
 */
function checkDecisions(report: ReportState, decisions: readonly Decision[]): Decision[] {
  const order = new Map(report.sections.map((s, i) => [s.id, i]));
  const seen = new Set<string>();
  const conflicts: FieldError[] = [];
  const late: string[] = [];
  for (const [i, d] of decisions.entries()) {
    if (!order.has(d.section)) throw new NotFoundError(`The ${report.cycle} form has no section ${d.section}.`);
    if (seen.has(d.section)) throw new ConflictError(`Section ${d.section} is decided twice in one review.`, [{ path: `decisions.${i}.section`, message: 'is named twice' }]);
    seen.add(d.section);
    const state = report.sections[order.get(d.section)!]!;
    const rule = TRANSITIONS[VERDICT_ACTIONS[d.verdict]];
    if (rule.sectionFrom && !rule.sectionFrom.includes(state.status)) {
      conflicts.push({ path: `sections.${d.section}`, message: `is ${state.status}, no longer waiting for review` });
      late.push(lateDecision(state, d.verdict));
    }
  }
  if (conflicts.length > 0) throw new ConflictError(`${late.join('. ')}. Nothing was applied: check the sections again and decide on what is still waiting for review.`, conflicts);
  return [...decisions].sort((a, b) => order.get(a.section)! - order.get(b.section)!);
}

/** Checks a draft review before it is kept: who, the report's status, and every decision. */
export function decideDraftReview(actor: Actor, report: ReportState, decisions: readonly Decision[]): Decision[] {
  authorize('saveDraftReview', actor, report.country);
  const rule = TRANSITIONS.saveDraftReview;
  if (decisions.length > 0 && rule.reportFrom && !rule.reportFrom.includes(report.status)) {
    throw new ConflictError(reportStatusRefusal('saveDraftReview', report.status));
  }
  return checkDecisions(report, decisions).map((d) => (d.verdict === 'approve' ? { section: d.section, verdict: d.verdict } : d));
}

export interface ReviewOptions {
  summary?: string;
  /** `sendReview`, or the stage-1 one-decision routes that are reviews too. */
  action?: 'sendReview' | 'approveSection' | 'returnSection';
  /** The reviewer whose draft this send replaces (it is discarded in the same write). */
  discardDraftOf?: string;
}

/**
 * Plans sending a review: every decision at once, in one state change. A return carries its comment
 * (it opens the section's conversation); the report becomes `returned` when any section is returned.
 * A decision on a section no longer submitted refuses the whole review (409 naming it).
 */
export function decideReview(actor: Actor, report: ReportState, decisions: readonly Decision[], options: ReviewOptions = {}): TransitionPlan {
  const action = options.action ?? 'sendReview';
  authorize(action, actor, report.country);
  for (const verdict of new Set(decisions.map((d) => d.verdict))) authorize(VERDICT_ACTIONS[verdict], actor, report.country);
  if (decisions.length === 0) throw new ConflictError('The review has no decision: approve or return at least one section first.');
  const rule = TRANSITIONS[action];
  if (rule.reportFrom && !rule.reportFrom.includes(report.status)) {
    throw new ConflictError(reportStatusRefusal(action, report.status));
  }
  const ordered = checkDecisions(report, decisions);
  const byId = new Map(report.sections.map((s) => [s.id, s]));
  const returns = ordered.filter((d) => d.verdict === 'return');
  const sections = ordered.map((d) => {
    const state = byId.get(d.section)!;
    const to = TRANSITIONS[VERDICT_ACTIONS[d.verdict]].sectionTo!;
    return {
      id: d.section,
      fromStatus: state.status,
      expectedVersion: state.version,
      toStatus: to,
      review: { verdict: d.verdict, contentHash: contentHash(state), version: revisionOf(state) },
      ...(d.verdict === 'return' ? { returnComment: d.comment! } : {}),
    };
  });
  const sectionStatuses = Object.fromEntries(report.sections.map((s) => [s.id, s.status])) as TransitionPlan['sectionStatuses'];
  for (const change of sections) sectionStatuses[change.id] = change.toStatus;
  const single = ordered.length === 1 && action !== 'sendReview' ? ordered[0]! : undefined;
  return {
    action,
    cycle: report.cycle,
    country: report.country,
    expectedReportVersion: report.version,
    reportFrom: report.status,
    reportTo: returns.length > 0 ? TRANSITIONS.returnSection.reportTo! : report.status,
    sections,
    sectionStatuses,
    event: {
      ...(single ? { section: single.section, ...(single.comment !== undefined ? { comment: single.comment } : {}) } : {}),
      review: { decisions: ordered.map((d) => (d.verdict === 'return' ? { section: d.section, verdict: d.verdict, comment: d.comment! } : { section: d.section, verdict: d.verdict })), ...(options.summary ? { summary: options.summary } : {}) },
    },
    comments: returns.map((d) => ({ section: d.section, kind: 'return' as const, role: staffRole(actor), internal: false as const, text: d.comment! })),
    changedSections: (report.changedSections ?? []).filter((id) => !ordered.some((d) => d.section === id)),
    ...(options.discardDraftOf ? { discardDraftOf: options.discardDraftOf } : {}),
  };
}

/**
 * Plans reopening with a reason (admins): a section goes back to the country as returned, the reason
 * opening its conversation as a return does (so the resubmission rule applies); the report becomes
 * returned. Reopening the report moves only the report: its sections are reopened one by one.
 */
/** Why `actor` may not reopen the report (or one of its sections) now, or undefined when they may: what the pages offer. */
export function reopenRefusal(actor: Actor, report: ReportState, section?: string, cycle?: Pick<Cycle, 'id' | 'status'>): string | undefined {
  const frozen = cycle && reportsFrozenReason(cycle);
  if (frozen) return frozen;
  try {
    decideReopen(actor, report, { ...(section !== undefined ? { section } : {}), reason: 'check' });
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

export function decideReopen(actor: Actor, report: ReportState, input: { section?: string; reason: string }): TransitionPlan {
  const action = input.section === undefined ? 'reopenReport' : 'reopenSection';
  authorize(action, actor, report.country);
  const rule = TRANSITIONS[action];
  if (rule.reportFrom && !rule.reportFrom.includes(report.status)) {
    throw new ConflictError(`The report of ${report.country} is ${report.status}: only an approved or published report is reopened${action === 'reopenSection' ? ', or one under review' : ''}.`);
  }
  const sectionStatuses = Object.fromEntries(report.sections.map((s) => [s.id, s.status])) as TransitionPlan['sectionStatuses'];
  const base = { action, cycle: report.cycle, country: report.country, expectedReportVersion: report.version, reportFrom: report.status, reportTo: rule.reportTo! } as const;
  if (action === 'reopenReport') return { ...base, sections: [], sectionStatuses, event: { comment: input.reason } };
  const state = report.sections.find((s) => s.id === input.section);
  if (!state) throw new NotFoundError(`The ${report.cycle} form has no section ${input.section}.`);
  if (!rule.sectionFrom!.includes(state.status)) throw new ConflictError(`Section ${state.id} is ${state.status}: only an approved section is reopened.`);
  sectionStatuses[state.id] = rule.sectionTo!;
  return {
    ...base,
    sections: [
      {
        id: state.id,
        fromStatus: state.status,
        expectedVersion: state.version,
        toStatus: rule.sectionTo!,
        returnComment: input.reason,
        review: { verdict: 'return', contentHash: contentHash(state), version: revisionOf(state) },
      },
    ],
    sectionStatuses,
    event: { section: state.id, comment: input.reason },
    comments: [{ section: state.id, kind: 'return', role: staffRole(actor), internal: false, text: input.reason }],
  };
}

/** How a comment is written: its kind, whether it is internal, and the section status the write requires. */
export interface CommentDecision {
  kind: CommentKind;
  role: Role;
  internal: boolean;
  /** The country's reply is written only while the section is returned (a write condition). */
  sectionMustBe?: readonly ReportState['sections'][number]['status'][];
}

/**
 * Decides who may add what to a section's conversation: the secretariat adds notes (internal or for
 * the country); the country's rapporteur replies on a returned section, never internally.
 */
export function decideComment(actor: Actor, country: string, input: { internal?: boolean }): CommentDecision {
  if (holdsRoleFor('addNote', actor, country)) return { kind: 'note', role: staffRole(actor), internal: input.internal ?? false };
  authorize('replyOnSection', actor, country);
  if (input.internal) throw new ForbiddenError('Only the secretariat may add internal notes.');
  return { kind: 'reply', role: 'rapporteur', internal: false, sectionMustBe: TRANSITIONS.replyOnSection.sectionFrom! };
}

/** The role a member of the secretariat writes in: reviewer when they are one, else admin. */
function staffRole(actor: Actor): 'reviewer' | 'admin' {
  return actor.roles.includes('reviewer') ? 'reviewer' : 'admin';
}

/** The comments `actor` may read: everything for the secretariat; never an internal note for anyone else. */
export function visibleComments<T extends Pick<Comment, 'internal'>>(actor: Actor | undefined, comments: readonly T[]): T[] {
  return isStaff(actor) ? [...comments] : comments.filter((c) => !c.internal);
}
