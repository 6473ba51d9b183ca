/**
 * The section page and its form: read a section, preview, save (If-Match), autosave from the page's
 * script. Whatever goes wrong, the user's text comes back on the page, never dropped by a redirect.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import type { CommitmentsView } from '../../../shared/usecases/commitments';
import { getCycle } from '../../../shared/usecases/cycles';
import { listComments } from '../../../shared/usecases/comments';
import type { ReportDeps } from '../../../shared/usecases/deps';
import { getSection, saveSection, type SectionView } from '../../../shared/usecases/reports';
import { changesSinceReview, type SectionChanges } from '../../../shared/usecases/revisions';
import type { SectionAddress } from '../../../shared/usecases/resolve';
import { participantOr404, sectionOr404 } from '../../../shared/usecases/resolve';
import { ConflictError, ForbiddenError, InvalidInputError, PreconditionFailedError, PreconditionRequiredError, canEditSection, isStaff, reportsFrozenReason, sectionEtag, type Actor, type Comment } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, wantsJson, type Site, type WebEnv } from '../context';
import type { FieldErrorView } from '../layout';
import { lazyPage } from '../lazy';
import { TEXT_FIELD, UNSAVED_FIELD } from '../pages/section-fields';
import { sectionPath } from '../paths';
import { commitmentsFor } from './reports';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const SectionPage = lazyPage(() => import('../pages/section'), 'SectionPage');
const SignedOutSectionPage = lazyPage(() => import('../pages/section'), 'SignedOutSectionPage');

/**
 * What the section page shows: the section in its report, its conversation and, with question A, what
 * the country announced last cycle (question C); read in parallel.
 */
export async function sectionPageData(
  deps: ReportDeps,
  actor: Actor,
  at: SectionAddress,
): Promise<SectionView & { thread: Comment[]; commitments?: CommitmentsView | undefined; changes?: SectionChanges | undefined }> {
  const [view, thread, commitments] = await Promise.all([
    getSection(deps, actor, at),
    listComments(deps, actor, at),
    at.section.endsWith('.A') ? commitmentsFor(deps, actor, at) : undefined,
  ]);
  const changes = isStaff(actor) ? (await changesSinceReview(deps, actor, view.report, view.section.id)).get(view.section.id) : undefined;
  return { ...view, thread, commitments, changes };
}

export function sectionRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/reports/:cycle/:country/sections/:section', async (c) => {
    const view = await sectionPageData(deps, requireActor(c), pathOf(c, inputs.SectionParams));
    return render(c, <SectionPage ctx={c.get('page')} {...view} flash={c.req.query('done')} />);
  });

  app.post('/reports/:cycle/:country/sections/:section', async (c) => {
    const at = pathOf(c, inputs.SectionParams);
    const { cycle, country, section } = at;
    const form = await formOf(c);
    const text = formText(form, 'text');
    const nothingToReport = form.nothingToReport === 'true' || form.nothingToReport === 'on';
    const intent = form.intent === 'preview' || form.intent === 'autosave' ? form.intent : 'save';
    const draft = { text, nothingToReport };
    // The version the user's text is based on.
    const etag = c.req.header('if-match') ?? formText(form, 'etag');

    const session = c.get('session');
    if (!session && !wantsJson(c)) {
      // Signed out while typing (the session lives as long as the token): the text comes back on the page, never dropped by a redirect.
      const info = await getCycle(deps, cycle);
      const participant = participantOr404(info, country);
      const definition = sectionOr404(info, section);
      return render(c, <SignedOutSectionPage ctx={c.get('page')} info={info} participant={participant} section={definition} draft={draft} etag={etag} expired={c.get('sessionExpired')} />, 401);
    }
    const actor = requireActor(c);
    /** The page again with the user's text: in the editor (a conflict view when the text is based on an older version), or read-only when the section is locked. */
    const again = async (errors: FieldErrorView[], status: number, extra: { preview?: boolean; stale?: boolean } = {}) => {
      const view = await sectionPageData(deps, actor, at);
      const conflict = extra.stale || etag !== sectionEtag(cycle, country, view.state);
      return render(c, <SectionPage ctx={c.get('page')} {...view} draft={draft} errors={errors} conflict={conflict} preview={extra.preview} />, status);
    };

    if (c.get('csrfRefused')) {
      if (intent === 'autosave') throw new ForbiddenError('This page is from an earlier sign-in, so your text was not saved automatically. Press Save to save it; automatic saving resumes after that.');
      return again([{ field: TEXT_FIELD, message: 'Your answer was not saved yet: this page was opened before you signed in again. Check your text below and press Save again.' }], 403);
    }

    if (intent === 'preview') {
      const view = await sectionPageData(deps, actor, at);
      if (!canEditSection(actor, country, view.state.status, view.info.cycle)) {
        const message = `${reportsFrozenReason(view.info.cycle) ?? `Section ${section} cannot be changed now (it is ${view.state.status}).`} Your text is kept below so that you can copy it.`;
        return render(c, <SectionPage ctx={c.get('page')} {...view} draft={draft} errors={[{ field: UNSAVED_FIELD, message }]} />, 409);
      }
      return render(c, <SectionPage ctx={c.get('page')} {...view} draft={draft} preview conflict={etag !== sectionEtag(cycle, country, view.state)} />);
    }

    try {
      // The API's own body schema: the same limits, the same messages.
      const input = parseInput(inputs.SaveSectionBody, draft, 'body');
      const saved = await saveSection(deps, actor, { ...at, text: input.text, nothingToReport: input.nothingToReport ?? false, ifMatch: etag });
      if (intent === 'autosave') return c.json({ etag: sectionEtag(cycle, country, saved), updatedAt: saved.updatedAt }, 200);
      return redirectTo(site, c, `${sectionPath(cycle, country, section)}?done=saved`);
    } catch (error) {
      const stale = error instanceof PreconditionFailedError || error instanceof PreconditionRequiredError;
      if (intent === 'autosave' || !(error instanceof InvalidInputError || error instanceof ConflictError || stale)) throw error;
      // Never lose the user's text: the page comes back with it in the editor, the saved version beside it.
      const errors: FieldErrorView[] =
        error instanceof InvalidInputError
          ? (error.errors ?? [{ path: 'body.text', message: error.message }]).map((e) => ({ field: TEXT_FIELD, message: `The answer ${e.message}.` }))
          : error instanceof ConflictError
            ? [{ field: UNSAVED_FIELD, message: `${error.message} Your text is kept below so that you can copy it.` }]
            : [];
      return again(errors, stale ? 412 : error.status, { stale });
    }
  });

  return app;
}
