/** The review app: the reviewers' list of reports, approving or returning sections, history, exports and the compilation. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { reportJson, summaryJson } from '../../shared/http/views';
import { compileCycle, exportReport, type DocumentFormat } from '../../shared/usecases/documents';
import { approveSection, getHistory, listReports, returnSection } from '../../shared/usecases/reports';
import type { AppDeps } from '../deps';
import { routes } from './routes';

export function registerReviewRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(routes.listReports, async (c) => {
    const { info, reports } = await listReports(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('query') });
    return c.json({ cycle: info.cycle.id, reports: reports.map((r) => summaryJson(r, info)) }, 200);
  });

  app.openapi(routes.approveSection, async (c) => c.json(reportJson(await approveSection(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  app.openapi(routes.returnSection, async (c) =>
    c.json(reportJson(await returnSection(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('json') })), 200),
  );

  app.openapi(routes.getHistory, async (c) => {
    const { info, participant, events } = await getHistory(deps, requireActor(c.get('actor')), c.req.valid('param'));
    return c.json({ cycle: info.cycle.id, country: participant.code, events }, 200);
  });

  app.openapi(routes.exportReport, async (c) => {
    const at = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await exportReport(deps, c.get('actor'), { ...at, format });
    return documentResponse(body, format, `reporting-form-${at.cycle}-${at.country}`) as never;
  });

  app.openapi(routes.getCompilation, async (c) => {
    const { cycle } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await compileCycle(deps, c.get('actor'), { cycle, format });
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
