/**
 * The directory's use cases (admins invite, edit and disable people; everyone reads and sets their
 * own notice preferences) and the outbox's (admins read it with delivery status). The API
 * (functions/people) and the web pages call these.
 */
import type { Directory, NewPerson, PersonChanges } from '../people/directory';
import type { Notice, NoticeStatus } from '../store/notice-items';
import type { OutboxStore } from '../store/outbox-store';
import { InvalidInputError, NotFoundError, authorizeCycleAdmin, noticesFor, type Actor, type Person, type Preferences } from '../workflow';
import type { CycleCatalog } from './deps';

export interface PeopleDeps {
  directory: Directory;
  cycles: CycleCatalog;
}

export interface NotificationDeps {
  outbox: OutboxStore;
  cycles: CycleCatalog;
}

const ADMIN = ['admin'] as const;

/** Countries that take part in some cycle: a rapporteur reports for one of them. */
async function participantCodes(cycles: CycleCatalog): Promise<Set<string>> {
  return new Set((await cycles.list()).flatMap((info) => info.cycle.participants.map((p) => p.code)));
}

/** A rapporteur needs a participant country; other roles have none. */
async function checkCountry(cycles: CycleCatalog, role: Person['role'], country: string | null | undefined): Promise<void> {
  if (role === 'rapporteur') {
    if (!country) throw new InvalidInputError('A rapporteur reports for a country.', [{ path: 'body.country', message: 'required for a rapporteur' }]);
    if (!(await participantCodes(cycles)).has(country)) throw new InvalidInputError(`${country} takes part in no cycle.`, [{ path: 'body.country', message: 'must be a participant of a cycle' }]);
  } else if (country) {
    throw new InvalidInputError('Only rapporteurs have a country.', [{ path: 'body.country', message: `must be empty for a ${role}` }]);
  }
}

export async function listPeople(deps: PeopleDeps, actor: Actor): Promise<Person[]> {
  authorizeCycleAdmin(actor, ADMIN, 'manage people');
  return deps.directory.list();
}

export async function invitePerson(deps: PeopleDeps, actor: Actor, input: NewPerson): Promise<Person> {
  authorizeCycleAdmin(actor, ADMIN, 'invite people');
  await checkCountry(deps.cycles, input.role, input.country);
  return deps.directory.create({ ...input, email: input.email.trim() });
}

export async function updatePerson(deps: PeopleDeps, actor: Actor, id: string, changes: PersonChanges): Promise<Person> {
  authorizeCycleAdmin(actor, ADMIN, 'edit people');
  const before = await deps.directory.get(id);
  if (!before) throw new NotFoundError(`No person ${id} in the directory.`);
  const role = changes.role ?? before.role;
  const country = changes.country === undefined ? (role === 'rapporteur' ? before.country : undefined) : changes.country;
  await checkCountry(deps.cycles, role, country);
  // A person who stops being a rapporteur loses their country.
  return deps.directory.update(id, { ...changes, ...(role !== 'rapporteur' && before.country ? { country: null } : {}) });
}

/** Disables a person (DELETE): they get nothing more, and history keeps their name. */
export async function disablePerson(deps: PeopleDeps, actor: Actor, id: string): Promise<Person> {
  authorizeCycleAdmin(actor, ADMIN, 'disable people');
  return deps.directory.update(id, { disabled: true });
}

/** A person's own page: who they are in the directory and what they will be told. */
export async function myNotices(deps: Pick<PeopleDeps, 'directory'>, actor: Actor): Promise<{ person: Person | undefined; notices: ReturnType<typeof noticesFor> }> {
  const person = await deps.directory.get(actor.sub);
  const role = person?.role ?? actor.roles[0] ?? 'rapporteur';
  return { person, notices: noticesFor({ role, preferences: person?.preferences ?? { replies: true } }) };
}

export async function setMyPreferences(deps: Pick<PeopleDeps, 'directory'>, actor: Actor, preferences: Preferences): Promise<Person> {
  const person = await deps.directory.get(actor.sub);
  if (!person) throw new NotFoundError('You are not in the directory: notices reach only the directory\'s people.');
  return deps.directory.setPreferences(actor.sub, preferences);
}

/** The outbox with delivery status (admin), newest first; without a cycle, every cycle's. One Query per cycle. */
export async function listNotifications(deps: NotificationDeps, actor: Actor, filter: { cycle?: string | undefined; country?: string | undefined; status?: NoticeStatus | undefined }): Promise<Notice[]> {
  authorizeCycleAdmin(actor, ADMIN, 'read the notifications');
  const cycles = filter.cycle ? [filter.cycle] : (await deps.cycles.list()).map((i) => i.cycle.id);
  const lists = await Promise.all(cycles.map((c) => deps.outbox.list(c)));
  return lists
    .flat()
    .filter((n) => (!filter.country || n.country === filter.country) && (!filter.status || n.status === filter.status))
    .sort((a, b) => b.at.localeCompare(a.at));
}
