/**
 * Rules of reporting cycles, as data and pure functions: which admin action is allowed in which
 * cycle status, when reports may change (only while their cycle is open), and deadlines (a
 * participant's extension, overdue reports, late submissions). No AWS, no Hono, no I/O.
 */
import type { Cycle, CycleStatus } from '../form';
import { ConflictError, ForbiddenError } from './errors';
import type { Actor, ReportStatus, Role } from './model';

export interface CycleRule {
  roles: readonly Role[];
  /** Cycle statuses the action starts from. */
  from: readonly CycleStatus[];
  /** Status afterwards (undefined: unchanged). */
  to?: CycleStatus;
  /** What the action does, for messages. */
  summary: string;
}

/** The admin actions on a cycle. Creating one needs no cycle and is the admin's alone too. */
export const CYCLE_ACTIONS = {
  updateCycle: { roles: ['admin'], from: ['planned', 'open', 'closed'], summary: "change a cycle's title, deadline or participants" },
  updateCycleForm: { roles: ['admin'], from: ['planned'], summary: 'change the form of a cycle' },
  openCycle: { roles: ['admin'], from: ['planned', 'closed'], to: 'open', summary: 'open a cycle' },
  closeCycle: { roles: ['admin'], from: ['open'], to: 'closed', summary: 'close a cycle' },
  extendDeadline: { roles: ['admin'], from: ['planned', 'open'], summary: "extend a participant's deadline" },
} as const satisfies Record<string, CycleRule>;
export type CycleAction = keyof typeof CYCLE_ACTIONS;

/** Who creates cycles. */
export const CYCLE_CREATORS: readonly Role[] = ['admin'];

/** Throws ForbiddenError unless `actor` holds a role of the action. */
export function authorizeCycleAdmin(actor: Actor, roles: readonly Role[] = CYCLE_CREATORS, summary = 'create a cycle'): void {
  if (!actor.roles.some((role) => roles.includes(role))) throw new ForbiddenError(`Only administrators may ${summary}.`);
}

const WHY_NOT: Record<CycleAction, (cycle: Pick<Cycle, 'id' | 'status'>) => string> = {
  updateCycle: (c) => `The ${c.id} cycle cannot be changed now.`,
  updateCycleForm: (c) => `The form of the ${c.id} cycle can no longer change: it was frozen when the cycle opened. Create a new cycle to change the questions.`,
  openCycle: (c) => `The ${c.id} cycle is open already.`,
  closeCycle: (c) => `The ${c.id} cycle is ${c.status}: only an open cycle can be closed.`,
  extendDeadline: (c) => `The ${c.id} cycle is closed: open it again before extending a deadline.`,
};

/** Undefined when `action` is allowed on `cycle` now, else why not (in plain words). */
export function cycleRefusal(action: CycleAction, actor: Actor | undefined, cycle: Pick<Cycle, 'id' | 'status'>): string | undefined {
  const rule: CycleRule = CYCLE_ACTIONS[action];
  if (!actor || !actor.roles.some((role) => rule.roles.includes(role))) return `Only administrators may ${rule.summary}.`;
  return rule.from.includes(cycle.status) ? undefined : WHY_NOT[action](cycle);
}

/** Throws the 403 or 409 of `cycleRefusal`; returns the cycle's status afterwards. */
export function decideCycleAction(action: CycleAction, actor: Actor, cycle: Pick<Cycle, 'id' | 'status'>): CycleStatus {
  const rule: CycleRule = CYCLE_ACTIONS[action];
  authorizeCycleAdmin(actor, rule.roles, rule.summary);
  const why = cycleRefusal(action, actor, cycle);
  if (why) throw new ConflictError(why);
  return rule.to ?? cycle.status;
}

/** Undefined while the cycle's reports may change (it is open), else why they may not, for people. */
export function reportsFrozenReason(cycle: Pick<Cycle, 'id' | 'status'>): string | undefined {
  if (cycle.status === 'open') return undefined;
  return cycle.status === 'planned'
    ? `The ${cycle.id} cycle has not opened yet: reports can be written once the secretariat opens it.`
    : `The ${cycle.id} cycle is closed: its reports can no longer change.`;
}

/** Throws the 409 of a report whose cycle is not open. Called through `writableReport` (shared/usecases/resolve.ts). */
export function assertReportsWritable(cycle: Pick<Cycle, 'id' | 'status'>): void {
  const why = reportsFrozenReason(cycle);
  if (why) throw new ConflictError(why);
}

/** The deadline that holds for one participant: its extension, else the cycle's (an extension never brings it forward). */
export function deadlineOf(cycle: Pick<Cycle, 'deadline' | 'extensions'>, country: string): string {
  const extended = cycle.extensions[country]?.deadline;
  return extended !== undefined && Date.parse(extended) > Date.parse(cycle.deadline) ? extended : cycle.deadline;
}

/** True when `at` is after `deadline` (both ISO date-times). */
export function isAfterDeadline(at: string | Date, deadline: string): boolean {
  return new Date(at).getTime() > Date.parse(deadline);
}

/** A report is overdue when it has never been submitted (still a draft) and its participant's deadline has passed. */
export function isOverdue(cycle: Pick<Cycle, 'deadline' | 'extensions'>, country: string, status: ReportStatus, now: Date): boolean {
  return status === 'draft' && isAfterDeadline(now, deadlineOf(cycle, country));
}
