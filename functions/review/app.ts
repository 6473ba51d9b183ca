/**
 * The review app: the reviewers' list of reports, draft and sent reviews (and the stage-1 one-decision
 * approve and return), the sections' conversations, history, exports and the compilation.
 */
import type { Hono } from 'hono';
import { createApp, serve, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { answersJson, draftJson, reportJson, summaryJson } from '../../shared/http/views';
import { getAnswersAcrossCountries } from '../../shared/usecases/answers';
import { compileCommitments } from '../../shared/usecases/commitments';
import { compileCycle, exportReport, type DocumentFormat } from '../../shared/usecases/documents';
import { addComment, listComments } from '../../shared/usecases/comments';
import { approveSection, getHistory, listReports, returnSection } from '../../shared/usecases/reports';
import { diffSection, getRevision, listRevisions } from '../../shared/usecases/revisions';
import { discardDraftReview, getDraftReview, listReviews, saveDraftReview, sendReview } from '../../shared/usecases/reviews';
import type { AppDeps } from '../deps';
import { routes } from './routes';

export function registerReviewRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  serve(app, routes.listReports, async (c) => {
    const { info, reports } = await listReports(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('query') });
    return c.json({ cycle: info.cycle.id, reports: reports.map((r) => summaryJson(r, info)) }, 200);
  });

  serve(app, routes.approveSection, async (c) => c.json(reportJson(await approveSection(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.returnSection, async (c) =>
    c.json(reportJson(await returnSection(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('json') })), 200),
  );

  serve(app, routes.getHistory, async (c) => {
    const { info, participant, events, comments } = await getHistory(deps, requireActor(c.get('actor')), c.req.valid('param'));
    return c.json({ cycle: info.cycle.id, country: participant.code, events, comments }, 200);
  });

  serve(app, routes.getDraftReview, async (c) => {
    const actor = requireActor(c.get('actor'));
    return c.json(draftJson(await getDraftReview(deps, actor, c.req.valid('param')), actor), 200);
  });

  serve(app, routes.saveDraftReview, async (c) => {
    const actor = requireActor(c.get('actor'));
    return c.json(draftJson(await saveDraftReview(deps, actor, c.req.valid('param'), c.req.valid('json').decisions), actor), 200);
  });

  serve(app, routes.discardDraftReview, async (c) => {
    await discardDraftReview(deps, requireActor(c.get('actor')), c.req.valid('param'));
    return c.body(null, 204);
  });

  serve(app, routes.sendReview, async (c) => {
    const { view } = await sendReview(deps, requireActor(c.get('actor')), c.req.valid('param'), c.req.valid('json'));
    return c.json(reportJson(view), 200);
  });

  serve(app, routes.listReviews, async (c) => c.json({ reviews: await listReviews(deps, requireActor(c.get('actor')), c.req.valid('param')) }, 200));

  serve(app, routes.listRevisions, async (c) => c.json(await listRevisions(deps, requireActor(c.get('actor')), c.req.valid('param')), 200));

  serve(app, routes.getRevision, async (c) => {
    const { section, version, at, by, status, text, nothingToReport } = await getRevision(deps, requireActor(c.get('actor')), c.req.valid('param'));
    return c.json({ section, version, at, by, status, text, nothingToReport }, 200);
  });

  serve(app, routes.getSectionDiff, async (c) => {
    const { from, to, changes } = await diffSection(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('query') });
    return c.json({ from, to, changes }, 200);
  });

  serve(app, routes.listComments, async (c) => c.json({ comments: await listComments(deps, requireActor(c.get('actor')), c.req.valid('param')) }, 200));

  serve(app, routes.addComment, async (c) => c.json(await addComment(deps, requireActor(c.get('actor')), c.req.valid('param'), c.req.valid('json')), 201));

  serve(app, routes.exportReport, async (c) => {
    const at = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await exportReport(deps, c.get('actor'), { ...at, format });
    return documentResponse(body, format, `reporting-form-${at.cycle}-${at.country}`) as never;
  });

  serve(app, routes.getCompilation, async (c) => {
    const { cycle } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await compileCycle(deps, c.get('actor'), { cycle, format });
    return documentResponse(body, format, `compilation-${cycle}`) as never;
  });

  serve(app, routes.getCommitmentsCompilation, async (c) => {
    const { cycle } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const body = await compileCommitments(deps, c.get('actor'), { cycle, format });
    return documentResponse(body, format, `commitments-${cycle}`) as never;
  });

  serve(app, routes.getAnswersAcrossCountries, async (c) => c.json(answersJson(await getAnswersAcrossCountries(deps, c.get('actor'), c.req.valid('param'))), 200));
}

/** Document responses: Markdown or HTML, never cached by shared caches (reports are confidential until published). */
function documentResponse(body: string, format: DocumentFormat, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
      'content-disposition': `inline; filename="${filename}.${format}"`,
      'cache-control': 'private, no-store',
      // Answers carry no markup of their authors (raw HTML escaped); the page needs no script at all.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
    },
  });
}

export function createReviewApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerReviewRoutes(app, deps));
}
