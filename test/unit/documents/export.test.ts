/**
 * Specification of the single-report export: the official Markdown layout of the published forms,
 * and a self-contained printable HTML page whose answers cannot carry script.
 */
import { describe, expect, it } from 'vitest';
import { parseReportingForm, renderHtml, renderMarkdown, type SectionAnswer } from '../../../shared/documents';
import { info } from './fixtures';

const sample: SectionAnswer[] = [
  { id: '1.1.A', text: 'We adopted *the* plan.\n\n- one\n- two', nothingToReport: false, attachments: [{ filename: 'plan 2014.pdf' }] },
  { id: '1.1.B', text: '', nothingToReport: true },
  { id: '1.1.C', text: 'stale text', nothingToReport: true },
  { id: '2.1.A', text: '   ', nothingToReport: false },
];

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(info, 'Montenegro', sample);
  const lines = markdown.split('\n');

  it('starts with the form title, then the country in capitals', () => {
    expect(lines.slice(0, 3)).toEqual(['Global Alliance Against Child Sexual Abuse Online – 2014 Reporting Form', '', 'MONTENEGRO']);
    expect(markdown.endsWith('No answer yet.\n')).toBe(true);
  });

  it.each([
    { edition: { publication: { number: 2, at: '2026-12-01T10:00:00.000Z' } }, line: 'Edition: publication 2 of 1 December 2026' },
    { edition: { publication: { number: 1, at: '2015-03-31T23:00:00.000Z', correctionInProgress: true } }, line: 'Edition: publication 1 of 31 March 2015 (a correction is in progress)' },
    { edition: { status: 'submitted', updatedAt: '2026-11-30T08:00:00.000Z' }, line: 'Edition: not published (status: submitted, last changed 30 November 2026)' },
  ])('names its edition after the country ($line), a line the parser reads back and places', ({ edition, line }) => {
    const withEdition = renderMarkdown(info, 'Montenegro', sample, edition);
    expect(withEdition.split('\n').slice(2, 5)).toEqual(['MONTENEGRO', '', line]);
    const parsed = parseReportingForm(withEdition, info);
    expect(parsed.edition).toBe(line.slice('Edition: '.length));
    expect(parsed.lines.find((l) => l.line === 5)?.kind).toBe('edition');
    expect(parsed.unplaced).toEqual([]);
    expect(parsed.answers).toEqual(parseReportingForm(markdown, info).answers);
  });

  it('lays out every target, goal and question of the form in order, as the published forms do', () => {
    const headings = lines.filter((l) => /^(Policy Target No\.|Operational Goal:|[ABC]\) )/.test(l));
    const expected = info.cycle.form.targets.flatMap((t) => [
      `Policy Target No. ${t.number}`,
      ...t.goals.flatMap((g) => [`Operational Goal: ${g.title}`, `A) *${g.prompts.A}*`, `B) *${g.prompts.B}*`, `C) *${g.prompts.C}*`]),
    ]);
    expect(headings).toEqual(expected);
    for (const t of info.cycle.form.targets) expect(lines[lines.indexOf(`Policy Target No. ${t.number}`) + 2]).toBe(t.title);
  });

  it('separates every block by exactly one blank line', () => {
    expect(markdown).not.toMatch(/\n\n\n/);
    expect(markdown).toContain(`A) *${info.sections[0]?.prompt}*\n\nWe adopted *the* plan.\n\n- one\n- two\n\nAttachment: plan 2014.pdf\n\nB) *`);
  });

  it.each([
    { id: '1.1.B', why: 'nothing to report' },
    { id: '1.1.C', why: 'nothing to report with stale text' },
  ])('prints `/` for $why ($id), read back as nothing to report', ({ id }) => {
    const prompt = info.sections.find((s) => s.id === id)?.prompt;
    expect(markdown).toContain(`) *${prompt}*\n\n/\n`);
    expect(parseReportingForm(markdown, info).answers.get(id)).toEqual({ text: '', nothingToReport: true, attachments: [] });
  });

  it.each([
    { id: '2.1.A', why: 'an empty answer' },
    { id: '4.2.C', why: 'a section that is not given' },
  ])('prints `No answer yet.` for $why ($id), read back as unanswered, not as nothing to report', ({ id }) => {
    const prompt = info.sections.find((s) => s.id === id)?.prompt;
    expect(markdown).toContain(`) *${prompt}*\n\nNo answer yet.\n`);
    expect(parseReportingForm(markdown, info).answers.get(id)).toEqual({ text: '', nothingToReport: false, attachments: [] });
  });
});

describe('renderHtml', () => {
  const html = renderHtml(info, 'Montenegro', sample);

  it('is one self-contained printable page', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<title>Montenegro – Global Alliance Against Child Sexual Abuse Online – 2014 Reporting Form</title>');
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<(link|script)\b|src=/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('uses one h1, then h2 per target, h3 per goal and h4 per question', () => {
    const count = (tag: string) => html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
    expect([count('h1'), count('h2'), count('h3'), count('h4'), count('h5')]).toEqual([1, 4, 7, 21, 0]);
    expect(html).toContain('<h1>Global Alliance Against Child Sexual Abuse Online – 2014 Reporting Form</h1>\n<p class="country">Montenegro</p>');
    const order = [...html.matchAll(/<h4 id="section-(\d)-(\d)-([abc])"/g)].map((m) => `${m[1]}.${m[2]}.${m[3]?.toUpperCase()}`);
    expect(order).toEqual(info.sectionIds);
  });

  it('renders answers from Markdown and lists attachments under their section', () => {
    expect(html).toContain('<div class="answer"><p>We adopted <em>the</em> plan.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul></div>\n<div class="attachments"><p class="attachments-label">Attachments</p><ul><li>plan 2014.pdf</li></ul></div>\n</section>\n<section class="question" aria-labelledby="section-1-1-b">');
    expect(html.match(/class="nothing-to-report">Nothing to report</g)).toHaveLength(2);
    expect(html.match(/class="unanswered">No answer yet.</g)).toHaveLength(18);
  });

  it('names its edition under the country', () => {
    expect(renderHtml(info, 'Montenegro', sample, { edition: { status: 'returned' } })).toContain('<p class="country">Montenegro</p>\n<p class="edition">Edition: not published (status: returned)</p>\n</header>');
    expect(html).not.toContain('class="edition"');
  });

  it('sets the page language from the options, escaped', () => {
    expect(renderHtml(info, 'Montenegro', [], { lang: 'sr-Latn-ME' })).toContain('<html lang="sr-Latn-ME">');
    expect(renderHtml(info, 'Montenegro', [], { lang: '"><script>' })).toContain('<html lang="&quot;&gt;&lt;script&gt;">');
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '[click](javascript:alert(1))',
    '<div onclick="alert(1)">x</div>',
    '<svg onload=alert(1)></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '[x](&#106;avascript:alert(1))',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
  ])('lets no script through in an answer: %s', (attack) => {
    const page = renderHtml(info, '<script>alert(1)</script>', [
      { id: '1.1.A', text: `Before.\n\n${attack}\n\nAfter.`, nothingToReport: false, attachments: [{ filename: '<img src=x onerror=alert(1)>.pdf' }] },
    ]);
    // Inside tags only: escaped text such as the file name may say "onerror=" harmlessly.
    expect(page).not.toMatch(/<(script|img|iframe|svg)\b/i);
    expect(page).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(page).not.toMatch(/<[^>]*(javascript|data):/i);
    expect(page).not.toMatch(/<[^>]*\sstyle=/i);
    expect(page).toContain('<p>Before.</p>');
    expect(page).toContain('<p>After.</p>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.pdf');
  });

  it('keeps safe links and marks them noopener', () => {
    const page = renderHtml(info, 'Montenegro', [{ id: '1.1.A', text: 'See [CIRT](https://www.cirt.me).', nothingToReport: false }]);
    expect(page).toContain('<a href="https://www.cirt.me" rel="noopener noreferrer">CIRT</a>');
  });
});
