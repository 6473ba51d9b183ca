/**
 * The refusals a person can meet, in plain language: what is the case, and what to do. The one place
 * where the workflow's decisions become words; the API's problem details and the pages both show them.
 */
import { dayInWords, timeOfDay } from './dates';
import type { Action } from './transitions';
import type { ReportStatus, Role, SectionState, SectionStatus, Verdict } from './model';

/** What each action does, as the end of "Only reviewers may …". */
const ACTION_WORDS: Record<Action, string> = {
  saveSection: 'change the answers of a report',
  submitReport: 'submit a report',
  approveSection: 'approve a section',
  returnSection: 'return a section to the country',
  approveReport: 'approve a report',
  publishReport: 'publish a report',
  importReport: 'import a document into a report',
  submitImport: "import a document and submit it on the country's behalf",
  saveDraftReview: 'review a report',
  sendReview: 'send a review',
  replyOnSection: 'reply to the reviewers',
  addNote: 'add an internal note',
  reopenSection: 'reopen a section',
  reopenReport: 'reopen a report',
  prefillReport: "copy last cycle's answers into a report",
};

const ROLE_WORDS: Record<Role, string> = { rapporteur: "the country's rapporteurs", reviewer: 'reviewers', admin: 'administrators' };

function list(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A role that may not act: who may. */
export function roleRefusal(action: Action, roles: readonly Role[]): string {
  return `Only ${list(roles.map((r) => ROLE_WORDS[r]))} may ${ACTION_WORDS[action]}.`;
}

/** A rapporteur acting on another country's report. */
export function otherCountryRefusal(own: string | undefined, country: string): string {
  return own
    ? `This is the report of ${country}. You are a rapporteur of ${own}, so you can work only on the report of ${own}.`
    : `This is the report of ${country}. Your account is not the rapporteur of any country, so you cannot work on it.`;
}

/** Where a report stands, as the start of a sentence. */
const REPORT_IS: Record<ReportStatus, string> = {
  draft: 'The country has not submitted this report yet',
  submitted: 'The report has been submitted and is with the reviewers',
  returned: 'Sections of this report have been returned to the country',
  approved: 'The report has been approved',
  published: 'The report has been published',
};

/** An action the report's status does not allow: what is the case, and what to do (or that nothing is left to do). */
export function reportStatusRefusal(action: Action, status: ReportStatus): string {
  const is = REPORT_IS[status];
  switch (action) {
    case 'submitReport':
      return status === 'submitted'
        ? `${is}. You can change it again only if they return a section to you.`
        : `${is}: there is nothing left to submit.`;
    case 'approveReport':
      if (status === 'draft') return `${is}. It can be approved once it is submitted and every section is approved.`;
      if (status === 'returned') return `${is}. The report can be approved once the country submits them again and every section is approved.`;
      return status === 'approved' ? `${is} already.` : 'The report has been approved and published already.';
    case 'publishReport':
      if (status === 'published') return `${is} already.`;
      return `${is}. It can be published once it is approved: approve every section, then the report.`;
    case 'sendReview':
    case 'saveDraftReview':
    case 'approveSection':
    case 'returnSection':
      return status === 'draft'
        ? `${is}: there is nothing to review yet.`
        : `${is}: its sections can no longer be approved or returned. If a decision must change, reopen the section first.`;
    default:
      return `${is}, so you cannot ${ACTION_WORDS[action]} now.`;
  }
}

/** What a section is, said of one section and of several. */
const SECTION_IS: Record<SectionStatus, readonly [one: string, several: string]> = {
  draft: ['is still a draft with the country', 'are still drafts with the country'],
  submitted: ['is waiting for review', 'are waiting for review'],
  returned: ['has been returned to the country', 'have been returned to the country'],
  approved: ['has been approved', 'have been approved'],
};

/**
 * Sections that keep a report from being approved, one phrase per status in the order the statuses
 * first appear ("1.1.A, 1.1.B and 2.1.A are waiting for review; 2.1.B has been returned to the country"),
 * not one per section: a freshly submitted report has 21 waiting.
 */
export function sectionsNotApproved(pending: readonly Pick<SectionState, 'id' | 'status'>[]): string {
  const byStatus = new Map<SectionStatus, string[]>();
  for (const { id, status } of pending) {
    const ids = byStatus.get(status);
    if (ids) ids.push(id);
    else byStatus.set(status, [id]);
  }
  const phrases = [...byStatus].map(([status, ids]) => `${list(ids)} ${SECTION_IS[status][ids.length === 1 ? 0 : 1]}`);
  return `The report can be approved once every section is approved. Not yet: ${phrases.join('; ')}. Decide on the sections waiting for review first; a returned section comes back when the country submits again.`;
}

const DONE_WORDS: Record<Verdict, string> = { approve: 'approved', return: 'returned' };

/** "at 14:05 UTC on 1 December 2026": when a decision was made, for people anywhere. */
export function whenWords(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `at ${timeOfDay(date)} UTC on ${dayInWords(date)}`;
}

/** A decision on a section someone else decided (or the country changed) meanwhile: who changed what, when. */
export function lateDecision(section: Pick<SectionState, 'id' | 'status' | 'review'>, verdict: Verdict): string {
  const decided = section.status === 'approved' || section.status === 'returned';
  const by = section.review && decided ? ` by ${section.review.by.name} ${whenWords(section.review.at)}` : '';
  if (section.status === 'draft') return `Section ${section.id} is still a draft with the country, so it cannot be ${DONE_WORDS[verdict]} yet`;
  if (section.status === TARGET_OF[verdict]) return `Section ${section.id} was ${section.status === 'approved' ? 'approved' : 'returned to the country'} already${by}`;
  return `Section ${section.id} was ${section.status === 'approved' ? 'approved' : 'returned to the country'}${by}, so it can no longer be ${DONE_WORDS[verdict]}`;
}

const TARGET_OF: Record<Verdict, SectionStatus> = { approve: 'approved', return: 'returned' };
