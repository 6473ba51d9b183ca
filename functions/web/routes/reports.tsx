/**
 * The reports' pages: the reviewers' dashboard, a report (the rapporteur's overview or the reviewer's
 * decisions), the report-level and section-level decisions posted from it, the history and exports.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { getCommitments, prefillReport, type CommitmentsView } from '../../../shared/usecases/commitments';
import { getCycle } from '../../../shared/usecases/cycles';
import type { ReportDeps } from '../../../shared/usecases/deps';
import type { ReportAddress } from '../../../shared/usecases/resolve';
import { exportReport, type DocumentFormat } from '../../../shared/usecases/documents';
import { listReportComments } from '../../../shared/usecases/comments';
import { changesSinceReview, type SectionChanges } from '../../../shared/usecases/revisions';
import { approveReport, getHistory, getReport, listReports, publishReport, submitReport, type ReportView } from '../../../shared/usecases/reports';
import { ConflictError, ForbiddenError, REPORT_STATUSES, isStaff, refusal, type Actor, type Comment, type ReportStatus } from '../../../shared/workflow';
import { chosenCycle, formOf, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import { lazyPage } from '../lazy';
import type { Confirmation } from '../pages/confirm';
import { dashboardPath, reportPath } from '../paths';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const ConfirmPage = lazyPage(() => import('../pages/confirm'), 'ConfirmPage');
const DashboardPage = lazyPage(() => import('../pages/dashboard'), 'DashboardPage');
const HistoryPage = lazyPage(() => import('../pages/history'), 'HistoryPage');
const ReportPage = lazyPage(() => import('../pages/report'), 'ReportPage');

export function reportRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/reports', (c) => redirectTo(site, c, dashboardPath(chosenCycle(c))));

  app.get('/reports/:cycle', async (c) => {
    const actor = requireActor(c);
    const { cycle } = pathOf(c, inputs.CycleParam);
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
    const data = await reportPageData(deps, requireActor(c), pathOf(c, inputs.ReportParams));
    return render(c, <ReportPage ctx={c.get('page')} {...data} flash={c.req.query('done')} flashSection={c.req.query('at')} />);
  });

  app.post('/reports/:cycle/:country/prefill', async (c) => {
    const at = pathOf(c, inputs.ReportParams);
    const { prefilled } = await prefillReport(deps, requireActor(c), at);
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=${prefilled.length > 0 ? 'prefilled' : 'prefilled-none'}`);
  });

  /**
   * A report-level decision from a form: the first post shows what will happen and asks to confirm
   * (refused at once when the workflow refuses it now); the confirmed post acts and redirects.
   */
  const reportDecision = (action: 'submitReport' | 'approveReport' | 'publishReport', decide: typeof submitReport, done: string, confirmation: (view: ReportView) => Omit<Confirmation, 'action' | 'back'>) => async (c: C) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.ReportParams);
    const path = reportPath(at.cycle, at.country);
    if ((await formOf(c)).confirm !== 'yes') {
      const view = await getReport(deps, actor, at);
      const why = refusal(action, actor, view.report, {}, view.info.cycle);
      if (why) throw new ConflictError(why);
      const back = { href: site.href(path), label: `${view.participant.name}: ${view.info.cycle.id} report` };
      return render(c, <ConfirmPage ctx={c.get('page')} confirmation={{ ...confirmation(view), action: `${path}/${c.req.path.split('/').pop()}`, back }} />);
    }
    await decide(deps, actor, at);
    return redirectTo(site, c, `${path}?done=${done}#flash`);
  };
  app.post(
    '/reports/:cycle/:country/submit',
    reportDecision('submitReport', submitReport, 'submitted', ({ participant, report }) => {
      const moving = report.sections.filter((s) => s.status === 'draft' || s.status === 'returned');
      return {
        title: `Submit the report of ${participant.name}?`,
        consequences: [
          report.status === 'returned'
            ? `${count(moving.length, 'revised section goes', 'revised sections go')} back to the reviewers: ${moving.map((s) => s.id).join(', ')}.`
            : `All ${moving.length} sections go to the reviewers.`,
          'You cannot change them until a reviewer returns a section to you.',
        ],
        confirmLabel: 'Yes, submit the report',
      };
    }),
  );
  app.post(
    '/reports/:cycle/:country/approve',
    reportDecision('approveReport', approveReport, 'approved', ({ participant }) => ({
      title: `Approve the report of ${participant.name}?`,
      consequences: ['Every section is approved: the report becomes approved.', 'An administrator can then publish it, making it readable by everyone.'],
      confirmLabel: 'Yes, approve the report',
    })),
  );
  app.post(
    '/reports/:cycle/:country/publish',
    reportDecision('publishReport', publishReport, 'published', ({ participant, info }) => ({
      title: `Publish the report of ${participant.name}?`,
      consequences: [
        `Anyone can then read the ${info.cycle.id} report of ${participant.name} without signing in, and download it.`,
        'The conversations with the reviewers and the internal notes stay private.',
      ],
      confirmLabel: 'Yes, publish the report',
    })),
  );

  app.get('/reports/:cycle/:country/history', async (c) => {
    const { info, participant, events, comments } = await getHistory(deps, requireActor(c), pathOf(c, inputs.ReportParams));
    return render(c, <HistoryPage ctx={c.get('page')} info={info} participant={participant} events={events} comments={comments} />);
  });

  app.get('/reports/:cycle/:country/export.html', (c) => exportPage(deps, c, requireActor(c), 'html'));
  app.get('/reports/:cycle/:country/export.md', (c) => exportPage(deps, c, requireActor(c), 'md'));

  return app;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the report page shows: the report (with the drafts, for the secretariat), its conversations and,
 * for the secretariat, last cycle's commitments beside question A; read in parallel.
 */
export async function reportPageData(
  deps: ReportDeps,
  actor: Actor,
  at: ReportAddress,
): Promise<ReportView & { comments: Map<string, Comment[]>; commitments?: CommitmentsView | undefined; changes: Map<string, SectionChanges> }> {
  const [view, comments, commitments] = await Promise.all([
    getReport(deps, actor, at),
    listReportComments(deps, actor, at).catch((error) => (error instanceof ForbiddenError ? new Map() : Promise.reject(error))),
    isStaff(actor) ? commitmentsFor(deps, actor, at) : undefined,
  ]);
  // What changed since the review, where a reviewer meets it (one BatchGetItem, only when a section changed).
  const changes = isStaff(actor) ? await changesSinceReview(deps, actor, view.report) : new Map<string, SectionChanges>();
  return { ...view, comments, commitments, changes };
}

/** A report's commitments when its cycle follows another one up (the cycle read from the catalog's cache). */
export async function commitmentsFor(deps: ReportDeps, actor: Actor, at: ReportAddress): Promise<CommitmentsView | undefined> {
  return (await getCycle(deps, at.cycle)).cycle.previous ? getCommitments(deps, actor, at) : undefined;
}

/** A report in the official layout, for the session's reader rights (the public pages pass no actor). */
export async function exportPage(deps: ReportDeps, c: C, actor: Actor | undefined, format: DocumentFormat): Promise<Response> {
  const at = pathOf(c, inputs.ReportParams);
  const body = await exportReport(deps, actor, { ...at, format });
  if (format === 'html') return c.html(body);
  c.header('content-disposition', `attachment; filename="${at.cycle}-${at.country}.md"`);
  return c.body(body, 200, { 'content-type': 'text/markdown; charset=utf-8' });
}
