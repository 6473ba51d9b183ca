/**
 * What changed and corrections: a section's revisions and one revision with its changes (for the
 * report's readers), and reopening an approved section or an approved or published report with a
 * reason (administrators), through the same use cases as the API.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import { getReport, getSection, reopen } from '../../../shared/usecases/reports';
import { getRevisionWithChanges, listRevisions } from '../../../shared/usecases/revisions';
import { ConflictError, InvalidInputError, reopenRefusal, type Actor } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import { lazyPage } from '../lazy';
import type { ReopenForm } from '../pages/reopen';
import { reportPath, sectionPath } from '../paths';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const ReopenPage = lazyPage(() => import('../pages/reopen'), 'ReopenPage');
const RevisionPage = lazyPage(() => import('../pages/revisions'), 'RevisionPage');
const RevisionsPage = lazyPage(() => import('../pages/revisions'), 'RevisionsPage');

export function changeRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();

  app.get('/reports/:cycle/:country/sections/:section/revisions', async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.SectionParams);
    const [{ revisions, files }, view] = await Promise.all([listRevisions(deps, actor, at), getSection(deps, actor, at)]);
    return render(c, <RevisionsPage ctx={c.get('page')} info={view.info} participant={view.participant} section={view.section} revisions={revisions} files={files} reviewedVersion={view.state.review?.version} />);
  });

  app.get('/reports/:cycle/:country/sections/:section/revisions/:version', async (c) => {
    const view = await getRevisionWithChanges(deps, requireActor(c), pathOf(c, inputs.RevisionParams));
    return render(c, <RevisionPage ctx={c.get('page')} {...view} />);
  });

  /** The reopen form of a report or one of its sections: refused at once when the workflow refuses it now. */
  const reopenForm = async (c: C, actor: Actor, section: string | undefined, extra: Pick<ReopenForm, 'reason' | 'error'> = {}) => {
    const at = pathOf(c, inputs.ReportParams);
    const view = await getReport(deps, actor, at);
    const why = reopenRefusal(actor, view.report, section, view.info.cycle);
    if (why) throw new ConflictError(why);
    const name = view.participant.name;
    const published = view.report.publications ? `publication ${view.report.publications}` : undefined;
    const form: ReopenForm =
      section === undefined
        ? {
            title: `Reopen the report of ${name}?`,
            consequences: [
              `The approval of the report is voided: it becomes returned. Its sections stay approved; reopen each section to correct it.`,
              published
                ? `The public keeps reading ${published} until the corrected report is published again as publication ${view.report.publications! + 1}.`
                : 'The report has not been published: nothing changes for the public.',
              'The reason is kept in the history of the report.',
            ],
            action: `${reportPath(at.cycle, at.country)}/reopen`,
            back: { href: site.href(reportPath(at.cycle, at.country)), label: `${name}: ${at.cycle} report` },
          }
        : {
            title: `Reopen section ${section} of ${name}?`,
            consequences: [
              `The approval of section ${section} is voided: it goes back to ${name}, with your reason opening its conversation.`,
              view.report.status === 'approved' || view.report.status === 'published' ? 'The report becomes returned.' : 'The report stays under review.',
              published ? `The public keeps reading ${published} until the correction is published.` : 'The report has not been published: nothing changes for the public.',
            ],
            action: `${sectionPath(at.cycle, at.country, section)}/reopen`,
            back: { href: site.href(sectionPath(at.cycle, at.country, section)), label: `Section ${section}` },
          };
    return render(c, <ReopenPage ctx={c.get('page')} form={{ ...form, ...extra }} />, extra.error ? 400 : 200);
  };

  /** Reopens with the reason from the form; a missing reason brings the form back with the message and the text. */
  const reopenPost = async (c: C, section: string | undefined) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.ReportParams);
    const reason = formText(await formOf(c), 'reason');
    try {
      const body = parseInput(inputs.ReopenBody, { reason }, 'body');
      await reopen(deps, actor, { ...at, ...(section !== undefined ? { section } : {}), reason: body.reason });
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return reopenForm(c, actor, section, { reason, error: `Write the reason for reopening: the country reads it. The reason ${error.errors?.[0]?.message ?? error.message}.` });
    }
    const done = section === undefined ? 'reopened' : 'section-reopened';
    return redirectTo(site, c, section === undefined ? `${reportPath(at.cycle, at.country)}?done=${done}#flash` : `${sectionPath(at.cycle, at.country, section)}?done=${done}#flash`);
  };

  app.get('/reports/:cycle/:country/reopen', (c) => reopenForm(c, requireActor(c), undefined));
  app.post('/reports/:cycle/:country/reopen', (c) => reopenPost(c, undefined));
  app.get('/reports/:cycle/:country/sections/:section/reopen', (c) => reopenForm(c, requireActor(c), pathOf(c, inputs.SectionParams).section));
  app.post('/reports/:cycle/:country/sections/:section/reopen', (c) => reopenPost(c, pathOf(c, inputs.SectionParams).section));

  return app;
}
