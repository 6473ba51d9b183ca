/**
 * Pages loaded on first render: `const ReportPage = lazyPage(() => import('../pages/report'), 'ReportPage')`
 * gives a component used exactly like the page itself (`<ReportPage … />` in `render`), whose module is a
 * lazy chunk of the bundle (infra/build.ts splits on dynamic imports). A cold start evaluates the
 * routes, not the pages of every route group (and not marked, which only pages showing answers use);
 * the first request of a group loads its pages once per container.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';

type Component = (props: any) => unknown;

export function lazyPage<M, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] extends Component ? (props: Parameters<M[K]>[0]) => Promise<JSX.Element> : never {
  let loaded: Promise<Component> | undefined;
  const page = async (props: unknown) => {
    loaded ??= load().then((module) => module[name] as Component);
    return (await loaded)(props) as JSX.Element;
  };
  return page as never;
}
