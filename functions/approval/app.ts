/** The approval app: approving a whole report, publishing it, importing a document into it, and the admins' cycle changes. */
import type { Context, Hono } from 'hono';
import { createApp, serve, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { cycleJson, reportJson } from '../../shared/http/views';
import { closeCycle, createCycle, extendDeadline, openCycle, updateCycle, updateCycleForm } from '../../shared/usecases/cycles';
import type { CycleInfo } from '../../shared/form';
import { MAX_DOCUMENT_BYTES, importDocument } from '../../shared/usecases/documents';
import { approveReport, publishReport, reopen } from '../../shared/usecases/reports';
import { InvalidInputError } from '../../shared/workflow';
import type { AppDeps } from '../deps';
import { routes } from './routes';

export function registerApprovalRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  serve(app, routes.approveReport, async (c) => c.json(reportJson(await approveReport(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.reopenReport, async (c) => c.json(reportJson(await reopen(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('json') })), 200));

  serve(app, routes.reopenSection, async (c) => c.json(reportJson(await reopen(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('json') })), 200));

  serve(app, routes.publishReport, async (c) => c.json(reportJson(await publishReport(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.importReport, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { dryRun, submit, overwrite } = c.req.valid('query');
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/plain\b/i.test(type)) throw new InvalidInputError('Send the document as text/plain.', [{ path: 'header.content-type', message: 'must be text/plain' }]);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length > MAX_DOCUMENT_BYTES) throw new InvalidInputError('The document is too large.', [{ path: 'body', message: `must be at most ${MAX_DOCUMENT_BYTES} bytes` }]);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InvalidInputError('The document is not UTF-8 text.', [{ path: 'body', message: 'must be UTF-8' }]);
    }
    const source = c.req.valid('header')['x-document-name']?.slice(0, 200) || 'HTTP upload';
    return c.json(await importDocument(deps, actor, c.req.valid('param'), text, { dryRun, submit, overwrite, source }), 200);
  });

  /** A cycle, with its etag also in the ETag header. */
  const cycle = (c: Context, info: CycleInfo) => {
    const body = cycleJson(info);
    c.header('ETag', body.etag);
    return body;
  };

  serve(app, routes.createCycle, async (c) => c.json(cycle(c, await createCycle(deps, requireActor(c.get('actor')), c.req.valid('json'))), 201));

  serve(app, routes.updateCycle, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('json'), ifMatch: c.req.valid('header')['if-match'] };
    return c.json(cycle(c, await updateCycle(deps, requireActor(c.get('actor')), input)), 200);
  });

  serve(app, routes.updateCycleForm, async (c) => {
    const input = { ...c.req.valid('param'), form: c.req.valid('json'), ifMatch: c.req.valid('header')['if-match'] };
    return c.json(cycle(c, await updateCycleForm(deps, requireActor(c.get('actor')), input)), 200);
  });

  serve(app, routes.openCycle, async (c) => c.json(cycle(c, await openCycle(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.closeCycle, async (c) => c.json(cycle(c, await closeCycle(deps, requireActor(c.get('actor')), c.req.valid('param'))), 200));

  serve(app, routes.extendDeadline, async (c) =>
    c.json(cycle(c, await extendDeadline(deps, requireActor(c.get('actor')), { ...c.req.valid('param'), ...c.req.valid('json') })), 200),
  );
}

export function createApprovalApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerApprovalRoutes(app, deps));
}
