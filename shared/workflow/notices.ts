/**
 * Who is told what: the notices a transition or a deadline produces, their audiences, which a person
 * may turn off, and the choice of recipients among the directory's people. Pure rules, no I/O; the
 * store writes a notice in the transition's own transaction (shared/store/notice-items.ts) and the
 * notifier resolves its recipients at delivery with `recipientsOf`.
 */
import type { Cycle } from '../form';
import { deadlineOf } from './cycles';
import type { Role } from './model';
import type { Action } from './transitions';

export const NOTICE_KINDS = ['reviewSent', 'reportSubmitted', 'replyOnReturn', 'reportApproved', 'reportPublished', 'sectionReopened', 'deadlineIn7Days', 'deadlineIn1Day', 'deadlineOverdue'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The kinds of reminder, in the order they fall due. */
export const REMINDER_KINDS = ['deadlineIn7Days', 'deadlineIn1Day', 'deadlineOverdue'] as const satisfies readonly NoticeKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Who receives a notice: the country's rapporteurs, every reviewer, or the reviewer who returned the section. */
export type Audience = 'countryRapporteurs' | 'reviewers' | 'returningReviewer';

export interface NoticeRule {
  audience: Audience;
  /** A person may turn it off (non-essential); the others always reach their audience. */
  optional: boolean;
  /** What the person is told, as the person's page lists it. */
  describe: string;
}

export const NOTICE_RULES: Readonly<Record<NoticeKind, NoticeRule>> = {
  reviewSent: { audience: 'countryRapporteurs', optional: false, describe: "a review of your country's report was sent (sections returned and approved)" },
  reportSubmitted: { audience: 'reviewers', optional: false, describe: 'a report was submitted or resubmitted for review' },
  replyOnReturn: { audience: 'returningReviewer', optional: true, describe: 'a country replied on a section you returned' },
  reportApproved: { audience: 'countryRapporteurs', optional: false, describe: "your country's report was approved" },
  reportPublished: { audience: 'countryRapporteurs', optional: false, describe: "your country's report was published" },
  sectionReopened: { audience: 'countryRapporteurs', optional: false, describe: "the secretariat reopened an approved section of your country's report for a correction" },
  deadlineIn7Days: { audience: 'countryRapporteurs', optional: false, describe: "7 days before your country's deadline, while the report is not submitted" },
  deadlineIn1Day: { audience: 'countryRapporteurs', optional: false, describe: "1 day before your country's deadline, while the report is not submitted" },
  deadlineOverdue: { audience: 'countryRapporteurs', optional: false, describe: "once when your country's deadline has passed and the report is not submitted" },
};

/** The transitions that someone must act on, and the notice each writes in its own transaction. */
export const NOTICES_BY_ACTION: Readonly<Partial<Record<Action, NoticeKind>>> = {
  sendReview: 'reviewSent',
  // A stage-1 return is a one-decision review: the country must act on it.
  returnSection: 'reviewSent',
  submitReport: 'reportSubmitted',
  submitImport: 'reportSubmitted',
  replyOnSection: 'replyOnReturn',
  approveReport: 'reportApproved',
  publishReport: 'reportPublished',
  // A reopened section is back with the country, with the reason in its conversation.
  reopenSection: 'sectionReopened',
};

/** What a person may turn off: the optional notices. */
export const NOTICE_PREFERENCES = ['replies'] as const;
export type NoticePreference = (typeof NOTICE_PREFERENCES)[number];
export type Preferences = Record<NoticePreference, boolean>;
export const DEFAULT_PREFERENCES: Preferences = { replies: true };
const PREFERENCE_OF: Partial<Record<NoticeKind, NoticePreference>> = { replyOnReturn: 'replies' };

/** A person of the directory, as notices need them. */
export interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Rapporteurs: their country. */
  country?: string;
  disabled: boolean;
  preferences: Preferences;
}

/** The facts a notice carries: addresses and counts, never answer or comment text. */
export interface NoticeFacts {
  kind: NoticeKind;
  cycle: string;
  country: string;
  section?: string;
  counts?: { returned?: number; approved?: number; sections?: number };
  /** reportSubmitted: a resubmission after a return. */
  resubmitted?: boolean;
  /** Reminders: the participant's deadline (with its extension). */
  deadline?: string;
}

/**
 * The people a notice reaches: never a disabled person, never a rapporteur of another country, and
 * not a person who turned the notice off when it may be turned off. `returningReviewer` is the sub of
 * whoever returned the section (read at delivery).
 */
export function recipientsOf(notice: Pick<NoticeFacts, 'kind' | 'country'>, people: readonly Person[], context: { returningReviewer?: string | undefined } = {}): Person[] {
  const rule = NOTICE_RULES[notice.kind];
  const preference = PREFERENCE_OF[notice.kind];
  return people.filter((p) => {
    if (p.disabled) return false;
    if (rule.optional && preference && p.preferences[preference] === false) return false;
    switch (rule.audience) {
      case 'countryRapporteurs':
        return p.role === 'rapporteur' && p.country === notice.country;
      case 'reviewers':
        return p.role === 'reviewer';
      case 'returningReviewer':
        return context.returningReviewer !== undefined && p.id === context.returningReviewer && p.role !== 'rapporteur';
    }
  });
}

/** What a person will be told, as their page lists it: every kind their role receives, and whether they turned it off. */
export function noticesFor(person: Pick<Person, 'role' | 'preferences'>): Array<{ kind: NoticeKind; describe: string; optional: boolean; on: boolean }> {
  return NOTICE_KINDS.filter((kind) => {
    const audience = NOTICE_RULES[kind].audience;
    return audience === 'countryRapporteurs' ? person.role === 'rapporteur' : audience === 'reviewers' ? person.role === 'reviewer' : person.role !== 'rapporteur';
  }).map((kind) => {
    const preference = PREFERENCE_OF[kind];
    return { kind, describe: NOTICE_RULES[kind].describe, optional: NOTICE_RULES[kind].optional, on: !preference || person.preferences[preference] !== false };
  });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The reminder due for a participant at `now`: overdue once the deadline passed; within 1 day of it,
 * the 1-day reminder; within 7 days, the 7-day one; none earlier, none once the report was submitted.
 * A later run on the same day returns the same kind (the store writes each kind once).
 */
export function reminderDue(cycle: Pick<Cycle, 'deadline' | 'extensions'>, country: string, submitted: boolean, now: Date): ReminderKind | undefined {
  if (submitted) return undefined;
  const left = Date.parse(deadlineOf(cycle, country)) - now.getTime();
  if (left < 0) return 'deadlineOverdue';
  if (left <= DAY) return 'deadlineIn1Day';
  if (left <= 7 * DAY) return 'deadlineIn7Days';
  return undefined;
}
