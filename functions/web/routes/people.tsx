/**
 * The directory's pages for admins (invite, edit, disable or enable people; the outbox) and every
 * signed-in person's own page (what they will be told; turning replies off). The same use cases and
 * body schemas as the API; a refusal shows the page again with what was typed, each message by its field.
 */
import { Hono } from 'hono';
import { people } from '../../../shared/http/people-schemas';
import { parseInput } from '../../../shared/http/validation';
import { disablePerson, invitePerson, listNotifications, listPeople, myNotices, setMyPreferences, updatePerson } from '../../../shared/usecases/people';
import { ConflictError, InvalidInputError, NotFoundError, type AppError } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import type { FieldErrorView } from '../layout';
import { lazyPage } from '../lazy';
import { accountPath, adminNotificationsPath, adminPeoplePath, adminPersonPath } from '../paths';

const AccountPage = lazyPage(() => import('../pages/people'), 'AccountPage');
const NotificationsPage = lazyPage(() => import('../pages/people'), 'NotificationsPage');
const PeoplePage = lazyPage(() => import('../pages/people'), 'PeoplePage');
const PersonPage = lazyPage(() => import('../pages/people'), 'PersonPage');

const shownAgain = (error: unknown): error is AppError => error instanceof InvalidInputError || error instanceof ConflictError;

/** `body.email` → the form's email box, in plain words. */
const fieldErrors = (prefix: string, error: AppError): FieldErrorView[] => {
  const labels: Record<string, string> = { email: 'Email', name: 'Name', role: 'Role', country: 'Country' };
  const errors = (error as InvalidInputError).errors ?? [];
  if (errors.length === 0) return [{ field: `${prefix}-email`, message: error.message }];
  return errors.map((e) => {
    const name = e.path.split('.')[1] ?? 'email';
    return { field: `${prefix}-${labels[name] ? name : 'email'}`, message: `${labels[name] ?? 'Email'}: ${e.message}.` };
  });
};

export function peopleRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();
  const participants = async () => {
    const byCode = new Map((await deps.cycles.list()).flatMap((i) => i.cycle.participants).map((p) => [p.code, p]));
    return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  const typedOf = async (c: C) => {
    const form = await formOf(c);
    return Object.fromEntries(['email', 'name', 'role', 'country'].map((k) => [k, formText(form, k).trim()]));
  };

  app.get(adminPeoplePath, async (c) => {
    const people = await listPeople(deps, requireActor(c));
    return render(c, <PeoplePage ctx={c.get('page')} people={people} participants={await participants()} flash={c.req.query('done') === 'invited' ? 'The person was invited.' : undefined} />);
  });

  app.post(adminPeoplePath, async (c) => {
    const actor = requireActor(c);
    const typed = await typedOf(c);
    try {
      const body = parseInput(people.NewPersonBody, { email: typed.email, name: typed.name, role: typed.role, ...(typed.country ? { country: typed.country } : {}) }, 'body');
      await invitePerson(deps, actor, body);
      return redirectTo(site, c, `${adminPeoplePath}?done=invited#flash`);
    } catch (error) {
      if (!shownAgain(error)) throw error;
      const people = await listPeople(deps, actor);
      return render(c, <PeoplePage ctx={c.get('page')} people={people} participants={await participants()} errors={fieldErrors('invite', error)} typed={typed} />, error.status);
    }
  });

  app.get(adminNotificationsPath, async (c) => {
    const notices = await listNotifications(deps, requireActor(c), {});
    return render(c, <NotificationsPage ctx={c.get('page')} notices={notices} />);
  });

  const personOr404 = async (c: C) => {
    const { id } = pathOf(c, people.PersonParam);
    const person = (await listPeople(deps, requireActor(c))).find((p) => p.id === id);
    if (!person) throw new NotFoundError(`No person ${id} in the directory.`);
    return person;
  };

  app.get(`${adminPeoplePath}/:id`, async (c) => {
    const person = await personOr404(c);
    const done = c.req.query('done');
    return render(c, <PersonPage ctx={c.get('page')} person={person} participants={await participants()} flash={done ? `The person was ${done}.` : undefined} />);
  });

  app.post(`${adminPeoplePath}/:id`, async (c) => {
    const actor = requireActor(c);
    const person = await personOr404(c);
    const typed = await typedOf(c);
    try {
      const body = parseInput(people.PersonChangesBody, { name: typed.name, role: typed.role, country: typed.country || null }, 'body');
      await updatePerson(deps, actor, person.id, body);
      return redirectTo(site, c, `${adminPersonPath(person.id)}?done=saved#flash`);
    } catch (error) {
      if (!shownAgain(error)) throw error;
      return render(c, <PersonPage ctx={c.get('page')} person={person} participants={await participants()} errors={fieldErrors('edit', error)} typed={typed} />, error.status);
    }
  });

  app.post(`${adminPeoplePath}/:id/disable`, async (c) => {
    const person = await personOr404(c);
    await disablePerson(deps, requireActor(c), person.id);
    return redirectTo(site, c, `${adminPersonPath(person.id)}?done=disabled#flash`);
  });

  app.post(`${adminPeoplePath}/:id/enable`, async (c) => {
    const person = await personOr404(c);
    await updatePerson(deps, requireActor(c), person.id, { disabled: false });
    return redirectTo(site, c, `${adminPersonPath(person.id)}?done=enabled#flash`);
  });

  app.get(accountPath, async (c) => {
    const { person, notices } = await myNotices(deps, requireActor(c));
    return render(c, <AccountPage ctx={c.get('page')} person={person} notices={notices} flash={c.req.query('done') ? 'Your choices were saved.' : undefined} />);
  });

  app.post(accountPath, async (c) => {
    const form = await formOf(c);
    await setMyPreferences(deps, requireActor(c), { replies: formText(form, 'replies') === 'on' });
    return redirectTo(site, c, `${accountPath}?done=saved#flash`);
  });

  return app;
}
