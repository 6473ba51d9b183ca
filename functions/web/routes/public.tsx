/** The public pages: the published reports of a cycle, one published report, its exports and attachments. */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { getPublication, listPublications } from '../../../shared/usecases/publications';
import { getReport, listPublishedReports } from '../../../shared/usecases/reports';
import { chosenCycle, pathOf, redirectTo, render, type Site, type WebEnv } from '../context';
import { lazyPage } from '../lazy';
import { publicCyclePath } from '../paths';
import { download } from './attachments';
import { exportPage } from './reports';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const PublicListPage = lazyPage(() => import('../pages/public'), 'PublicListPage');
const PublicReportPage = lazyPage(() => import('../pages/public'), 'PublicReportPage');

export function publicRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/public', (c) => redirectTo(site, c, publicCyclePath(chosenCycle(c))));

  app.get('/public/:cycle', async (c) => {
    const { info, reports } = await listPublishedReports(deps, pathOf(c, inputs.CycleParam));
    return render(c, <PublicListPage ctx={c.get('page')} info={info} published={reports} />);
  });

  // The latest publication (what the public reads, also during a correction) and the list of all: in parallel.
  app.get('/public/:cycle/:country', async (c) => {
    const at = pathOf(c, inputs.ReportParams);
    const [view, { publications }] = await Promise.all([getReport(deps, undefined, at), listPublications(deps, at)]);
    return render(c, <PublicReportPage ctx={c.get('page')} {...view} publications={publications} />);
  });
  app.get('/public/:cycle/:country/publications/:number', async (c) => {
    const at = pathOf(c, inputs.PublicationParams);
    const [view, { publications }] = await Promise.all([getPublication(deps, at), listPublications(deps, at)]);
    return render(c, <PublicReportPage ctx={c.get('page')} {...view} publications={publications} />);
  });
  app.get('/public/:cycle/:country/export.html', (c) => exportPage(deps, c, undefined, 'html'));
  app.get('/public/:cycle/:country/export.md', (c) => exportPage(deps, c, undefined, 'md'));
  app.get('/public/:cycle/:country/sections/:section/attachments/:id', (c) => download(site, c, undefined));
  return app;
}
