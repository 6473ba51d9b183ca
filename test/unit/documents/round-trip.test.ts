/**
 * Round trips between the published text layout and the export: what the parser reads from a
 * seed, the export writes back so that the parser reads the same, and the seed is recognisable.
 */
import { describe, expect, it } from 'vitest';
import { parseReportingForm, renderMarkdown, toSectionAnswers } from '../../../shared/documents';
import { info, normalizeDocument, readSeed, SEEDS } from './fixtures';

const cases = SEEDS.map((seed) => {
  const parsed = parseReportingForm(readSeed(seed), info);
  const exported = renderMarkdown(info, seed.countryName, toSectionAnswers(info, parsed.answers));
  return { seed, parsed, exported };
});

describe('round trip of the published 2014 forms', () => {
  it.each(cases)('parse → renderMarkdown → parse gives the same 21 answers for $seed.name', ({ seed, parsed, exported }) => {
    const again = parseReportingForm(exported, info);
    expect(again.answers.size).toBe(21);
    expect(again.answers).toEqual(parsed.answers);
    expect(again.country).toBe(seed.code);
    expect(again.problems).toEqual([]);
    expect(again.unplaced).toEqual([]);
  });

  it.each(cases)('renderMarkdown(parse(seed)) equals the $seed.name seed after the documented normalization', ({ seed, exported }) => {
    expect(normalizeDocument(exported)).toEqual(normalizeDocument(readSeed(seed)));
  });

  it.each(cases)('the export of $seed.name is a fixed point: exporting it again changes nothing', ({ seed, exported }) => {
    const again = parseReportingForm(exported, info);
    expect(renderMarkdown(info, seed.countryName, toSectionAnswers(info, again.answers))).toBe(exported);
  });

  it('keeps attachments through a round trip', () => {
    const sections = toSectionAnswers(info, cases[0]!.parsed.answers).map((s) =>
      s.id === '2.2.B' ? { ...s, attachments: [{ filename: 'statistics 2013.xlsx' }, { filename: 'jit.pdf' }] } : s,
    );
    const parsed = parseReportingForm(renderMarkdown(info, 'Montenegro', sections), info);
    expect(parsed.answers.get('2.2.B')?.attachments).toEqual(['statistics 2013.xlsx', 'jit.pdf']);
    expect(toSectionAnswers(info, parsed.answers)).toEqual(sections);
  });
});

describe('the documented normalization', () => {
  it('tells a changed answer apart from the seed', () => {
    const { seed, exported } = cases[0]!;
    const changed = exported.replace('services for identification of victims.', 'services for identification of offenders.');
    expect(normalizeDocument(changed)).not.toEqual(normalizeDocument(readSeed(seed)));
  });

  it('tells a bullet split into two items apart from one item', () => {
    const { seed, exported } = cases[0]!;
    const changed = exported.replace('for providing services for', 'for providing\n- services for');
    expect(normalizeDocument(changed)).not.toEqual(normalizeDocument(readSeed(seed)));
  });
});
