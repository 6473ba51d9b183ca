/**
 * Use cases on cycles: the list of reporting cycles and one cycle's form, participants and deadline
 * (nothing here is confidential: the public pages show it; the API asks for a sign-in), and the
 * admin's changes: create a cycle from a previous one, change its title, deadline or participants,
 * replace its form while planned, open and close it, extend one participant's deadline.
 *
 * An admin change reads every cycle consistently (one Query, which also refreshes this container's
 * cache), decides with the pure rules of shared/workflow/cycles.ts and writes the cycle's item on the
 * version read (one PutItem): a concurrent change gives 409, never a silent overwrite.
 */
import { followingForm, type Cycle, type CycleInfo, type CycleStatus, type Form, type Participant } from '../form';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PreconditionFailedError,
  CYCLE_CREATORS,
  authorizeCycleAdmin,
  decideCycleAction,
  type Actor,
  type CycleAction,
  type FieldError,
} from '../workflow';
import type { CycleAdminDeps, CycleCatalog } from './deps';
import { cycleOr404, participantOr404 } from './resolve';

export interface CycleSummary {
  id: string;
  year: number;
  title: string;
  status: CycleStatus;
  deadline: string;
  participants: number;
  previous?: string;
}

export function cycleSummary({ cycle }: CycleInfo): CycleSummary {
  return {
    id: cycle.id,
    year: cycle.year,
    title: cycle.title,
    status: cycle.status,
    deadline: cycle.deadline,
    participants: cycle.participants.length,
    ...(cycle.previous ? { previous: cycle.previous } : {}),
  };
}

/** Every cycle, oldest first. */
export async function listCycles(deps: { cycles: CycleCatalog }): Promise<CycleSummary[]> {
  return (await deps.cycles.list()).map(cycleSummary);
}

/** One cycle with its form and participants, or a 404. */
export function getCycle(deps: { cycles: CycleCatalog }, cycle: string): Promise<CycleInfo> {
  return cycleOr404(deps.cycles, cycle);
}

/**
 * The cycle pages lead to by default: the latest open one, else the latest that is not planned, else
 * the latest; for a rapporteur (`country`), among the cycles the country takes part in.
 */
export async function currentCycle(deps: { cycles: CycleCatalog }, country?: string): Promise<CycleInfo> {
  const every = await deps.cycles.list();
  const joined = country === undefined ? every : every.filter((i) => i.cycle.participants.some((p) => p.code === country));
  const all = joined.length > 0 ? joined : every;
  const latest = (status?: CycleStatus) => all.filter((i) => status === undefined || i.cycle.status === status).at(-1);
  return latest('open') ?? all.filter((i) => i.cycle.status !== 'planned').at(-1) ?? latest()!;
}

/** Every cycle with its form and settings, for the admin pages (administrators only). */
export async function listCyclesToManage(deps: { cycles: CycleCatalog }, actor: Actor): Promise<CycleInfo[]> {
  authorizeCycleAdmin(actor, CYCLE_CREATORS, 'manage cycles');
  return deps.cycles.list();
}

/** One cycle for its admin page (administrators only), or a 404. */
export async function getCycleToManage(deps: { cycles: CycleCatalog }, actor: Actor, cycle: string): Promise<CycleInfo> {
  authorizeCycleAdmin(actor, CYCLE_CREATORS, 'manage cycles');
  return cycleOr404(deps.cycles, cycle);
}

/** A cycle's entity tag: its item's version (If-Match on the admin changes). */
export function cycleEtag(info: CycleInfo): string {
  return `"cycle-${info.cycle.id}-v${info.version}"`;
}

export interface CreateCycleInput {
  id: string;
  year: number;
  /** The cycle whose form is copied (years moved on) and whose commitments the new one follows up; default the latest before `year`. */
  from?: string | undefined;
  deadline: string;
  /** ISO codes; default the participants of `from`. */
  participants?: readonly string[] | undefined;
  title?: string | undefined;
}

/** Creates a planned cycle from a previous one: its form with the years moved on, its participants (or the given ones). */
export async function createCycle(deps: CycleAdminDeps, actor: Actor, input: CreateCycleInput): Promise<CycleInfo> {
  authorizeCycleAdmin(actor);
  const all = await deps.cycles.fresh();
  if (all.some((i) => i.cycle.id === input.id)) throw new ConflictError(`There is a ${input.id} cycle already; change it instead of creating it again.`);
  const from = input.from === undefined ? all.filter((i) => i.cycle.year < input.year).at(-1) : all.find((i) => i.cycle.id === input.from);
  if (!from) {
    throw invalid(input.from === undefined ? [{ path: 'body.year', message: 'must come after an existing cycle, whose form it copies' }] : [{ path: 'body.from', message: `names no cycle (there is no ${input.from} cycle)` }]);
  }
  if (from.cycle.year >= input.year) throw invalid([{ path: 'body.year', message: `must be later than the year of the ${from.cycle.id} cycle it follows (${from.cycle.year})` }]);
  const form = followingForm(from.cycle.form, input.year - from.cycle.year);
  const participants = input.participants ? await participantsFrom(input.participants, from.cycle.participants) : from.cycle.participants;
  const cycle: Cycle = {
    id: input.id,
    year: input.year,
    title: input.title ?? form.title,
    form,
    deadline: input.deadline,
    participants,
    status: 'planned',
    previous: from.cycle.id,
    extensions: {},
  };
  return deps.cycles.save(cycle, 0);
}

export interface UpdateCycleInput {
  cycle: string;
  title?: string | undefined;
  deadline?: string | undefined;
  opensAt?: string | undefined;
  /** The whole list of ISO codes: a code not there before joins (named from the ISO list), one missing leaves. */
  participants?: readonly string[] | undefined;
  ifMatch?: string | undefined;
}

/**
 * Changes a cycle's title, deadline or participants. A participant whose report has been started
 * cannot leave (409, naming it): its answers would disappear from every page.
 */
export async function updateCycle(deps: CycleAdminDeps, actor: Actor, input: UpdateCycleInput): Promise<CycleInfo> {
  return changeCycle(deps, actor, 'updateCycle', input, async (cycle) => {
    const next: Cycle = { ...cycle };
    if (input.title !== undefined) next.title = input.title;
    if (input.deadline !== undefined) next.deadline = input.deadline;
    if (input.opensAt !== undefined) next.opensAt = input.opensAt;
    if (input.participants !== undefined) {
      next.participants = await participantsFrom(input.participants, cycle.participants);
      const leaving = cycle.participants.filter((p) => !input.participants!.includes(p.code));
      if (leaving.length > 0) {
        const items = await deps.reports.readItems({ reports: leaving.map((p) => ({ cycle: cycle.id, country: p.code })) });
        const started = leaving.filter((p) => items.report({ cycle: cycle.id, country: p.code }) !== undefined);
        if (started.length > 0) {
          throw new ConflictError(
            `${started.map((p) => p.name).join(', ')} cannot leave the ${cycle.id} cycle: ${started.length === 1 ? 'its report has' : 'their reports have'} been started, and would no longer be shown.`,
            started.map((p) => ({ path: `body.participants`, message: `must keep ${p.code}, whose report has been started` })),
          );
        }
        next.extensions = Object.fromEntries(Object.entries(cycle.extensions).filter(([code]) => input.participants!.includes(code)));
      }
    }
    return next;
  });
}

/** Replaces the form of a planned cycle (validated at the boundary by the same schema as 2014's). 409 once the cycle has opened. */
export function updateCycleForm(deps: CycleAdminDeps, actor: Actor, input: { cycle: string; form: Form; ifMatch?: string | undefined }): Promise<CycleInfo> {
  return changeCycle(deps, actor, 'updateCycleForm', input, (cycle) => ({ ...cycle, form: input.form }));
}

/** Opens a cycle: reports can be written, and its form is frozen. */
export function openCycle(deps: CycleAdminDeps, actor: Actor, input: { cycle: string }): Promise<CycleInfo> {
  return changeCycle(deps, actor, 'openCycle', input, (cycle, status) => ({ ...cycle, status }));
}

/** Closes a cycle: its reports no longer change. */
export function closeCycle(deps: CycleAdminDeps, actor: Actor, input: { cycle: string }): Promise<CycleInfo> {
  return changeCycle(deps, actor, 'closeCycle', input, (cycle, status) => ({ ...cycle, status }));
}

/** Gives one participant a later deadline, with the reason, who granted it and when. */
export function extendDeadline(deps: CycleAdminDeps, actor: Actor, input: { cycle: string; country: string; deadline: string; reason: string }): Promise<CycleInfo> {
  return changeCycle(deps, actor, 'extendDeadline', input, (cycle, _status, info) => {
    participantOr404(info, input.country);
    if (Date.parse(input.deadline) <= Date.parse(cycle.deadline)) {
      throw invalid([{ path: 'body.deadline', message: `must be later than the cycle's deadline (${cycle.deadline.slice(0, 10)})` }]);
    }
    const extension = { deadline: input.deadline, reason: input.reason, by: { sub: actor.sub, name: actor.name }, at: new Date().toISOString() };
    return { ...cycle, extensions: { ...cycle.extensions, [input.country]: extension } };
  });
}

/** Reads the cycle consistently, checks the action and the If-Match, applies `change`, writes on the version read. */
async function changeCycle(
  deps: CycleAdminDeps,
  actor: Actor,
  action: CycleAction,
  input: { cycle: string; ifMatch?: string | undefined },
  change: (cycle: Cycle, status: CycleStatus, info: CycleInfo) => Cycle | Promise<Cycle>,
): Promise<CycleInfo> {
  const info = (await deps.cycles.fresh()).find((i) => i.cycle.id === input.cycle);
  if (!info) throw new NotFoundError(`There is no reporting cycle ${input.cycle}.`);
  const status = decideCycleAction(action, actor, info.cycle);
  if (input.ifMatch !== undefined && input.ifMatch !== cycleEtag(info)) {
    throw new PreconditionFailedError(`The ${info.cycle.id} cycle changed since you read it; reload it and make your change again.`);
  }
  return deps.cycles.save(await change(info.cycle, status, info), info.version);
}

/**
 * Participants from ISO codes: a code the cycle had keeps its name (as the Alliance's documents gave
 * it); a new one is named from the ISO 3166-1 list (XK: Kosovo). Unknown or repeated codes are a 400.
 */
async function participantsFrom(codes: readonly string[], known: readonly Participant[]): Promise<Participant[]> {
  // The ISO list is loaded the first time a cycle's participants change, not at cold start.
  const { isoCountryName } = await import('../form/countries');
  const names = new Map(known.map((p) => [p.code, p.name]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const participants = codes.map((code, i) => {
    if (seen.has(code)) errors.push({ path: `body.participants.${i}`, message: `lists ${code} twice` });
    seen.add(code);
    const name = names.get(code) ?? isoCountryName(code);
    if (!name) errors.push({ path: `body.participants.${i}`, message: `${code} is not a country code of the ISO 3166-1 list` });
    return { code, name: name ?? code };
  });
  if (errors.length > 0) throw invalid(errors);
  return participants;
}

function invalid(errors: FieldError[]): InvalidInputError {
  return new InvalidInputError(`The cycle cannot be saved: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}.`, errors);
}
