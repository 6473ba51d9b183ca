/**
 * Who may do what, as pure functions of the actor: the one place for "is staff", "may read this
 * report", "may act" and "may edit this section". The use cases, the API and the web pages ask these.
 */
import type { Cycle } from '../form';
import { reportsFrozenReason } from './cycles';
import { ForbiddenError } from './errors';
import { otherCountryRefusal, roleRefusal } from './messages';
import type { Actor, ReportStatus, SectionStatus } from './model';
import { EDITABLE_SECTION_STATUSES, TRANSITIONS, type Action } from './transitions';

/** The secretariat: reviewers and admins. */
export function isStaff(actor: Actor | undefined): boolean {
  return !!actor && actor.roles.some((role) => role === 'reviewer' || role === 'admin');
}

/** Who may read a report whatever its status (and its history): the country's rapporteurs, reviewers and admins. */
export function isReaderOf(actor: Actor | undefined, country: string): boolean {
  if (!actor) return false;
  if (isStaff(actor)) return true;
  return actor.roles.includes('rapporteur') && actor.country === country;
}

/** Who may read a report: its readers (above), and anyone once it is published. */
export function canRead(actor: Actor | undefined, country: string, status: ReportStatus): boolean {
  return status === 'published' || isReaderOf(actor, country);
}

/** Throws ForbiddenError unless the actor holds a role of the action (and, for a rapporteur, owns the country). */
export function authorize(action: Action, actor: Actor, country: string): void {
  const rule = TRANSITIONS[action];
  if (!actor.roles.some((role) => rule.roles.includes(role))) {
    throw new ForbiddenError(roleRefusal(action, rule.roles));
  }
  // Own-country actions are the rapporteur's: whatever other roles an actor holds, the country must match.
  if (rule.ownCountryOnly && actor.country !== country) {
    throw new ForbiddenError(otherCountryRefusal(actor.country, country));
  }
}

/** True when `actor` holds a role of `action` for `country` (whatever the state). */
export function holdsRoleFor(action: Action, actor: Actor | undefined, country: string): boolean {
  if (!actor) return false;
  try {
    authorize(action, actor, country);
    return true;
  } catch {
    return false;
  }
}

/** Answers and attachments change only while their section is editable (draft or returned); they lock with it. */
export function isSectionEditable(status: SectionStatus): boolean {
  return EDITABLE_SECTION_STATUSES.includes(status);
}

/** The country's rapporteur may edit this section's answer and attachments now (the section editable, its cycle open). */
export function canEditSection(actor: Actor | undefined, country: string, status: SectionStatus, cycle: Pick<Cycle, 'id' | 'status'>): boolean {
  return holdsRoleFor('saveSection', actor, country) && isSectionEditable(status) && reportsFrozenReason(cycle) === undefined;
}
