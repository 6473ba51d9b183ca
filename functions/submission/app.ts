/**
 * The submission app: cycles, reading a report, saving sections and submitting (a country's
 * rapporteur; reviewers and admins read reports here too). Also serves health and the API docs.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CYCLES } from '../../shared/form';
import { createApp, type AppEnv } from '../../shared/http/app';
import { requireActor } from '../../shared/http/auth';
import { assertCanRead, cycleOr404, sectionAddressOr404, participantOr404, readReport, reportJson, runTransition, sectionJson, sectionOr404 } from '../../shared/http/reports';
import { attachmentsBySection } from '../../shared/store/attachments';
import { PreconditionFailedError, PreconditionRequiredError, decideSave, versionFromEtag } from '../../shared/workflow';
import type { AppDeps } from '../deps';
import { registerDocs } from '../openapi';
import { health } from '../common/routes';
import { completeUpload, deleteAttachment, getAttachment, getCycle, getReport, listAttachments, listCycles, requestUpload, saveSection, submitReport } from './routes';

export function registerSubmissionRoutes(app: OpenAPIHono<AppEnv>, { store, attachments }: AppDeps): void {
  app.openapi(health, (c) => c.json({ status: 'ok' as const }, 200));
  registerDocs(app);

  app.openapi(listCycles, (c) => {
    requireActor(c.get('actor'));
    const cycles = CYCLES.map((cycle) => ({ id: cycle.id, year: cycle.year, title: cycle.form.title, deadline: cycle.deadline, participants: cycle.participants.length }));
    return c.json({ cycles }, 200);
  });

  app.openapi(getCycle, (c) => {
    requireActor(c.get('actor'));
    const info = cycleOr404(c.req.valid('param').cycle);
    const { cycle } = info;
    return c.json({ id: cycle.id, year: cycle.year, deadline: cycle.deadline, form: cycle.form, sectionIds: info.sectionIds, participants: cycle.participants }, 200);
  });

  app.openapi(getReport, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country } = c.req.valid('param');
    const { participant, read } = await readReport(store, actor, cycle, country);
    return c.json(reportJson(read.report, participant, attachmentsBySection(read.otherItems)), 200);
  });

  app.openapi(saveSection, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country, section } = c.req.valid('param');
    const info = cycleOr404(cycle);
    participantOr404(info, country);
    sectionOr404(info, section);
    const decision = decideSave(actor, country, c.req.valid('json'));
    const ifMatch = c.req.valid('header')['if-match'];
    if (!ifMatch) throw new PreconditionRequiredError('Send the etag of the section as read in If-Match, so that a concurrent change is not overwritten.');
    const expectedVersion = versionFromEtag(cycle, country, section, ifMatch);
    if (expectedVersion === undefined) throw new PreconditionFailedError(`If-Match does not name a version of section ${section}; reload it.`);
    const saved = await store.saveSection({ cycle, country, section, expectedVersion, allowedStatuses: decision.allowedStatuses, text: decision.text, nothingToReport: decision.nothingToReport, actor });
    const body = sectionJson(cycle, country, saved);
    c.header('ETag', body.etag);
    return c.json(body, 200);
  });

  app.openapi(submitReport, async (c) => {
    const actor = requireActor(c.get('actor'));
    const { cycle, country } = c.req.valid('param');
    const { participant, report, attachments: byId } = await runTransition(store, actor, cycle, country, 'submitReport');
    return c.json(reportJson(report, participant, byId), 200);
  });

  app.openapi(requestUpload, async (c) => {
    const actor = requireActor(c.get('actor'));
    const p = c.req.valid('param');
    sectionAddressOr404(p.cycle, p.country, p.section);
    return c.json(await attachments.requestUpload(actor, p.cycle, p.country, p.section, c.req.valid('json')), 201);
  });

  app.openapi(completeUpload, async (c) => {
    const actor = requireActor(c.get('actor'));
    const p = c.req.valid('param');
    sectionAddressOr404(p.cycle, p.country, p.section);
    return c.json(await attachments.complete(actor, p.cycle, p.country, p.section, p.id), 200);
  });

  app.openapi(listAttachments, async (c) => {
    const p = c.req.valid('param');
    await assertCanRead(store, c.get('actor'), sectionAddressOr404(p.cycle, p.country, p.section), p.country);
    return c.json({ attachments: await attachments.list(p.cycle, p.country, p.section) }, 200);
  });

  app.openapi(getAttachment, async (c) => {
    const p = c.req.valid('param');
    await assertCanRead(store, c.get('actor'), sectionAddressOr404(p.cycle, p.country, p.section), p.country);
    return c.json(await attachments.get(p.cycle, p.country, p.section, p.id), 200);
  });

  app.openapi(deleteAttachment, async (c) => {
    const actor = requireActor(c.get('actor'));
    const p = c.req.valid('param');
    sectionAddressOr404(p.cycle, p.country, p.section);
    await attachments.remove(actor, p.cycle, p.country, p.section, p.id);
    return c.body(null, 204);
  });
}

export function createSubmissionApp(deps: AppDeps) {
  return createApp(deps.verifier, (app) => registerSubmissionRoutes(app, deps));
}
