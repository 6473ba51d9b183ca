/**
 * What the web app loads on first use instead of at cold start.
 *
 * Route groups: app.tsx declares every route of the site (`'GET /reports/:cycle'`) with the group that
 * serves it; `mountLazy` registers those routes at once, and a group's module (routes/*.tsx, with the
 * use cases and request schemas it imports) loads on the first request of one of its routes, once per
 * app. The group's own router (`reportRoutes(site)`) is built then and its handler for that method and
 * path runs with the app's context (the pipeline's session and page, the path's parameters).
 * test/unit/web-routes.test.ts checks the declared routes against each group's, in order. A group
 * registers handlers only, one per route: the middleware is the app's (pipeline.ts).
 *
 * Pages: `const ReportPage = lazyPage(() => import('../pages/report'), 'ReportPage')` gives a component
 * used exactly like the page itself (`<ReportPage … />` in `render`), whose module is a lazy chunk too
 * (and with it `marked`, which only pages showing answers use).
 */
import type { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { loadOnce } from '../../shared/lazily';
import type { Site, WebEnv } from './context';

type Component = (props: any) => unknown;

export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] extends Component ? (props: Parameters<M[K]>[0]) => Promise<JSX.Element> : never {
  const loaded = loadOnce(() => load().then((module) => module[name] as Component));
  const page = async (props: unknown) => (await loaded())(props) as JSX.Element;
  return page as never;
}

type Method = 'GET' | 'POST';
/** A route as `'<METHOD> <path>'`, the path written as the group registers it. */
export type Route = `${Method} /${string}`;

export interface RouteGroup {
  /** The group's router, built for a site (what `app.route('/', …)` would mount). */
  build(site: Site): Promise<Hono<WebEnv>>;
  routes: readonly Route[];
}

/** A group of routes whose module loads on first use: `lazyRoutes(() => import('./routes/x'), 'xRoutes', ['GET /x', …])`. */
export function lazyRoutes<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: M[K] extends (site: Site) => Hono<WebEnv> ? K : never,
  routes: readonly Route[],
): RouteGroup {
  return { build: async (site) => ((await load())[name] as (site: Site) => Hono<WebEnv>)(site), routes };
}

/** Registers each group's routes on the app; a group is loaded and built on its first request. */
export function mountLazy(app: Hono<WebEnv>, site: Site, groups: readonly RouteGroup[]): void {
  for (const group of groups) {
    // A failed load is not kept: the next request tries again (a static import that failed would have failed the cold start instead).
    const load = loadOnce(() => group.build(site));
    for (const route of group.routes) {
      const [method, path] = route.split(' ') as [Method, string];
      app.on(method, path, async (c, next) => {
        const found = (await load()).routes.find((r) => r.method === method && r.path === path);
        if (!found) throw new Error(`${route} is declared in functions/web/app.tsx but its group does not register it`);
        return found.handler(c, next);
      });
    }
  }
}
