/**
 * Specification of the cycle compilation: every country's answer under each question, with a
 * contents list by country whose links all resolve, in Markdown and in HTML.
 */
import { describe, expect, it } from 'vitest';
import {
  answerToHtml,
  parseReportingForm,
  renderCompilationHtml,
  renderCompilationMarkdown,
  renderHtml,
  toSectionAnswers,
  type CountryReport,
} from '../../../shared/documents';
import { info, readSeed, SEEDS } from './fixtures';

// Given Montenegro first on purpose: the compilation orders countries by name.
const reports: CountryReport[] = SEEDS.map((seed) => ({
  country: seed.code,
  countryName: seed.countryName,
  sections: toSectionAnswers(info, parseReportingForm(readSeed(seed), info).answers),
}));

describe('renderCompilationMarkdown', () => {
  const markdown = renderCompilationMarkdown(info, reports);

  it('starts with the title and a contents list by country, in alphabetical order', () => {
    expect(markdown.startsWith(`# ${info.cycle.form.title}\n\nCompilation of the country reports\n\n## Contents\n\n- [Kosovo](#xk-1-1-a): [1.1](#xk-1-1-a) · [2.1](#xk-2-1-a)`)).toBe(true);
    expect(markdown).toContain('\n- [Montenegro](#me-1-1-a): [1.1](#me-1-1-a)');
  });

  it('has an anchor for every link of the contents', () => {
    const links = [...markdown.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(2 * (1 + 7));
    for (const id of links) expect(markdown).toContain(`<a id="${id}"></a>`);
  });

  it('gives, under each question, every country\'s answer in sequence', () => {
    expect((markdown.match(/^##### /gm) ?? []).length).toBe(42);
    expect((markdown.match(/^#### [ABC]\) /gm) ?? []).length).toBe(21);
    const question = markdown.indexOf(`#### C) ${info.sections[2]?.prompt}`);
    const kosovo = markdown.indexOf('##### <a id="xk-1-1-c"></a>Kosovo', question);
    const montenegro = markdown.indexOf('##### <a id="me-1-1-c"></a>Montenegro', question);
    const next = markdown.indexOf('## Policy Target No. 2');
    expect(question).toBeGreaterThan(0);
    expect(kosovo).toBeGreaterThan(question);
    expect(montenegro).toBeGreaterThan(kosovo);
    expect(next).toBeGreaterThan(montenegro);
    expect(markdown.slice(montenegro, next)).toContain('- Montenegro will put additional efforts in providing tools and resources for providing services for identification of victims.');
    expect(markdown).toContain('##### <a id="xk-1-1-b"></a>Kosovo\n\n/\n\n##### <a id="me-1-1-b"></a>Montenegro\n\n- Enhanced cooperation');
  });

  it('says so when there is no report', () => {
    expect(renderCompilationMarkdown(info, [])).toContain('## Contents\n\n_No country reports._');
  });
});

describe('renderCompilationHtml', () => {
  const html = renderCompilationHtml(info, reports);

  it('is one printable page with a contents navigation by country', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/<nav aria-labelledby="contents">\n<h2 id="contents">Contents<\/h2>\n<ul>\n<li><a href="#xk-1-1-a">Kosovo<\/a>[\s\S]*<li><a href="#me-1-1-a">Montenegro<\/a>/);
  });

  it('resolves every internal link to an element id', () => {
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBe(16);
    for (const href of hrefs) expect(ids).toContain(href);
    expect(ids.size).toBe([...html.matchAll(/\sid="/g)].length); // ids are unique
  });

  it('nests country answers under the question: h4 question, h5 country', () => {
    const count = (tag: string) => html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    expect([count('h1'), count('h2'), count('h3'), count('h4'), count('h5')]).toEqual([1, 5, 7, 21, 42]);
    const countries = [...html.matchAll(/<h5 id="([a-z]{2})-1-1-a">/g)].map((m) => m[1]);
    expect(countries).toEqual(['xk', 'me']);
  });

  it('renders each answer with the same helper as the single-report export', () => {
    const montenegro = reports.find((r) => r.country === 'ME');
    const text = montenegro?.sections.find((s) => s.id === '3.2.C')?.text ?? '';
    const fragment = answerToHtml(text);
    expect(fragment).toBe('<ul>\n<li>Develop public awareness material in commonly-used languages that can be tailored for use in Global Alliance countries, thereby reducing costs.</li>\n</ul>');
    expect(html).toContain(fragment);
    expect(renderHtml(info, 'Montenegro', montenegro?.sections ?? [])).toContain(fragment);
  });

  it('lets no script through from answers or country names', () => {
    const page = renderCompilationHtml(info, [
      { country: 'ME', countryName: 'Monte<script>alert(1)</script>', sections: [{ id: '1.1.A', text: '<img src=x onerror=alert(1)> [x](javascript:alert(1))', nothingToReport: false }] },
    ]);
    expect(page).not.toMatch(/<(script|img)\b|<[^>]*(javascript:|\son[a-z]+\s*=)/i);
    expect(page).toContain('Monte&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
