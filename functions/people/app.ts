/** The people app: the directory (admin), one's own notices and preferences, and the outbox (admin). */
import type { Hono } from 'hono';
import { createApp, serve, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { disablePerson, invitePerson, listNotifications, listPeople, myNotices, setMyPreferences, updatePerson } from '../../shared/usecases/people';
import type { AppDeps } from '../deps';
import { routes } from './routes';

export function registerPeopleRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  serve(app, routes.listUsers, async (c) => c.json({ users: await listPeople(deps, requireActor(c.get('actor'))) }, 200));
  serve(app, routes.inviteUser, async (c) => c.json(await invitePerson(deps, requireActor(c.get('actor')), c.req.valid('json')), 201));
  serve(app, routes.updateUser, async (c) => c.json(await updatePerson(deps, requireActor(c.get('actor')), c.req.valid('param').id, c.req.valid('json')), 200));
  serve(app, routes.disableUser, async (c) => c.json(await disablePerson(deps, requireActor(c.get('actor')), c.req.valid('param').id), 200));
  serve(app, routes.getMyNotices, async (c) => c.json(await myNotices(deps, requireActor(c.get('actor'))), 200));
  serve(app, routes.setMyPreferences, async (c) => c.json(await setMyPreferences(deps, requireActor(c.get('actor')), c.req.valid('json')), 200));
  serve(app, routes.listNotifications, async (c) => c.json({ notifications: await listNotifications(deps, requireActor(c.get('actor')), c.req.valid('query')) }, 200));
}

export function createPeopleApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerPeopleRoutes(app, deps));
}
