/**
 * Attachments from the section page: the page's script asks for a presigned upload, PUTs the bytes
 * to storage, then completes; removing is a form post; downloads redirect to a short-lived URL after
 * the reader check (also for the public pages of published reports).
 */
import { Hono, type Context } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import { completeUpload, getAttachmentDownload, removeAttachment, requestUpload } from '../../../shared/usecases/attachments';
import { InvalidInputError, type Actor } from '../../../shared/workflow';
import { pathOf, redirectTo, requireActor, type C, type Site, type WebEnv } from '../context';
import { sectionPath } from '../paths';

export function attachmentRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();
  const base = '/reports/:cycle/:country/sections/:section/attachments';

  app.post(base, async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.SectionParams);
    const input = await c.req.json().catch(() => {
      throw new InvalidInputError('Send the file name, type and size as JSON.');
    });
    return c.json(await requestUpload(deps, actor, at, parseInput(inputs.AttachmentUploadRequestSchema, input, 'body')), 201);
  });

  app.post(`${base}/:id/complete`, async (c) => c.json(await completeUpload(deps, requireActor(c), pathOf(c, inputs.AttachmentParams)), 200));

  app.post(`${base}/:id/delete`, async (c) => {
    const at = pathOf(c, inputs.AttachmentParams);
    await removeAttachment(deps, requireActor(c), at);
    return redirectTo(site, c, `${sectionPath(at.cycle, at.country, at.section)}?done=attachment-removed#attachments-heading`);
  });

  app.get(`${base}/:id`, (c) => download(site, c, requireActor(c)));
  return app;
}

/** A download: the reader check, then a redirect to a short-lived presigned URL. */
export async function download(site: Site, c: C | Context<WebEnv>, actor: Actor | undefined): Promise<Response> {
  const file = await getAttachmentDownload(site.deps, actor, pathOf(c, inputs.AttachmentParams));
  return c.redirect(file.downloadUrl, 302);
}
