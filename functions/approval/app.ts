/** The approval app: approving a whole report and publishing it. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { reportJson, runTransition } from '../../shared/http/reports';
import type { AppDeps } from '../deps';
import { MAX_DOCUMENT_BYTES, importDocument } from '../../shared/http/documents';
import { InvalidInputError } from '../../shared/workflow';
import { approveReport, importReport, publishReport } from './routes';

export function registerApprovalRoutes(app: OpenAPIHono<AppEnv>, { store }: AppDeps): void {
  app.openapi(approveReport, async (c) => {
    const { cycle, country } = c.req.valid('param');
    const { participant, report, attachments } = await runTransition(store, requireActor(c.get('actor')), cycle, country, 'approveReport');
    return c.json(reportJson(report, participant, attachments), 200);
  });

  app.openapi(publishReport, async (c) => {
    const { cycle, country } = c.req.valid('param');
    const { participant, report, attachments } = await runTransition(store, requireActor(c.get('actor')), cycle, country, 'publishReport');
    return c.json(reportJson(report, participant, attachments), 200);
  });

  app.openapi(importReport, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country } = c.req.valid('param');
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
    const source = c.req.header('x-document-name')?.slice(0, 200) || 'HTTP upload';
    return c.json(await importDocument(store, actor, cycle, country, text, { dryRun, submit, overwrite, source }), 200);
  });
}

export function createApprovalApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerApprovalRoutes(app, deps));
}
