/**
 * The submission app: cycles, reading a report, saving sections and submitting (a country's
 * rapporteur; reviewers and admins read reports here too), attachments. Also serves health and the
 * API docs. Each handler parses (the contract), calls one use case and shapes the response.
 */
import type { Hono } from 'hono';
import { createApp, serve, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { commitmentsJson, cycleJson, prefillJson, reportJson, savedSectionJson } from '../../shared/http/views';
import { getCommitments, prefillReport } from '../../shared/usecases/commitments';
import { completeUpload, getAttachmentDownload, listAttachments, removeAttachment, requestUpload } from '../../shared/usecases/attachments';
import { getCycle, listCycles } from '../../shared/usecases/cycles';
import { getPublication, listPublications } from '../../shared/usecases/publications';
import { getReport, saveSection, submitReport } from '../../shared/usecases/reports';
import type { AppDepsWithAttachments } from '../attachment-deps';
import { registerDocs } from '../docs';
import { routes } from './routes';

export function registerSubmissionRoutes(app: Hono<AppEnv>, deps: AppDepsWithAttachments): void {
  serve(app, routes.getHealth, (c) => c.json({ status: 'ok' as const }, 200));
  registerDocs(app);

  serve(app, routes.listCycles, async (c) => {
    requireActor(c.get('actor'));
    return c.json({ cycles: await listCycles(deps) }, 200);
  });

  serve(app, routes.getCycle, async (c) => {
    requireActor(c.get('actor'));
    const body = cycleJson(await getCycle(deps, c.req.valid('param').cycle));
    c.header('ETag', body.etag);
    return c.json(body, 200);
  });

  serve(app, routes.getReport, async (c) => c.json(reportJson(await getReport(deps, c.get('actor'), c.req.valid('param'))), 200));

  serve(app, routes.listPublications, async (c) => {
    const { info, participant, publications } = await listPublications(deps, c.req.valid('param'));
    return c.json({ cycle: info.cycle.id, country: participant.code, publications: publications.map(({ number, at, by }) => ({ number, at, by })) }, 200);
  });

  serve(app, routes.getPublication, async (c) => c.json(reportJson(await getPublication(deps, c.req.valid('param'))), 200));

  serve(app, routes.saveSection, async (c) => {
    const at = c.req.valid('param');
    const { text, nothingToReport = false } = c.req.valid('json');
    const saved = await saveSection(deps, requireActor(c.get('actor')), { ...at, text, nothingToReport, ifMatch: c.req.valid('header')['if-match'] });
    const body = savedSectionJson(at.cycle, at.country, saved);
    c.header('ETag', body.etag);
    return c.json(body, 200);
  });

  serve(app, routes.submitReport, async (c) => c.json(reportJson(await submitReport(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.requestUpload, async (c) =>
    c.json(await requestUpload(deps, requireActor(c.get('actor')), c.req.valid('param'), c.req.valid('json')), 201),
  );

  serve(app, routes.completeUpload, async (c) => c.json(await completeUpload(deps, requireActor(c.get('actor')), c.req.valid('param')), 200));

  serve(app, routes.listAttachments, async (c) => c.json({ attachments: await listAttachments(deps, c.get('actor'), c.req.valid('param')) }, 200));

  serve(app, routes.getAttachment, async (c) => c.json(await getAttachmentDownload(deps, c.get('actor'), c.req.valid('param')), 200));

  serve(app, routes.deleteAttachment, async (c) => {
    await removeAttachment(deps, requireActor(c.get('actor')), c.req.valid('param'));
    return c.body(null, 204);
  });

  serve(app, routes.getCommitments, async (c) => c.json(commitmentsJson(await getCommitments(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.prefillReport, async (c) =>
    c.json(prefillJson(await prefillReport(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), sections: c.req.valid('json').sections })), 200),
  );
}

export function createSubmissionApp(deps: AppDepsWithAttachments) {
  return createApp(deps.verifier, (app) => registerSubmissionRoutes(app, deps));
}
