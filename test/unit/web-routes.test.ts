/**
 * The web app's route groups load on first use (functions/web/lazy.ts): app.tsx declares every route
 * with its group, and each group registers the same routes, in the same order; a group loads once, on
 * the first request of one of its routes, and its handler runs with the app's context.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDepsWithAttachments } from '../../functions/attachment-deps';
import { ROUTE_GROUPS } from '../../functions/web/app';
import { createSite, type WebEnv } from '../../functions/web/context';
import { mountLazy, type RouteGroup } from '../../functions/web/lazy';

// Building a group's router reads nothing: the deps are only captured by its handlers.
const site = createSite({} as AppDepsWithAttachments, {});

describe('web route groups', () => {
  it.each(ROUTE_GROUPS.map((group, i) => ({ i, group, first: group.routes[0] })))('group $i ($first …): declared in app.tsx exactly as the group registers its routes', async ({ group }) => {
    const router = await group.build(site);
    expect(router.routes.map((r) => `${r.method} ${r.path}`)).toEqual(group.routes);
  });

  it('declares each route once across the groups', () => {
    const all = ROUTE_GROUPS.flatMap((g) => g.routes);
    expect(all.length).toBeGreaterThan(50);
    expect(new Set(all).size).toBe(all.length);
  });

  it('loads a group on the first request of one of its routes, once, and runs its handler with the app’s context and the path’s parameters', async () => {
    let builds = 0;
    const group: RouteGroup = {
      routes: ['GET /things/:id', 'POST /things/:id'],
      build: async () => {
        builds += 1;
        return new Hono<WebEnv>()
          .get('/things/:id', (c) => c.text(`get ${c.req.param('id')} for ${c.get('requestId')}`))
          .post('/things/:id', (c) => c.text(`post ${c.req.param('id')}`, 201));
      },
    };
    const app = new Hono<WebEnv>();
    app.use(async (c, next) => {
      c.set('requestId', 'req-1');
      await next();
    });
    mountLazy(app, site, [group]);
    expect(builds).toBe(0);
    const got = await app.request('/things/a%20b');
    expect([got.status, await got.text()]).toEqual([200, 'get a b for req-1']);
    const posted = await app.request('/things/7', { method: 'POST' });
    expect([posted.status, await posted.text()]).toEqual([201, 'post 7']);
    expect(builds).toBe(1);
    expect((await app.request('/things/7', { method: 'DELETE' })).status).toBe(404);
  });

  it('fails a declared route its group does not register with an error naming it', async () => {
    const app = new Hono<WebEnv>();
    let error: unknown;
    app.onError((e, c) => {
      error = e;
      return c.text('failed', 500);
    });
    mountLazy(app, site, [{ routes: ['GET /missing'], build: async () => new Hono<WebEnv>().get('/other', (c) => c.text('other')) }]);
    expect((await app.request('/missing')).status).toBe(500);
    expect(String(error)).toContain('GET /missing is declared in functions/web/app.tsx but its group does not register it');
  });

  it('tries a group again on the next request when loading it failed', async () => {
    let builds = 0;
    const app = new Hono<WebEnv>();
    app.onError((e, c) => c.text(String(e), 500));
    mountLazy(app, site, [
      {
        routes: ['GET /flaky'],
        build: async () => {
          builds += 1;
          if (builds === 1) throw new Error('could not load the group');
          return new Hono<WebEnv>().get('/flaky', (c) => c.text('loaded'));
        },
      },
    ]);
    const failed = await app.request('/flaky');
    expect([failed.status, await failed.text()]).toEqual([500, 'Error: could not load the group']);
    const loaded = await app.request('/flaky');
    expect([loaded.status, await loaded.text()]).toEqual([200, 'loaded']);
    await app.request('/flaky');
    expect(builds).toBe(2);
  });
});
