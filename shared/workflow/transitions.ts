/**
 * The workflow table of the design as data: the single source of truth for who may do what,
 * from which state, and what changes. Decisions (decide.ts), store conditions and tests derive from it.
 */
import type { ReportStatus, Role, SectionStatus, Verdict } from './model';

export const ACTIONS = [
  'saveSection',
  'submitReport',
  'approveSection',
  'returnSection',
  'approveReport',
  'publishReport',
  'importReport',
  'submitImport',
  'saveDraftReview',
  'sendReview',
  'replyOnSection',
  'addNote',
  'reopenSection',
  'reopenReport',
  'prefillReport',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * A condition on every section of the report that a report action needs besides its statuses:
 * an answer (or the nothing-to-report mark) in each; every section approved; every returned section
 * revised or answered by the country since its return.
 */
export type ReportPrecondition = 'everySectionAnswered' | 'everySectionApproved' | 'everyReturnAnswered';

export interface TransitionRule {
  /** Roles allowed to act. */
  roles: readonly Role[];
  /** A rapporteur may act only on their own country's report. */
  ownCountryOnly: boolean;
  /** Whether the action names one section (`…/sections/{s}/approve`) or acts on the whole report. */
  scope: 'section' | 'report';
  /** Report statuses the action starts from (undefined: not constrained by the report status). */
  reportFrom?: readonly ReportStatus[];
  /** Status of the report afterwards (undefined: unchanged). */
  reportTo?: ReportStatus;
  /** Section statuses the action applies to. For a section action: the target section's; for a report action: which sections move. */
  sectionFrom?: readonly SectionStatus[];
  /** Status of the affected sections afterwards (undefined: unchanged). */
  sectionTo?: SectionStatus;
  /** What every section must satisfy first. */
  requires?: readonly ReportPrecondition[];
  /** One-line description for documentation and error messages. */
  summary: string;
}

export const TRANSITIONS: Readonly<Record<Action, TransitionRule>> = {
  saveSection: {
    roles: ['rapporteur'],
    ownCountryOnly: true,
    scope: 'section',
    sectionFrom: ['draft', 'returned'],
    summary: 'save a section (its text changes, its status stays)',
  },
  submitReport: {
    roles: ['rapporteur'],
    ownCountryOnly: true,
    scope: 'report',
    reportFrom: ['draft', 'returned'],
    reportTo: 'submitted',
    sectionFrom: ['draft', 'returned'],
    sectionTo: 'submitted',
    requires: ['everySectionAnswered', 'everyReturnAnswered'],
    summary: 'submit the report (every draft or returned section becomes submitted)',
  },
  approveSection: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'section',
    sectionFrom: ['submitted'],
    sectionTo: 'approved',
    summary: 'approve a submitted section',
  },
  returnSection: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'section',
    sectionFrom: ['submitted'],
    sectionTo: 'returned',
    reportTo: 'returned',
    summary: 'return a submitted section with a comment',
  },
  approveReport: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['submitted'],
    reportTo: 'approved',
    requires: ['everySectionApproved'],
    summary: 'approve a report whose every section is approved',
  },
  publishReport: {
    roles: ['admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['approved'],
    reportTo: 'published',
    summary: 'publish an approved report',
  },
  importReport: {
    roles: ['admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['draft'],
    sectionFrom: ['draft'],
    sectionTo: 'draft',
    summary: 'import a reporting-form document into a draft report',
  },
  submitImport: {
    roles: ['admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['draft'],
    reportTo: 'submitted',
    sectionFrom: ['draft'],
    sectionTo: 'submitted',
    summary: "import a reporting-form document and submit it on its country's behalf (the country filed it as a document)",
  },
  // Stage 2: reviews and conversations. A review's decisions follow the approveSection and
  // returnSection rows above (VERDICT_ACTIONS); sending them is one state change of the report.
  saveDraftReview: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['submitted', 'returned'],
    summary: 'keep a draft review of a report (seen by the secretariat only)',
  },
  sendReview: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['submitted', 'returned'],
    summary: 'send a review (every decision applied at once)',
  },
  replyOnSection: {
    roles: ['rapporteur'],
    ownCountryOnly: true,
    scope: 'section',
    sectionFrom: ['returned'],
    summary: "reply in a returned section's conversation",
  },
  addNote: {
    roles: ['reviewer', 'admin'],
    ownCountryOnly: false,
    scope: 'section',
    summary: "add a note to a section's conversation (internal, or for the country)",
  },
  // Corrections after approval: the approval is voided and the country revises; what the public
  // reads stays the last publication until the correction is published as the next one.
  reopenSection: {
    roles: ['admin'],
    ownCountryOnly: false,
    scope: 'section',
    reportFrom: ['submitted', 'returned', 'approved', 'published'],
    reportTo: 'returned',
    sectionFrom: ['approved'],
    sectionTo: 'returned',
    summary: 'reopen an approved section with a reason (it goes back to the country)',
  },
  reopenReport: {
    roles: ['admin'],
    ownCountryOnly: false,
    scope: 'report',
    reportFrom: ['approved', 'published'],
    reportTo: 'returned',
    summary: 'reopen an approved or published report with a reason (its sections are reopened one by one)',
  },
  prefillReport: {
    roles: ['rapporteur'],
    ownCountryOnly: true,
    scope: 'report',
    reportFrom: ['draft', 'returned'],
    // Only editable sections without an answer receive last cycle's text; their status stays.
    sectionFrom: ['draft', 'returned'],
    summary: "copy last cycle's answers into the sections that have no answer yet",
  },
};

/** The table row that governs each verdict of a review. */
export const VERDICT_ACTIONS = { approve: 'approveSection', return: 'returnSection' } as const satisfies Record<Verdict, Action>;

/** Section statuses in which a rapporteur may still change an answer (and its attachments). */
export const EDITABLE_SECTION_STATUSES: readonly SectionStatus[] = TRANSITIONS.saveSection.sectionFrom!;
