/**
 * Specification of the reporting-form parser: the two published 2014 forms read completely and
 * exactly, and documents that disagree with the form are reported, never silently reshaped.
 */
import { describe, expect, it } from 'vitest';
import { parseReportingForm, renderMarkdown, type ParsedReportingForm } from '../../../shared/documents';
import { containsRun, info, readSeed, SEEDS, words } from './fixtures';

const parsedSeeds = SEEDS.map((seed) => ({ seed, text: readSeed(seed), parsed: parseReportingForm(readSeed(seed), info) }));

function answer(parsed: ParsedReportingForm, id: string) {
  const found = parsed.answers.get(id);
  if (!found) throw new Error(`no answer for ${id}`);
  return found;
}

/** A well-formed 2014 document in the official layout, every answer `/`, as lines to edit. */
function blankFormLines(): string[] {
  return renderMarkdown(info, 'Montenegro', []).split('\n');
}

function lineNumberOf(lines: readonly string[], startsWith: string): number {
  const index = lines.findIndex((line) => line.startsWith(startsWith));
  if (index < 0) throw new Error(`no line starts with ${startsWith}`);
  return index + 1;
}

describe('parseReportingForm on the published 2014 forms', () => {
  it.each(parsedSeeds)('reads the title and the country line of $seed.name', ({ seed, parsed }) => {
    expect(parsed.title).toBe('Global Alliance Against Child Sexual Abuse Online – 2014 Reporting Form');
    expect(parsed.year).toBe(2014);
    expect(parsed.countryLine).toBe(seed.countryLine);
    expect(parsed.country).toBe(seed.code);
  });

  it.each(parsedSeeds)('finds all 21 sections of $seed.name in form order, with no problem and no unplaced line', ({ parsed }) => {
    expect([...parsed.answers.keys()]).toEqual(info.sectionIds);
    expect(parsed.problems).toEqual([]);
    expect(parsed.unplaced).toEqual([]);
  });

  it.each(parsedSeeds)('places every non-blank line of $seed.name exactly once', ({ text, parsed }) => {
    const nonBlank = text.split(/\r?\n/).flatMap((line, i) => (line.trim() === '' ? [] : [i + 1]));
    expect(parsed.lines.map((p) => p.line)).toEqual(nonBlank);
    expect(parsed.lines.filter((p) => p.kind === 'unplaced')).toEqual([]);
  });

  it.each(parsedSeeds)('keeps the words of every answer line of $seed.name in its section, in order', ({ text, parsed }) => {
    const source = text.split(/\r?\n/);
    const answerLines = parsed.lines.filter((p) => p.kind === 'answer');
    expect(answerLines.length).toBeGreaterThan(20);
    for (const placement of answerLines) {
      const lineWords = words(source[placement.line - 1] ?? '');
      const sectionWords = words(answer(parsed, placement.section ?? '').text);
      expect(containsRun(sectionWords, lineWords), `line ${placement.line} in ${placement.section}`).toBe(true);
    }
  });

  it.each(parsedSeeds)('reads every other line of $seed.name as a heading whose words are the form\'s', ({ seed, text, parsed }) => {
    const source = text.split(/\r?\n/);
    const form = info.cycle.form;
    const headingText = [
      form.title,
      seed.countryLine,
      ...form.targets.flatMap((t) => [`Policy Target No. ${t.number}`, t.title, ...t.goals.flatMap((g) => [`Operational Goal: ${g.title}`])]),
    ].join(' ');
    const vocabulary = new Set(words(headingText));
    for (const placement of parsed.lines.filter((p) => p.kind !== 'answer')) {
      const lineWords = words(source[placement.line - 1] ?? '');
      if (placement.kind === 'prompt') {
        const section = info.sections.find((s) => s.id === placement.section);
        expect(section, `line ${placement.line}`).toBeDefined();
        expect(lineWords, `line ${placement.line}`).toEqual(words(`${section?.question}) ${section?.prompt}`));
      } else {
        expect(['title', 'country', 'target', 'target-title', 'goal']).toContain(placement.kind);
        expect(lineWords.filter((w) => !vocabulary.has(w)), `line ${placement.line}`).toEqual([]);
      }
    }
  });

  it.each([
    {
      seed: 'montenegro',
      id: '1.1.C',
      why: 'joins a bullet that a page break continued on a line of its own',
      expected:
        '- Montenegro will develop, protocol and standard procedures to identify victims.\n' +
        '- Cooperation and coordination between law enforcement authorities of different States on victim identification will be further enhanced.\n' +
        '- Montenegro will put additional efforts in providing tools and resources for providing services for identification of victims.\n' +
        '- Montenegro will ensure that law enforcement authorities have access to the ICSE database.',
    },
    {
      seed: 'montenegro',
      id: '3.2.C',
      why: 'reads a bullet inside stray HTML after a tab and drops the marking italics',
      expected: '- Develop public awareness material in commonly-used languages that can be tailored for use in Global Alliance countries, thereby reducing costs.',
    },
    {
      seed: 'montenegro',
      id: '2.1.B',
      why: 'keeps the text verbatim, spacing before a semicolon included',
      expected:
        '- Ministry for Information Society and Telecommunications has established a National CIRT, whose responsibilities include receiving and responding to all cyber security related incidents. All incidents can be reported directly on the website www.cirt.me ;\n' +
        '- A certain number of courts and prosecutors offices in Montenegro is equipped with a special audio-visual equipment for examination / testing of children in conflict with the law and child victims or witnesses of crimes.',
    },
    {
      seed: 'kosovo',
      id: '1.1.C',
      why: 'separates paragraphs by one blank line',
      expected:
        'Kosovo Police has made significant progress in fighting this phenomenon by establishing specialized structures within Kosovo Police.\n\n' +
        'The Unit for Protection of Children subject to misuse within the Directorate for Serious Crimes has drafted standard operating procedures for protection of the victims and investigation of these cases.',
    },
    {
      seed: 'kosovo',
      id: '2.1.C',
      why: 'keeps a bullet that is not emphasised as it is',
      expected:
        '- January 2014, two cybercrime investigators (police officers) have participated in a training organized by ICITAP in ILEA (International Law Enforcement Academy) Budapest. This training has to do with "Child pornography on the Internet" and lasted for one week.',
    },
  ])('$seed $id: $why', ({ seed, id, expected }) => {
    const parsed = parsedSeeds.find((p) => p.seed.name === seed)?.parsed;
    expect(parsed && answer(parsed, id)).toEqual({ text: expected, nothingToReport: false, attachments: [] });
  });

  it('reads a numbered list as consecutive `N. ` items and keeps "ë" and trailing ";"', () => {
    const kosovo = parsedSeeds[1]!.parsed;
    const lines = answer(kosovo, '3.1.C').text.split('\n');
    expect(lines.map((l) => /^(\d+)\. /.exec(l)?.[1])).toEqual(['1', '2', '3', '4', '5']);
    expect(lines[1]).toBe('2. Launching the pilot project/programme in the Fushë Kosova municipality;');
  });

  it('puts the items of one list on consecutive lines even when the source has a blank line between them', () => {
    const montenegro = parsedSeeds[0]!.parsed;
    const text = answer(montenegro, '2.1.C').text;
    expect(text.split('\n')).toHaveLength(3);
    expect(text).not.toContain('\n\n');
  });

  it.each([
    { seed: 'montenegro', id: '2.2.A', source: '`/` on its own line' },
    { seed: 'montenegro', id: '3.2.A', source: '`/` after a tab' },
    { seed: 'kosovo', id: '1.1.B', source: 'an empty answer' },
    { seed: 'kosovo', id: '3.2.A', source: '`--`' },
    { seed: 'kosovo', id: '4.2.C', source: '`--` at the end of the file' },
  ])('reads $source ($seed $id) as nothing to report', ({ seed, id }) => {
    const parsed = parsedSeeds.find((p) => p.seed.name === seed)?.parsed;
    expect(parsed && answer(parsed, id)).toEqual({ text: '', nothingToReport: true, attachments: [] });
  });

  it('strips no emphasis from text where the country did not use it to mark its whole answer', () => {
    const kosovo = parsedSeeds[1]!.parsed;
    for (const [, a] of kosovo.answers) expect(a.text).not.toContain('*');
    const montenegro = parsedSeeds[0]!.parsed;
    for (const [, a] of montenegro.answers) expect(a.text).not.toMatch(/[*<>]/);
  });
});

describe('parseReportingForm on documents that disagree with the form', () => {
  it('reports a line before the first policy target that is neither title nor country as unplaced, with its line number', () => {
    const lines = blankFormLines();
    lines.splice(3, 0, 'Prepared by the Ministry of Interior, June 2014', '');
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.unplaced).toEqual([
      { line: 4, text: 'Prepared by the Ministry of Interior, June 2014', reason: expect.stringContaining('before the first policy target') },
    ]);
    expect(parsed.lines).toContainEqual({ line: 4, kind: 'unplaced' });
    expect(parsed.country).toBe('ME');
    expect(parsed.answers.size).toBe(21);
  });

  it('reports a missing policy target by number and title', () => {
    const lines = blankFormLines();
    const from = lineNumberOf(lines, 'Policy Target No. 3') - 1;
    const to = lineNumberOf(lines, 'Policy Target No. 4') - 1;
    lines.splice(from, to - from);
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.problems).toEqual([{ message: expect.stringMatching(/^Policy Target No\. 3 is missing \("Enhancing efforts to increase public awareness/) }]);
    expect([...parsed.answers.keys()]).toEqual(info.sectionIds.filter((id) => !id.startsWith('3.')));
    expect(parsed.unplaced).toEqual([]);
  });

  it('reports a goal title that does not match the form, and still files its answers under the goal in that place', () => {
    const lines = blankFormLines();
    const n = lineNumberOf(lines, 'Operational Goal: Improve the joint efforts');
    lines[n - 1] = 'Operational Goal: Improve the common efforts of police forces.';
    lines[n + 1] = 'A) *Please report on implementation of any measures announced in your country\'s 2013 report*';
    lines[n + 3] = 'Joint operations with two neighbours.';
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.problems).toEqual([
      { line: n, message: expect.stringMatching(/^Operational goal 2\.2 does not match the form: expected "Improve the joint efforts.*", found "Improve the common efforts of police forces\."$/) },
    ]);
    expect(parsed.answers.get('2.2.A')).toEqual({ text: 'Joint operations with two neighbours.', nothingToReport: false, attachments: [] });
  });

  it('reports a reworded prompt but still reads it as that question', () => {
    const lines = blankFormLines();
    const n = lineNumberOf(lines, 'B) *Please assess progress');
    lines[n - 1] = 'B) Please assess the progress made in your country to pursue this shared policy target';
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.problems).toEqual([{ line: n, message: expect.stringMatching(/^Question 1\.1\.B does not match the form/) }]);
    expect(parsed.lines).toContainEqual({ line: n, kind: 'prompt', section: '1.1.B' });
  });

  it('reports the generic third question under goal 4.2, whose published wording differs', () => {
    const lines = blankFormLines();
    const n = lineNumberOf(lines, 'C) *Please indicate specific actions that will be undertaken');
    lines[n - 1] = 'C) Please indicate specific actions that your country will undertake as a follow-up';
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.problems).toEqual([{ line: n, message: expect.stringContaining('Question 4.2.C does not match the form') }]);
  });

  it('reports a policy target the form does not have and keeps its lines as unplaced', () => {
    const text = `${blankFormLines().join('\n')}\nPolicy Target No. 5\n\nSomething else entirely.\n\nOperational Goal: More.\n\nA) *Please report on implementation of any measures announced in your country's 2013 report*\n\nAn answer.\n`;
    const parsed = parseReportingForm(text, info);
    const lines = text.split('\n');
    const at = (s: string) => lines.lastIndexOf(s) + 1;
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Policy Target No. 5 is not in the 2014 form',
      'Operational goal "More." is outside any policy target of the form',
    ]);
    expect(parsed.unplaced.map((u) => u.line)).toEqual([at('Something else entirely.'), at("A) *Please report on implementation of any measures announced in your country's 2013 report*"), at('An answer.')]);
    expect(parsed.answers.size).toBe(21);
  });

  it('reports targets out of order and a missing question', () => {
    const lines = blankFormLines();
    const b = lineNumberOf(lines, 'B) *Please assess progress');
    lines.splice(b - 1, 4); // the first goal's B prompt and its `/`
    const t2 = lineNumberOf(lines, 'Policy Target No. 2') - 1;
    const t3 = lineNumberOf(lines, 'Policy Target No. 3') - 1;
    const target2 = lines.splice(t2, t3 - t2);
    lines.push('', ...target2);
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.problems.map((p) => p.message)).toEqual(['Policy Target No. 2 is out of order: it comes after Policy Target No. 4', 'Question 1.1.B is missing ("Please assess progress made in your country to pursue this shared policy target and to reach this operational goal of the Global Alliance")']);
  });

  it('names a country line that is no participant', () => {
    const lines = blankFormLines();
    lines[2] = 'ATLANTIS';
    const parsed = parseReportingForm(lines.join('\n'), info);
    expect(parsed.countryLine).toBe('ATLANTIS');
    expect(parsed.country).toBeUndefined();
    expect(parsed.problems).toEqual([{ line: 3, message: '"ATLANTIS" is not a participant of cycle 2014' }]);
  });
});

describe('parseReportingForm on answer formats', () => {
  /** The blank form with the answer of 1.1.A replaced by `answer`. */
  function withFirstAnswer(answerText: string, eol = '\n'): string {
    const lines = blankFormLines();
    const n = lineNumberOf(lines, 'A) *Please report');
    lines.splice(n + 1, 1, ...answerText.split('\n'));
    return lines.join(eol);
  }

  it.each([
    { format: 'paragraph lines joined', input: 'First line\nsecond line.', expected: 'First line second line.' },
    { format: '• bullets', input: '• one\n• two', expected: '- one\n- two' },
    { format: '* and + bullets as one list', input: '* one\n+ two', expected: '- one\n- two' },
    { format: 'numbered with `)`', input: '1) one\n2) two', expected: '1. one\n2. two' },
    { format: 'a paragraph then a list', input: 'We did:\n\n- one\n- two', expected: 'We did:\n\n- one\n- two' },
    { format: 'a bullet list then a numbered list', input: '- one\n\n1. first', expected: '- one\n\n1. first' },
    { format: '<i> and <b> as Markdown', input: 'The <b>new</b> law and <i>the</i> code.', expected: 'The **new** law and *the* code.' },
    { format: '<ul><li> lists', input: '<ul><li>one</li>\n<li>two</li></ul>', expected: '- one\n- two' },
    { format: 'emphasis on some items only (kept)', input: '- *one*\n- two', expected: '- *one*\n- two' },
    { format: 'emphasis wrapping every paragraph (dropped)', input: '*One.*\n\n*Two.*', expected: 'One.\n\nTwo.' },
    { format: 'leading tabs', input: '\t\t- one\n\t- two', expected: '- one\n- two' },
    { format: 'a page-broken paragraph', input: 'The ministry will adopt the\n\nstrategy in 2015.', expected: 'The ministry will adopt the strategy in 2015.' },
    { format: 'two sentences in two paragraphs', input: 'The ministry will adopt it.\n\nit is on track.', expected: 'The ministry will adopt it.\n\nit is on track.' },
    { format: '`/` with other text (kept as text)', input: 'See below.\n\n/', expected: 'See below.\n\n/' },
    { format: 'an answer line like a prompt but unlike any question', input: 'A) We adopted the law.', expected: 'A) We adopted the law.' },
  ])('reads $format', ({ input, expected }) => {
    const parsed = parseReportingForm(withFirstAnswer(input), info);
    expect(parsed.answers.get('1.1.A')).toEqual({ text: expected, nothingToReport: false, attachments: [] });
    expect(parsed.problems).toEqual([]);
    expect(parsed.unplaced).toEqual([]);
  });

  it('reads Windows line endings and a byte-order mark', () => {
    const parsed = parseReportingForm(`\uFEFF${withFirstAnswer('- one\n- two', '\r\n')}`, info);
    expect(parsed.title).toBe(info.cycle.form.title);
    expect(parsed.answers.get('1.1.A')?.text).toBe('- one\n- two');
    expect(parsed.problems).toEqual([]);
  });

  it('reads `Attachment:` lines as the section\'s attachments', () => {
    const parsed = parseReportingForm(withFirstAnswer('Done.\n\nAttachment: plan 2014.pdf\nAttachment: annex.docx'), info);
    expect(parsed.answers.get('1.1.A')).toEqual({ text: 'Done.', nothingToReport: false, attachments: ['plan 2014.pdf', 'annex.docx'] });
  });
});
