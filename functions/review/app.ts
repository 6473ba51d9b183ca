/** The review app: the reviewers' list of reports, approving or returning sections, and history. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { cycleOr404, participantOr404, readReport, reportJson, runTransition, summaryJson } from '../../shared/http/reports';
import { ForbiddenError, isReaderOf } from '../../shared/workflow';
import type { AppDeps } from '../deps';
import { compileCycle, exportReport as exportDocument, type DocumentFormat } from '../../shared/http/documents';
import { approveSection, compilation, exportReport, getHistory, listReports, returnSection } from './routes';

export function registerReviewRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  app.openapi(listReports, async (c) => {
    const actor = requireActor(c.get('actor'));
    const info = cycleOr404(c.req.valid('param').cycle);
    const { status } = c.req.valid('query');
    if (actor.roles.includes('reviewer') || actor.roles.includes('admin')) {
      const reports = await store.listReports(info, status);
      return c.json({ cycle: info.cycle.id, reports: reports.map((r) => summaryJson(r, info)) }, 200);
    }
    if (!actor.roles.includes('rapporteur') || !actor.country) throw new ForbiddenError('Only rapporteurs, reviewers and admins list reports.');
    participantOr404(info, actor.country);
    const own = await store.getSummary(info, actor.country);
    const reports = status === undefined || own.status === status ? [summaryJson(own, info)] : [];
    return c.json({ cycle: info.cycle.id, reports }, 200);
  });

  app.openapi(approveSection, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country, section } = c.req.valid('param');
    const { participant, report, attachments } = await runTransition(store, actor, cycle, country, 'approveSection', { section });
    return c.json(reportJson(report, participant, attachments), 200);
  });

  app.openapi(returnSection, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country, section } = c.req.valid('param');
    const { comment } = c.req.valid('json');
    const { participant, report, attachments } = await runTransition(store, actor, cycle, country, 'returnSection', { section, comment });
    return c.json(reportJson(report, participant, attachments), 200);
  });

  app.openapi(getHistory, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country } = c.req.valid('param');
    const info = cycleOr404(cycle);
    participantOr404(info, country);
    // The history holds internal review comments: never public, even once the report is published.
    if (!isReaderOf(actor, country)) {
      throw new ForbiddenError(`You may not read the history of the report of ${country}.`);
    }
    const events = await store.history(cycle, country);
    return c.json({ cycle, country, events }, 200);
  });

  app.openapi(exportReport, async (c) => {
    const { cycle, country } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await exportDocument(store, c.get('actor'), cycle, country, format);
    return documentResponse(body, format, `reporting-form-${cycle}-${country}`) as never;
  });

  app.openapi(compilation, async (c) => {
    const { cycle } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await compileCycle(store, c.get('actor'), cycle, format);
    return documentResponse(body, format, `compilation-${cycle}`) as never;
  });
}

/** Document responses: Markdown or HTML, never cached by shared caches (reports are confidential until published). */
function documentResponse(body: string, format: DocumentFormat, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
      'content-disposition': `inline; filename="${filename}.${format}"`,
      'cache-control': 'private, no-store',
      // Answers are sanitized; the page needs no script at all.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
    },
  });
}

export function createReviewApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerReviewRoutes(app, deps));
}
