/**
 * Pure decisions: given who acts, the report as read and the input, either refuse with a domain
 * error or return the plan of changes that the store applies atomically (with the plan's expected
 * statuses and versions as write conditions).
 */
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type FieldError } from './errors';
import { isAnswered, type Actor, type ReportState, type ReportStatus, type SectionState, type SectionStatus } from './model';
import { TRANSITIONS, type Action } from './transitions';

/** Upper bound of one answer, far above the longest published answer (about 3,000 characters), and within DynamoDB's 400 KB item limit. */
export const MAX_ANSWER_LENGTH = 50_000;
export const MAX_COMMENT_LENGTH = 10_000;

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
  event: { section?: string; comment?: string; detail?: string };
}

/** Throws ForbiddenError unless the actor holds a role of the action (and, for a rapporteur, owns the country). */
export function authorize(action: Action, actor: Actor, country: string): void {
  const rule = TRANSITIONS[action];
  if (!actor.roles.some((role) => rule.roles.includes(role))) {
    throw new ForbiddenError(`Only ${rule.roles.join(' or ')} may ${rule.summary}.`);
  }
  // Own-country actions are the rapporteur's: whatever other roles an actor holds, the country must match.
  if (rule.ownCountryOnly && actor.country !== country) {
    throw new ForbiddenError(`A rapporteur of ${actor.country ?? 'no country'} may not act on the report of ${country}.`);
  }
}

/** Who may read a report whatever its status (and its history): the country's rapporteurs, reviewers and admins. */
export function isReaderOf(actor: Actor | undefined, country: string): boolean {
  if (!actor) return false;
  if (actor.roles.includes('reviewer') || actor.roles.includes('admin')) return true;
  return actor.roles.includes('rapporteur') && actor.country === country;
}

/** Who may read a report: its readers (above), and anyone once it is published. */
export function canRead(actor: Actor | undefined, country: string, status: ReportStatus): boolean {
  return status === 'published' || isReaderOf(actor, country);
}

export interface SaveInput {
  text: string;
  nothingToReport?: boolean;
}

/**
 * Decides a section save. It needs no read of the report: the store writes the section on the
 * condition that its status is still one of `allowedStatuses` and its version the one the client saw.
 */
export function decideSave(actor: Actor, country: string, input: SaveInput): { allowedStatuses: readonly SectionStatus[]; text: string; nothingToReport: boolean } {
  authorize('saveSection', actor, country);
  const nothingToReport = input.nothingToReport ?? false;
  if (nothingToReport && input.text.trim().length > 0) {
    throw new InvalidInputError('An answer marked nothing-to-report has no text.', [
      { path: 'body.text', message: 'must be empty when nothingToReport is true' },
    ]);
  }
  if (input.text.length > MAX_ANSWER_LENGTH) {
    throw new InvalidInputError('The answer is too long.', [{ path: 'body.text', message: `must be at most ${MAX_ANSWER_LENGTH} characters` }]);
  }
  return { allowedStatuses: TRANSITIONS.saveSection.sectionFrom!, text: input.text, nothingToReport };
}

export interface TransitionInput {
  section?: string;
  comment?: string;
}

type PlanDraft = Omit<TransitionPlan, 'sectionStatuses'>;

/** Adds the resulting section statuses to a plan. */
function finish(report: ReportState, plan: PlanDraft): TransitionPlan {
  const sectionStatuses = Object.fromEntries(report.sections.map((s) => [s.id, s.status])) as Record<string, SectionStatus>;
  for (const change of plan.sections) sectionStatuses[change.id] = change.toStatus;
  return { ...plan, sectionStatuses };
}

export type TransitionAction = Exclude<Action, 'saveSection' | 'importReport' | 'submitImport'>;

/** Decides a report or section transition on the report as read. */
export function decideTransition(action: TransitionAction, actor: Actor, report: ReportState, input: TransitionInput = {}): TransitionPlan {
  return finish(report, planTransition(action, actor, report, input));
}

function planTransition(action: TransitionAction, actor: Actor, report: ReportState, input: TransitionInput): PlanDraft {
  authorize(action, actor, report.country);
  const rule = TRANSITIONS[action];
  const base = { action, cycle: report.cycle, country: report.country, expectedReportVersion: report.version, reportFrom: report.status };

  if (rule.reportFrom && !rule.reportFrom.includes(report.status)) {
    throw new ConflictError(`Cannot ${rule.summary}: the report is ${report.status} (allowed when ${rule.reportFrom.join(' or ')}).`);
  }

  switch (action) {
    case 'submitReport': {
      const missing = report.sections.filter((s) => !isAnswered(s));
      if (missing.length > 0) {
        throw new ConflictError(
          `Every section needs an answer or the nothing-to-report mark before submission; missing: ${missing.map((s) => s.id).join(', ')}.`,
          missing.map((s) => ({ path: `sections.${s.id}`, message: 'has no answer' })),
        );
      }
      const moving = report.sections.filter((s) => rule.sectionFrom!.includes(s.status));
      return {
        ...base,
        reportTo: rule.reportTo!,
        sections: moving.map((s) => ({ ...move(s, rule.sectionTo!), returnComment: s.returnComment === undefined ? undefined : null })),
        event: { detail: `${moving.length} section(s) submitted` },
      };
    }
    case 'approveSection':
    case 'returnSection': {
      const section = findSection(report, input.section);
      if (!rule.sectionFrom!.includes(section.status)) {
        throw new ConflictError(`Cannot ${rule.summary}: section ${section.id} is ${section.status}.`);
      }
      if (action === 'returnSection') {
        const comment = (input.comment ?? '').trim();
        if (!comment) throw new InvalidInputError('A returned section needs a comment for the country.', [{ path: 'body.comment', message: 'must not be empty' }]);
        if (comment.length > MAX_COMMENT_LENGTH) {
          throw new InvalidInputError('The comment is too long.', [{ path: 'body.comment', message: `must be at most ${MAX_COMMENT_LENGTH} characters` }]);
        }
        return { ...base, reportTo: rule.reportTo!, sections: [{ ...move(section, 'returned'), returnComment: comment }], event: { section: section.id, comment } };
      }
      return { ...base, reportTo: report.status, sections: [move(section, 'approved')], event: { section: section.id } };
    }
    case 'approveReport': {
      const pending = report.sections.filter((s) => s.status !== 'approved');
      if (pending.length > 0) {
        throw new ConflictError(
          `Cannot approve the report: ${pending.length} section(s) not approved (${pending.map((s) => `${s.id} ${s.status}`).join(', ')}).`,
        );
      }
      return { ...base, reportTo: rule.reportTo!, sections: [], event: {} };
    }
    case 'publishReport':
      return { ...base, reportTo: rule.reportTo!, sections: [], event: {} };
  }
}

export interface ImportOptions {
  /** Submit on the country's behalf in the same write (the `submitImport` row of the table). */
  submit?: boolean;
  /** Replace answers the country has already saved; without it such an import is refused. */
  overwrite?: boolean;
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
    const nothingToReport = answer.nothingToReport === true || answer.text.trim() === '';
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
    event: { detail: `imported from ${source}${options.submit ? ' and submitted on the country\'s behalf' : ''}${saved.length ? `, replacing ${saved.length} saved answer(s)` : ''}` },
  });
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
      if (change.text !== undefined) Object.assign(next, { text: change.text, nothingToReport: change.nothingToReport ?? false, updatedAt: at, updatedBy: by });
      if (typeof change.returnComment === 'string') next.returnComment = change.returnComment;
      else if (change.returnComment === null) delete next.returnComment;
      return next;
    }),
  };
}
