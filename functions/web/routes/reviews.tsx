/**
 * The review's forms: a reviewer adds a decision to their draft (Approve, Request changes), takes one
 * out, sends the review (after a confirmation naming what will happen) or discards it; anyone in the
 * conversation adds a reply or a note. A refused comment comes back on the page it was typed on.
 */
import { Hono } from 'hono';
import { inputs } from '../../../shared/http/schemas';
import { parseInput } from '../../../shared/http/validation';
import { addComment } from '../../../shared/usecases/comments';
import { getSection } from '../../../shared/usecases/reports';
import { addToDraftReview, discardDraftReview, getDraftReview, removeFromDraftReview, sendReview } from '../../../shared/usecases/reviews';
import { ConflictError, InvalidInputError, isStaff, type Actor } from '../../../shared/workflow';
import { formOf, formText, pathOf, redirectTo, render, requireActor, type C, type Site, type WebEnv } from '../context';
import { lazyPage } from '../lazy';
import { reportPath, sectionPath } from '../paths';
import { reportPageData } from './reports';
import { sectionPageData } from './section';

// Pages load with their route group on its first request (functions/web/lazy.ts).
const ConfirmPage = lazyPage(() => import('../pages/confirm'), 'ConfirmPage');
const ReportPage = lazyPage(() => import('../pages/report'), 'ReportPage');
const SectionPage = lazyPage(() => import('../pages/section'), 'SectionPage');

/** Where a form asked to come back to: the section page, or the report page at the section (where the flash message shows). */
function backTo(form: Record<string, unknown>, cycle: string, country: string, section: string, done: string): string {
  return form.back === 'section' ? `${sectionPath(cycle, country, section)}?done=${done}#flash` : `${reportPath(cycle, country)}?done=${done}&at=${encodeURIComponent(section)}#flash`;
}

/** The message of a refused comment, in the words of the form. */
function refusalOf(error: InvalidInputError | ConflictError, what: string): string {
  if (error instanceof ConflictError) return `${error.message} Your text was not sent; it is kept below.`;
  return `${what}: the comment ${error.errors?.[0]?.message ?? error.message}.`;
}

export function reviewRoutes(site: Site): Hono<WebEnv> {
  const { deps } = site;
  const app = new Hono<WebEnv>();
  const base = '/reports/:cycle/:country/review';

  /** The page the refused form was on, again, with the message next to the text as typed. */
  const again = async (c: C, actor: Actor, form: Record<string, unknown>, section: string, error: InvalidInputError | ConflictError, kind: 'decision' | 'comment', text: string) => {
    const at = { ...pathOf(c, inputs.ReportParams), section };
    const message = refusalOf(error, kind === 'decision' ? `To return section ${section}, write a comment for the country` : `To add to the conversation on ${section}, write something`);
    const status = error.status;
    if (form.back === 'section') {
      const view = await sectionPageData(deps, actor, at);
      return render(c, <SectionPage ctx={c.get('page')} {...view} {...(kind === 'decision' ? { decisionError: { comment: text, message } } : { commentError: { text, message } })} />, status);
    }
    const data = await reportPageData(deps, actor, at);
    const errorProps = kind === 'decision' ? { decisionError: { section, comment: text, message } } : { commentError: { section, text, message } };
    return render(c, <ReportPage ctx={c.get('page')} {...data} {...errorProps} />, status);
  };

  app.post(`${base}/decisions`, async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.ReportParams);
    const form = await formOf(c);
    const section = formText(form, 'section');
    const verdict = formText(form, 'verdict');
    const comment = formText(form, 'comment');
    try {
      const decision = parseInput(inputs.DecisionSchema, verdict === 'return' ? { section, verdict, comment } : { section, verdict }, 'body');
      await addToDraftReview(deps, actor, at, decision);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      return again(c, actor, form, section, error, 'decision', comment);
    }
    return redirectTo(site, c, backTo(form, at.cycle, at.country, section, 'decision-added'));
  });

  app.post(`${base}/decisions/:section/remove`, async (c) => {
    const at = pathOf(c, inputs.SectionParams);
    await removeFromDraftReview(deps, requireActor(c), at, at.section);
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=decision-removed#flash`);
  });

  app.post(`${base}/send`, async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.ReportParams);
    const form = await formOf(c);
    const summary = formText(form, 'summary').trim();
    const path = reportPath(at.cycle, at.country);
    if (form.confirm !== 'yes') {
      const draft = await getDraftReview(deps, actor, at);
      if (!draft || draft.decisions.length === 0) throw new ConflictError('Your review has no decision yet: approve sections or request changes first.');
      const { participant } = await getSection(deps, actor, { ...at, section: draft.decisions[0]!.section });
      const returns = draft.decisions.filter((d) => d.verdict === 'return').map((d) => d.section);
      const approvals = draft.decisions.filter((d) => d.verdict === 'approve').map((d) => d.section);
      const consequences = [
        ...(approvals.length ? [`${approvals.length === 1 ? 'This section is' : `These ${approvals.length} sections are`} approved: ${approvals.join(', ')}.`] : []),
        ...(returns.length
          ? [`${returns.length === 1 ? 'This section goes' : `These ${returns.length} sections go`} back to ${participant.name} with your comments: ${returns.join(', ')}. The report becomes returned.`]
          : []),
        `${participant.name} sees your decisions and comments, never your draft${summary ? ' or anything else in it' : ''}.`,
      ];
      return render(
        c,
        <ConfirmPage
          ctx={c.get('page')}
          confirmation={{
            title: `Send your review to ${participant.name}?`,
            consequences,
            action: `${path}/review/send`,
            fields: summary ? { summary } : {},
            confirmLabel: 'Yes, send the review',
            back: { href: site.href(`${path}#review`), label: `${participant.name}: ${at.cycle} report` },
          }}
        />,
      );
    }
    await sendReview(deps, actor, at, { ...(summary ? { summary: parseInput(inputs.CommentBody.shape.text, summary, 'body') } : {}) });
    return redirectTo(site, c, `${path}?done=review-sent#flash`);
  });

  app.post(`${base}/discard`, async (c) => {
    const at = pathOf(c, inputs.ReportParams);
    await discardDraftReview(deps, requireActor(c), at);
    return redirectTo(site, c, `${reportPath(at.cycle, at.country)}?done=review-discarded#flash`);
  });

  app.post('/reports/:cycle/:country/sections/:section/comments', async (c) => {
    const actor = requireActor(c);
    const at = pathOf(c, inputs.SectionParams);
    const form = await formOf(c);
    const text = formText(form, 'text');
    try {
      const input = parseInput(inputs.CommentBody, { text, ...(isStaff(actor) ? { internal: form.internal === 'true' } : {}) }, 'body');
      await addComment(deps, actor, at, input);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      return again(c, actor, form, at.section, error, 'comment', text);
    }
    return redirectTo(site, c, backTo(form, at.cycle, at.country, at.section, isStaff(actor) ? 'comment-added' : 'reply-sent'));
  });

  return app;
}
