/**
 * Pure decisions: given who acts, the report as read and the input, either refuse with a domain
 * error or return the plan of changes that the store applies atomically (with the plan's expected
 * statuses and versions as write conditions).
 */
import type { Cycle } from '../form';
import { authorize } from './access';
import { reportsFrozenReason } from './cycles';
import { AppError, ConflictError, InvalidInputError, NotFoundError, type FieldError } from './errors';
import { MAX_ANSWER_LENGTH, isBlankToReader } from './limits';
import { reportStatusRefusal, sectionsNotApproved } from './messages';
import { awaitsResponse, changedSinceReview, isAnswered, type ActorRef, type Role, type Verdict, type Actor, type ReportState, type ReportStatus, type SectionState, type SectionStatus } from './model';
import { decideReview } from './reviews';
import { TRANSITIONS, VERDICT_ACTIONS, type Action, type ReportPrecondition } from './transitions';

export interface SectionChange {
  id: string;
  /** Status and version the section must still have when the plan is written. */
  fromStatus: SectionStatus;
  expectedVersion: number;
  toStatus: SectionStatus;
  text?: string;
  nothingToReport?: boolean;
  /** A new return comment, or null to clear the previous one. Undefined: unchanged. */
  returnComment?: string | null;
  /** A review's decision on this section (recorded with the time and reviewer when written). */
  review?: { verdict: Verdict; contentHash: string; version: number };
}

export interface TransitionPlan {
  action: Action;
  cycle: string;
  country: string;
  /** The report version read; the write succeeds only if it is unchanged. */
  expectedReportVersion: number;
  reportFrom: ReportStatus;
  reportTo: ReportStatus;
  sections: SectionChange[];
  /** Every section's status once the plan is applied (kept on the report's meta item for the reviewer's dashboard). */
  sectionStatuses: Record<string, SectionStatus>;
  /** What the audit event records besides actor, time and the status changes. */
  event: { section?: string; comment?: string; detail?: string; review?: { decisions: Array<{ section: string; verdict: Verdict; comment?: string }>; summary?: string } };
  /** Comments written in the same transaction (a review's returns open their sections' conversations). */
  comments?: Array<{ section: string; kind: 'return'; role: Role; internal: false; text: string }>;
  /** The reviewer whose draft review the write discards (it was just sent). */
  discardDraftOf?: string;
  /** The sections changed since their last review, as the report's meta item keeps them for the dashboard (undefined: unchanged). */
  changedSections?: string[];
  /** An immutable publication written with a publish: its number and the answers and files as published. */
  publication?: Publication;
  /**
   * A first submission (the report leaves `draft`): the participant's deadline, extension included.
   * The store marks the submission late, on the event and the report's meta item, when it is written after it.
   */
  deadline?: string;
}

/** An attachment as published: enough to list it and to hand out its bytes. */
export interface PublishedAttachment {
  section: string;
  id: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: ActorRef;
  /** Where the bytes are (they are kept while a publication lists them). */
  key: string;
}

/** What a publication holds besides its number, time and author. */
export interface Publication {
  number: number;
  sections: Array<{ id: string; text: string; nothingToReport: boolean }>;
  attachments: PublishedAttachment[];
}

export interface SaveInput {
  text: string;
  nothingToReport?: boolean;
}

/**
 * Decides a section save. It needs no read of the report: the store writes the section on the
 * condition that its status is still one of `allowedStatuses` and its version the one the client saw.
 * The text itself was checked at the boundary (its schema holds the limits).
 */
export function decideSave(actor: Actor, country: string): { allowedStatuses: readonly SectionStatus[] } {
  authorize('saveSection', actor, country);
  return { allowedStatuses: TRANSITIONS.saveSection.sectionFrom! };
}

export interface TransitionInput {
  section?: string;
  /** The reviewer's comment of a return (checked at the boundary: trimmed, not blank, bounded). */
  comment?: string;
  /** The participant's deadline (extension included), which a first submission is held to. */
  deadline?: string;
}

type PlanDraft = Omit<TransitionPlan, 'sectionStatuses'>;

/** Adds the resulting section statuses to a plan. */
function finish(report: ReportState, plan: PlanDraft): TransitionPlan {
  const sectionStatuses = Object.fromEntries(report.sections.map((s) => [s.id, s.status])) as Record<string, SectionStatus>;
  for (const change of plan.sections) sectionStatuses[change.id] = change.toStatus;
  return { ...plan, sectionStatuses };
}

/** The actions that move a report or a section from one status to another with one decision. */
export type TransitionAction = 'submitReport' | 'approveSection' | 'returnSection' | 'approveReport' | 'publishReport';

/**
 * Decides a report or section transition on the report as read. A section decision (the stage-1
 * routes) is a review of one decision: the same plan as a review's.
 */
export function decideTransition(action: TransitionAction, actor: Actor, report: ReportState, input: TransitionInput = {}): TransitionPlan {
  if (action === 'approveSection' || action === 'returnSection') {
    const verdict = (Object.keys(VERDICT_ACTIONS) as Verdict[]).find((v) => VERDICT_ACTIONS[v] === action)!;
    return decideReview(actor, report, [{ section: input.section ?? '(none)', verdict, ...(input.comment !== undefined ? { comment: input.comment } : {}) }], { action });
  }
  return finish(report, planTransition(action, actor, report, input));
}

/**
 * Undefined when `action` is allowed now (as of `report`, and of its `cycle` when given: reports change
 * only while their cycle is open), else the reason it is not: the same decision the use case runs, so a
 * page enables a button exactly when the action would succeed.
 */
export function refusal(action: TransitionAction, actor: Actor, report: ReportState, input: TransitionInput = {}, cycle?: Pick<Cycle, 'id' | 'status'>): string | undefined {
  const frozen = cycle && reportsFrozenReason(cycle);
  if (frozen) return frozen;
  try {
    decideTransition(action, actor, report, input);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

/** Every step reads the transition table: roles, report statuses, section statuses and the precondition. */
function planTransition(action: Exclude<TransitionAction, 'approveSection' | 'returnSection'>, actor: Actor, report: ReportState, input: TransitionInput): PlanDraft {
  authorize(action, actor, report.country);
  const rule = TRANSITIONS[action];
  const base = { action, cycle: report.cycle, country: report.country, expectedReportVersion: report.version, reportFrom: report.status };
  const reportTo = rule.reportTo ?? report.status;

  if (rule.reportFrom && !rule.reportFrom.includes(report.status)) {
    throw new ConflictError(reportStatusRefusal(action, report.status));
  }
  for (const requirement of rule.requires ?? []) checkPrecondition(requirement, report);

  // A report action moves every section in `sectionFrom` to `sectionTo`; the previous return comment goes with a resubmission.
  const moving = rule.sectionFrom && rule.sectionTo ? report.sections.filter((s) => rule.sectionFrom!.includes(s.status)) : [];
  return {
    ...base,
    reportTo,
    sections: moving.map((s) => ({ ...move(s, rule.sectionTo!), returnComment: s.returnComment === undefined ? undefined : null })),
    event: moving.length > 0 ? { detail: `${moving.length} section(s) ${rule.sectionTo}` } : {},
    // What a reviewer must look at again: the answers that changed since their last decision.
    ...(action === 'submitReport' ? { changedSections: moving.filter(changedSinceReview).map((s) => s.id) } : {}),
    ...firstSubmission(report.status, reportTo, input.deadline),
  };
}

/** A report leaving `draft` for `submitted` is filed: the deadline it is held to goes with the plan. */
function firstSubmission(from: ReportStatus, to: ReportStatus, deadline: string | undefined): { deadline?: string } {
  return from === 'draft' && to === 'submitted' && deadline !== undefined ? { deadline } : {};
}

function checkPrecondition(requires: ReportPrecondition, report: ReportState): void {
  switch (requires) {
    case 'everySectionAnswered': {
      const missing = report.sections.filter((s) => !isAnswered(s));
      if (missing.length > 0) {
        throw new ConflictError(
          `Every section needs an answer or the nothing-to-report mark before submission; missing: ${missing.map((s) => s.id).join(', ')}.`,
          missing.map((s) => ({ path: `sections.${s.id}`, message: 'has no answer' })),
        );
      }
      return;
    }
    case 'everySectionApproved': {
      const pending = report.sections.filter((s) => s.status !== 'approved');
      if (pending.length > 0) {
        throw new ConflictError(sectionsNotApproved(pending));
      }
      return;
    }
    case 'everyReturnAnswered': {
      const unanswered = report.sections.filter(awaitsResponse);
      if (unanswered.length > 0) {
        throw new ConflictError(
          `Every returned section needs a revised answer or a reply to the reviewers before the report is submitted again; not yet: ${unanswered.map((s) => s.id).join(', ')}.`,
          unanswered.map((s) => ({ path: `sections.${s.id}`, message: 'returned, and neither revised nor answered since' })),
        );
      }
    }
  }
}

export interface ImportOptions {
  /** Submit on the country's behalf in the same write (the `submitImport` row of the table). */
  submit?: boolean;
  /** Replace answers the country has already saved; without it such an import is refused. */
  overwrite?: boolean;
  /** The participant's deadline, which a submission on its behalf is held to. */
  deadline?: string;
}

/**
 * Decides an import of a whole document into a draft report: every section's answer is replaced,
 * and with `submit` the report is submitted in the same transaction. `answers` must hold every
 * section of the form. An import never silently replaces what the country saved itself.
 */
export function decideImport(actor: Actor, report: ReportState, answers: ReadonlyMap<string, SaveInput>, source: string, options: ImportOptions = {}): TransitionPlan {
  const action = options.submit ? 'submitImport' : 'importReport';
  authorize(action, actor, report.country);
  const rule = TRANSITIONS[action];
  if (!rule.reportFrom!.includes(report.status)) {
    throw new ConflictError(`Cannot import into the report of ${report.country}: it is ${report.status} (allowed when ${rule.reportFrom!.join(' or ')}).`);
  }
  const locked = report.sections.filter((s) => !rule.sectionFrom!.includes(s.status));
  if (locked.length > 0) throw new ConflictError(`Cannot import: sections ${locked.map((s) => s.id).join(', ')} are not drafts.`);
  const saved = report.sections.filter((s) => s.version > 0 && isAnswered(s));
  if (saved.length > 0 && !options.overwrite) {
    throw new ConflictError(
      `The report of ${report.country} already has saved answers (${saved.map((s) => s.id).join(', ')}); import with overwrite to replace them.`,
      saved.map((s) => ({ path: `sections.${s.id}`, message: 'has a saved answer' })),
    );
  }
  const errors: FieldError[] = [];
  const sections = report.sections.map((s): SectionChange => {
    const answer = answers.get(s.id);
    if (answer === undefined) {
      errors.push({ path: `sections.${s.id}`, message: 'missing from the document' });
      return move(s, s.status);
    }
    if (answer.text.length > MAX_ANSWER_LENGTH) errors.push({ path: `sections.${s.id}`, message: `must be at most ${MAX_ANSWER_LENGTH} characters` });
    const nothingToReport = answer.nothingToReport === true || isBlankToReader(answer.text);
    return { ...move(s, rule.sectionTo ?? 'draft'), text: nothingToReport ? '' : answer.text, nothingToReport };
  });
  if (errors.length > 0) throw new InvalidInputError(`The document cannot be imported: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
  return finish(report, {
    action,
    cycle: report.cycle,
    country: report.country,
    expectedReportVersion: report.version,
    reportFrom: report.status,
    reportTo: rule.reportTo ?? report.status,
    sections,
    // The document's name only: a path on someone's machine or the server means nothing to a reader.
    event: { detail: `imported from ${documentName(source)}${options.submit ? ' and submitted for the country' : ''}${saved.length ? `, replacing ${saved.length} saved answer(s)` : ''}` },
    ...firstSubmission(report.status, rule.reportTo ?? report.status, options.deadline),
  });
}

/** The last segment of a file path (the name a document had), or the source as given. */
function documentName(source: string): string {
  return source.split(/[\\/]/).filter(Boolean).pop() ?? source;
}

/** What a prefill does: the plan to write (none when nothing can be copied) and, per section, what was copied or why not. */
export interface PrefillDecision {
  plan?: TransitionPlan;
  prefilled: string[];
  skipped: Array<{ section: string; reason: string }>;
}

/**
 * Decides copying last cycle's answers (`previous`, the same country's report of the cycle this one
 * follows) into this report: only into editable sections without an answer, and only text (a
 * nothing-to-report mark is a statement about this year, not a text to start from). Never over an
 * answer the country wrote: the store writes each section on the version read here.
 * `only` restricts it to some sections (ids of the form).
 */
export function decidePrefill(actor: Actor, report: ReportState, previous: ReportState, only?: readonly string[]): PrefillDecision {
  authorize('prefillReport', actor, report.country);
  const rule = TRANSITIONS.prefillReport;
  if (!rule.reportFrom!.includes(report.status)) {
    throw new ConflictError(`Last cycle's answers can be copied only into a report that is ${rule.reportFrom!.join(' or ')}; this one is ${report.status}.`);
  }
  const source = new Map(previous.sections.map((s) => [s.id, s]));
  const wanted = only ? new Set(only) : undefined;
  const changes: SectionChange[] = [];
  const skipped: PrefillDecision['skipped'] = [];
  for (const section of report.sections) {
    if (wanted && !wanted.has(section.id)) continue;
    const from = source.get(section.id);
    const reason = !rule.sectionFrom!.includes(section.status)
      ? `it is ${section.status} and cannot change now`
      : isAnswered(section)
        ? 'it has an answer already'
        : !from || from.nothingToReport || isBlankToReader(from.text)
          ? `the ${previous.cycle} report has no text for it`
          : undefined;
    if (reason) skipped.push({ section: section.id, reason });
    else changes.push({ ...move(section, section.status), text: from!.text, nothingToReport: false });
  }
  const prefilled = changes.map((c) => c.id);
  if (changes.length === 0) return { prefilled, skipped };
  const plan = finish(report, {
    action: 'prefillReport',
    cycle: report.cycle,
    country: report.country,
    expectedReportVersion: report.version,
    reportFrom: report.status,
    reportTo: report.status,
    sections: changes,
    event: { detail: `prefilled from the ${previous.cycle} report: ${prefilled.join(', ')}` },
  });
  return { plan, prefilled, skipped };
}

function findSection(report: ReportState, id: string | undefined): SectionState {
  const section = report.sections.find((s) => s.id === id);
  if (!section) throw new NotFoundError(`The form of cycle ${report.cycle} has no section ${id ?? '(none)'}.`);
  return section;
}

function move(section: SectionState, to: SectionStatus): SectionChange {
  return { id: section.id, fromStatus: section.status, expectedVersion: section.version, toStatus: to };
}

/** The report as it is once `plan` is written (so a response needs no second read). */
export function stateAfter(report: ReportState, plan: TransitionPlan, at: string, by: { sub: string; name: string }): ReportState {
  const changes = new Map(plan.sections.map((c) => [c.id, c]));
  return {
    ...report,
    status: plan.reportTo,
    version: plan.expectedReportVersion + 1,
    updatedAt: at,
    sections: report.sections.map((s) => {
      const change = changes.get(s.id);
      if (!change) return s;
      const next: SectionState = { ...s, status: change.toStatus, version: change.expectedVersion + 1 };
      if (change.text !== undefined) Object.assign(next, { text: change.text, nothingToReport: change.nothingToReport ?? false, updatedAt: at, updatedBy: by, contentVersion: next.version });
      if (typeof change.returnComment === 'string') next.returnComment = change.returnComment;
      else if (change.returnComment === null) delete next.returnComment;
      if (change.review) next.review = { ...change.review, at, by };
      return next;
    }),
  };
}

/**
 * Undefined when the country's rapporteur could copy last cycle's answers into `report` now (the
 * cycle follows one up and some section is editable and unanswered), else why not: the same rules as
 * `decidePrefill`, without last cycle's report, so a page offers the action only when it can do something.
 */
export function prefillRefusal(actor: Actor | undefined, report: ReportState, previousCycle: string | undefined): string | undefined {
  if (!actor) return 'Sign in as the rapporteur of the country.';
  try {
    authorize('prefillReport', actor, report.country);
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  const rule = TRANSITIONS.prefillReport;
  if (previousCycle === undefined) return `The ${report.cycle} cycle follows no earlier cycle on this platform.`;
  if (!rule.reportFrom!.includes(report.status)) return `The report is ${report.status}.`;
  if (!report.sections.some((s) => rule.sectionFrom!.includes(s.status) && !isAnswered(s))) return 'Every section you can edit has an answer already.';
  return undefined;
}
