/**
 * Export of one country's report: the official reporting-form layout as Markdown (the format the
 * parser reads back) and as one self-contained, printable HTML page.
 */
import type { CycleInfo } from '../form';
import { answersById, type SectionAnswer } from './answers';
import { answerHtml, answerMarkdown, escapeHtml, formHtml, formMarkdown, formTitle, htmlPage, type HtmlOptions } from './render';

/**
 * The report in the published layout: title, country in capitals, then per target
 * `Policy Target No. N`, its title, `Operational Goal: …`, `A) *prompt*` and the answer
 * (`/` when nothing to report or empty), with `Attachment: <file>` lines after it.
 * Blocks are separated by one blank line; the text ends with a newline.
 * Sections missing from `sections` print as `/`.
 */
export function renderMarkdown(info: CycleInfo, countryName: string, sections: readonly SectionAnswer[]): string {
  const answers = answersById(sections);
  const body = formMarkdown(info, 'official', ({ section }) => answerMarkdown(answers.get(section.id)));
  return `${formTitle(info)}\n\n${countryName.toUpperCase()}\n\n${body}\n`;
}

/**
 * The report as one printable HTML page: `h1` title with the country below it, `h2` targets,
 * `h3` goals, `h4` questions; answers rendered from Markdown with raw HTML escaped; attachments listed
 * under their section.
 */
export function renderHtml(info: CycleInfo, countryName: string, sections: readonly SectionAnswer[], options: HtmlOptions = {}): string {
  const answers = answersById(sections);
  const title = formTitle(info);
  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="country">${escapeHtml(countryName)}</p>`,
    '</header>',
    formHtml(info, ({ section }) => answerHtml(answers.get(section.id))),
  ].join('\n');
  return htmlPage({ title: `${countryName} – ${title}`, body, lang: options.lang });
}
