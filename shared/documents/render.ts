/**
 * Rendering primitives shared by the single-report export and the cycle compilation: answers as HTML
 * (shared/documents/markdown.ts), the form skeleton in Markdown and HTML, and the page shell.
 */
import type { CycleInfo } from '../form';
import { answerKind, formOutline, type FormQuestion, type SectionAnswer } from './answers';
import { answerToHtml, escapeHtml } from './markdown';

export { answerToHtml, escapeHtml } from './markdown';

/** Options of the HTML renderers. */
export interface HtmlOptions {
  /** BCP 47 language tag of the answers for `<html lang>`; default `en`. */
  lang?: string;
}

/** What the official layout prints for a section with nothing to report. */
export const NOTHING_TO_REPORT_MARK = '/';

/** What an export prints for a section nobody has answered yet (the parser reads it back as unanswered). */
export const UNANSWERED_MARK = 'No answer yet.';

/** The answer block of the official layout: the Markdown, `/` or `No answer yet.`, then one `Attachment:` line per file. */
export function answerMarkdown(answer: SectionAnswer | undefined): string {
  const kind = answerKind(answer);
  const body = kind === 'nothing-to-report' ? NOTHING_TO_REPORT_MARK : kind === 'unanswered' ? UNANSWERED_MARK : (answer?.text ?? '').trim();
  const files = (answer?.attachments ?? []).map((a) => `Attachment: ${a.filename}`);
  return files.length > 0 ? `${body}\n\n${files.join('\n')}` : body;
}

/** The answer as HTML: Markdown with raw HTML escaped (markdown.ts), a nothing-to-report note or a no-answer note, then its attachments. */
export function answerHtml(answer: SectionAnswer | undefined): string {
  const kind = answerKind(answer);
  const body =
    kind === 'nothing-to-report'
      ? '<p class="nothing-to-report">Nothing to report</p>'
      : kind === 'unanswered'
        ? `<p class="unanswered">${UNANSWERED_MARK}</p>`
        : `<div class="answer">${answerToHtml(answer?.text ?? '')}</div>`;
  const files = answer?.attachments ?? [];
  if (files.length === 0) return body;
  const items = files.map((a) => `<li>${escapeHtml(a.filename)}</li>`).join('');
  return `${body}\n<div class="attachments"><p class="attachments-label">Attachments</p><ul>${items}</ul></div>`;
}

/** The form's title line (`Global Alliance … – 2014 Reporting Form`). */
export function formTitle(info: CycleInfo): string {
  return info.cycle.form.title;
}

/** A fragment identifier from parts such as a country code and a section id: `xk-1-1-a`. */
export function anchorId(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Heading style of the Markdown skeleton: the official form's plain lines, or ATX headings (`##`). */
export type MarkdownHeadings = 'official' | 'atx';

/**
 * The form in Markdown, target by target, goal by goal, each question followed by `body(question)`.
 * `official` reproduces the published layout (`Policy Target No. N`, `A) *prompt*`); `atx` uses
 * headings two (target) to four (question) for documents read as Markdown.
 */
export function formMarkdown(info: CycleInfo, headings: MarkdownHeadings, body: (question: FormQuestion) => string): string {
  const h = (level: number) => (headings === 'atx' ? `${'#'.repeat(level)} ` : '');
  return formOutline(info)
    .flatMap(({ target, goals }) => [
      `${h(2)}Policy Target No. ${target.number}`,
      target.title,
      ...goals.flatMap(({ goal, questions }) => [
        `${h(3)}Operational Goal: ${goal.title}`,
        ...questions.flatMap((question) => {
          const prompt = goal.prompts[question.key];
          return [headings === 'atx' ? `${h(4)}${question.key}) ${prompt}` : `${question.key}) *${prompt}*`, body(question)];
        }),
      ]),
    ])
    .join('\n\n');
}

/** The form as nested HTML sections: `h2` target, `h3` goal, `h4` question, then `body(question)`. */
export function formHtml(info: CycleInfo, body: (question: FormQuestion) => string): string {
  return formOutline(info)
    .map(({ target, goals }) => {
      const targetId = anchorId('target', String(target.number));
      const goalsHtml = goals.map(({ goal, questions }) => {
        const goalId = anchorId('goal', goal.id);
        const questionsHtml = questions.map((question) => {
          const id = anchorId('section', question.section.id);
          const prompt = `${question.key}) ${escapeHtml(goal.prompts[question.key])}`;
          return `<section class="question" aria-labelledby="${id}">\n<h4 id="${id}">${prompt}</h4>\n${body(question)}\n</section>`;
        });
        const heading = `<h3 id="${goalId}"><span class="label">Operational Goal ${escapeHtml(goal.id)}:</span> ${escapeHtml(goal.title)}</h3>`;
        return [`<section class="goal" aria-labelledby="${goalId}">`, heading, ...questionsHtml, '</section>'].join('\n');
      });
      const heading = `<h2 id="${targetId}">Policy Target No. ${target.number}</h2>\n<p class="target-title">${escapeHtml(target.title)}</p>`;
      return [`<section class="target" aria-labelledby="${targetId}">`, heading, ...goalsHtml, '</section>'].join('\n');
    })
    .join('\n');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
.subtitle, .country { font-size: 1.2rem; font-weight: bold; text-transform: uppercase; margin-top: 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #1f3c88; padding-bottom: 0.2rem; margin-top: 2.5rem; }
.target-title { font-weight: bold; }
h3 { font-size: 1.1rem; margin-top: 2rem; }
h3 .label { color: #1f3c88; }
h4 { font-size: 1rem; font-style: italic; font-weight: normal; margin: 1.5rem 0 0.5rem; }
h5 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.nothing-to-report, .unanswered { color: #555; font-style: italic; }
.edition { color: #555; }
.attachments { font-size: 0.9rem; color: #333; }
.attachments-label { font-weight: bold; margin-bottom: 0; }
nav ul { list-style: none; padding-left: 0; }
nav li { margin: 0.2rem 0; }
a { color: #1f3c88; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 0.2rem 0.4rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  @page { margin: 2cm; }
  h2, h3, h4, h5 { break-after: avoid; page-break-after: avoid; }
  .target { break-before: page; page-break-before: always; }
  .target:first-of-type { break-before: auto; page-break-before: auto; }
  li, blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
  nav { break-after: page; page-break-after: always; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

/** A complete, self-contained HTML page (doctype, charset, title, embedded screen and print CSS). */
export function htmlPage(page: { title: string; body: string; lang?: string | undefined }): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    page.body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
