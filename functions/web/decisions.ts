/**
 * What the pages may offer, asked of the workflow itself: each check runs the same pure decision
 * the use case runs, so a button is enabled exactly when the action would succeed (as of this read)
 * and a disabled one carries the workflow's own reason.
 */
import { AppError, authorize, decideTransition, type Actor, type ReportState, type TransitionAction, type TransitionInput } from '../../shared/workflow';
import { isSectionEditable } from '../../shared/workflow/attachments';

/** Undefined when `action` is allowed now, else the reason it is not. */
export function whyNot(action: TransitionAction, actor: Actor, report: ReportState, input: TransitionInput = {}): string | undefined {
  try {
    // A placeholder comment: the real one is checked when the reviewer sends the form.
    decideTransition(action, actor, report, action === 'returnSection' ? { ...input, comment: input.comment ?? 'x' } : input);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}

/** True when `actor` holds a role of `action` (whatever the state). */
export function mayAct(action: Parameters<typeof authorize>[0], actor: Actor | undefined, country: string): boolean {
  if (!actor) return false;
  try {
    authorize(action, actor, country);
    return true;
  } catch {
    return false;
  }
}

/** The rapporteur may edit this section's answer and attachments now. */
export function mayEditSection(actor: Actor | undefined, country: string, status: Parameters<typeof isSectionEditable>[0]): boolean {
  return mayAct('saveSection', actor, country) && isSectionEditable(status);
}

export function isReviewer(actor: Actor | undefined): boolean {
  return !!actor && actor.roles.some((r) => r === 'reviewer' || r === 'admin');
}
