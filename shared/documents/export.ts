/**
 * Export of one country's report: the official reporting-form layout as Markdown (the format the
 * parser reads back) and as one self-contained, printable HTML page.
 */
import type { CycleInfo } from '../form';
import { dayInWords } from '../workflow/dates';
import { answersById, type SectionAnswer } from './answers';
import { answerHtml, answerMarkdown, escapeHtml, formHtml, formMarkdown, formTitle, htmlPage, type HtmlOptions } from './render';

/** Which edition of a report a document is: a publication (number and date), or the report as it stands, unpublished. */
export type Edition =
  | { publication: { number: number; at: string; correctionInProgress?: boolean } }
  | { status: string; updatedAt?: string | undefined };

/** The edition in words, as the `Edition:` line and the HTML header say it: `publication 2 of 1 December 2026`, `not published (status: submitted, last changed 30 November 2026)`. */
export function editionText(edition: Edition): string {
  if ('publication' in edition) {
    const { number, at, correctionInProgress } = edition.publication;
    return `publication ${number} of ${dayInWords(new Date(at))}${correctionInProgress ? ' (a correction is in progress)' : ''}`;
  }
  const changed = edition.updatedAt ? `, last changed ${dayInWords(new Date(edition.updatedAt))}` : '';
  return `not published (status: ${edition.status}${changed})`;
}

/**
 * The report in the published layout: title, country in capitals, then per target
 * `Policy Target No. N`, its title, `Operational Goal: …`, `A) *prompt*` and the answer
 * (`/` when nothing to report or empty), with `Attachment: <file>` lines after it.
 * Blocks are separated by one blank line; the text ends with a newline. With an edition, an
 * `Edition: …` line follows the country (the parser reads it back). Sections missing from `sections`,
 * or never answered, print as `No answer yet.`.
 */
export function renderMarkdown(info: CycleInfo, countryName: string, sections: readonly SectionAnswer[], edition?: Edition): string {
  const answers = answersById(sections);
  const body = formMarkdown(info, 'official', ({ section }) => answerMarkdown(answers.get(section.id)));
  const editionLine = edition ? `Edition: ${editionText(edition)}\n\n` : '';
  return `${formTitle(info)}\n\n${countryName.toUpperCase()}\n\n${editionLine}${body}\n`;
}

/**
 * The report as one printable HTML page: `h1` title with the country below it, `h2` targets,
 * `h3` goals, `h4` questions; answers rendered from Markdown with raw HTML escaped; attachments listed
 * under their section.
 */
export function renderHtml(info: CycleInfo, countryName: string, sections: readonly SectionAnswer[], options: HtmlOptions & { edition?: Edition } = {}): string {
  const answers = answersById(sections);
  const title = formTitle(info);
  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="country">${escapeHtml(countryName)}</p>`,
    ...(options.edition ? [`<p class="edition">Edition: ${escapeHtml(editionText(options.edition))}</p>`] : []),
    '</header>',
    formHtml(info, ({ section }) => answerHtml(answers.get(section.id))),
  ].join('\n');
  return htmlPage({ title: `${countryName} – ${title}`, body, lang: options.lang });
}
