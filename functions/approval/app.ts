/** The approval app: approving a whole report and publishing it. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { reportJson, runTransition } from '../../shared/http/reports';
import type { AppDeps } from '../deps';
import { approveReport, publishReport } from './routes';

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
}

export function createApprovalApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerApprovalRoutes(app, deps));
}
