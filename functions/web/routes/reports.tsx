/**
 * The reports' pages: the reviewers' dashboard, a report (the rapporteur's overview or the reviewer's
 * decisions), the report-level and section-level decisions posted from it, the history and exports.
 */
import { Hono } from 'hono';
import { CycleParam, ReportParams, ReturnSectionBody, SectionParams } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import type { ReportDeps } from '../../../shared/usecases/deps';
import { exportReport, type DocumentFormat } from '../../../shared/usecases/documents';
import { approveReport, approveSection, getHistory, getReport, listReports, publishReport, returnSection, submitReport } from '../../../shared/usecases/reports';
import { ConflictError, ForbiddenError, InvalidInputError, REPORT_STATUSES, isStaff, type Actor, type ReportStatus } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import { DashboardPage } from '../pages/dashboard';
import { HistoryPage } from '../pages/history';
import { ReportPage } from '../pages/report';
import { CURRENT_CYCLE, reportPath, sectionAnchor } from '../paths';

export function reportRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/reports', (c) => redirectTo(site, c, `/reports/${CURRENT_CYCLE}`));

  app.get('/reports/:cycle', async (c) => {
    const actor = requireActor(c);
    const { cycle } = pathOf(c, CycleParam);
    if (!isStaff(actor)) {
      if (actor.country) return redirectTo(site, c, reportPath(cycle, actor.country));
      throw new ForbiddenError('Only reviewers and admins see the dashboard.');
    }
    const status = c.req.query('status');
    const filter = status && (REPORT_STATUSES as readonly string[]).includes(status) ? (status as ReportStatus) : undefined;
    const { info, reports } = await listReports(deps, actor, { cycle });
    return render(c, <DashboardPage ctx={c.get('page')} info={info} all={reports} filter={filter} />);
  });

  app.get('/reports/:cycle/:country', async (c) => {
    const view = await getReport(deps, requireActor(c), pathOf(c, ReportParams));
    return render(c, <ReportPage ctx={c.get('page')} {...view} flash={c.req.query('done')} />);
  });

  /** Runs a report-level decision from a form and redirects to the report. */
  const reportDecision = (decide: typeof submitReport, done: string, fragment: string) => async (c: C) => {
    const at = pathOf(c, ReportParams);
    await decide(deps, requireActor(c), at);
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=${done}${fragment}`);
  };
  app.post('/reports/:cycle/:country/submit', reportDecision(submitReport, 'submitted', '#submit'));
  app.post('/reports/:cycle/:country/approve', reportDecision(approveReport, 'approved', ''));
  app.post('/reports/:cycle/:country/publish', reportDecision(publishReport, 'published', ''));

  app.post('/reports/:cycle/:country/sections/:section/approve', async (c) => {
    const at = pathOf(c, SectionParams);
    await approveSection(deps, requireActor(c), at);
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=section-approved#${sectionAnchor(at.section)}`);
  });

  app.post('/reports/:cycle/:country/sections/:section/return', async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, SectionParams);
    const comment = formText(await formOf(c), 'comment');
    try {
      const { comment: checked } = parseInput(ReturnSectionBody, { comment }, 'body');
      await returnSection(deps, actor, { ...at, comment: checked });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      // The comment is refused, or the section was decided meanwhile: show the page again with the message and the text kept.
      const view = await getReport(deps, actor, at);
      const message =
        error instanceof ConflictError
          ? `${error.message} Your comment was not sent; it is kept below.`
          : `To return section ${at.section}, write a comment for the country: ${error.errors?.[0] ? `The comment ${error.errors[0].message}.` : error.message}`;
      return render(c, <ReportPage ctx={c.get('page')} {...view} returnError={{ section: at.section, comment, message }} />, error.status);
    }
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=section-returned#${sectionAnchor(at.section)}`);
  });

  app.get('/reports/:cycle/:country/history', async (c) => {
    const { info, participant, events } = await getHistory(deps, requireActor(c), pathOf(c, ReportParams));
    return render(c, <HistoryPage ctx={c.get('page')} info={info} participant={participant} events={events} />);
  });

  app.get('/reports/:cycle/:country/export.html', (c) => exportPage(deps, c, requireActor(c), 'html'));
  app.get('/reports/:cycle/:country/export.md', (c) => exportPage(deps, c, requireActor(c), 'md'));

  return app;
}

/** A report in the official layout, for the session's reader rights (the public pages pass no actor). */
export async function exportPage(deps: ReportDeps, c: C, actor: Actor | undefined, format: DocumentFormat): Promise<Response> {
  const at = pathOf(c, ReportParams);
  const body = await exportReport(deps, actor, { ...at, format });
  if (format === 'html') return c.html(body);
  c.header('content-disposition', `attachment; filename="${at.cycle}-${at.country}.md"`);
  return c.body(body, 200, { 'content-type': 'text/markdown; charset=utf-8' });
}
