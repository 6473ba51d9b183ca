/**
 * The compilation of a cycle: every country's answer to each question in one document, arranged
 * by target, goal and question as the European Commission compiled the country reports.
 */
import type { CycleInfo } from '../form';
import { answersById, type CountryReport, type SectionAnswer } from './answers';
import { editionText } from './export';
import { anchorId, answerHtml, answerMarkdown, escapeHtml, formHtml, formMarkdown, formTitle, htmlPage, type HtmlOptions } from './render';

/** Title of the compilation under the form's title. */
export const COMPILATION_SUBTITLE = 'Compilation of the country reports';

interface IndexedReport {
  report: CountryReport;
  answers: Map<string, SectionAnswer>;
}

/** Countries in alphabetical order of their names, as in the Commission's compilations. */
function indexReports(reports: readonly CountryReport[]): IndexedReport[] {
  return [...reports]
    .sort((a, b) => a.countryName.localeCompare(b.countryName, 'en'))
    .map((report) => ({ report, answers: answersById(report.sections) }));
}

/** Anchor of one country's answer to one section: `xk-1-1-a`. */
export function compilationAnchor(country: string, sectionId: string): string {
  return anchorId(country, sectionId);
}

/** Square brackets would end a Markdown link text early. */
function linkText(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

/**
 * The compilation as Markdown: `#` title, a contents list by country (each linking to the
 * country's answers, goal by goal), then `##` targets, `###` goals, `####` questions and under
 * each question one `#####` heading per country (with an anchor) followed by its answer or `/`.
 */
export function renderCompilationMarkdown(info: CycleInfo, reports: readonly CountryReport[]): string {
  const indexed = indexReports(reports);
  const firstSection = info.sectionIds[0] ?? '';
  const goalIds = info.cycle.form.targets.flatMap((t) => t.goals.map((g) => g.id));
  const contents = indexed.map(({ report }) => {
    const goals = goalIds.map((g) => `[${g}](#${compilationAnchor(report.country, `${g}.A`)})`).join(' · ');
    const edition = report.edition ? ` (${editionText(report.edition)})` : '';
    return `- [${linkText(report.countryName)}](#${compilationAnchor(report.country, firstSection)})${edition}: ${goals}`;
  });
  const body = formMarkdown(info, 'atx', ({ section }) =>
    indexed
      .map(({ report, answers }) => {
        const heading = `##### <a id="${compilationAnchor(report.country, section.id)}"></a>${report.countryName}`;
        return `${heading}\n\n${answerMarkdown(answers.get(section.id))}`;
      })
      .join('\n\n'),
  );
  const toc = contents.length > 0 ? contents.join('\n') : '_No country reports._';
  return `# ${formTitle(info)}\n\n${COMPILATION_SUBTITLE}\n\n## Contents\n\n${toc}\n\n${body}\n`;
}

/**
 * The compilation as one printable HTML page: `h1` title, a contents navigation by country, then
 * `h2` targets, `h3` goals, `h4` questions and one `article` per country with an `h5` name.
 */
export function renderCompilationHtml(info: CycleInfo, reports: readonly CountryReport[], options: HtmlOptions = {}): string {
  const indexed = indexReports(reports);
  const firstSection = info.sectionIds[0] ?? '';
  const goalIds = info.cycle.form.targets.flatMap((t) => t.goals.map((g) => g.id));
  const contents = indexed.map(({ report }) => {
    const goals = goalIds
      .map((g) => `<a href="#${compilationAnchor(report.country, `${g}.A`)}">${escapeHtml(g)}</a>`)
      .join(' · ');
    const name = `<a href="#${compilationAnchor(report.country, firstSection)}">${escapeHtml(report.countryName)}</a>`;
    const edition = report.edition ? ` <span class="edition">(${escapeHtml(editionText(report.edition))})</span>` : '';
    return `<li>${name}${edition}: <span class="goals">${goals}</span></li>`;
  });
  const title = formTitle(info);
  const body = [
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="subtitle">${escapeHtml(COMPILATION_SUBTITLE)}</p>`,
    '</header>',
    '<nav aria-labelledby="contents">',
    '<h2 id="contents">Contents</h2>',
    contents.length > 0 ? `<ul>\n${contents.join('\n')}\n</ul>` : '<p>No country reports.</p>',
    '</nav>',
    formHtml(info, ({ section }) =>
      indexed
        .map(({ report, answers }) => {
          const id = compilationAnchor(report.country, section.id);
          return `<article class="country-answer" aria-labelledby="${id}">\n<h5 id="${id}">${escapeHtml(report.countryName)}</h5>\n${answerHtml(answers.get(section.id))}\n</article>`;
        })
        .join('\n'),
    ),
  ].join('\n');
  return htmlPage({ title: `${title}: ${COMPILATION_SUBTITLE}`, body, lang: options.lang });
}
