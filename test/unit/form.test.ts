import { readSeed } from '../support/seeds';
import { describe, expect, it } from 'vitest';
import { CycleSchema, DEFAULT_CYCLES, FORM_2014, FormSchema, findCycle, sectionsOf } from '../../shared/form';

const seeds = (['montenegro-2014.txt', 'kosovo-2014.txt'] as const).map((name) => ({
  name,
  // Page breaks split lines in the published documents; compare with whitespace runs collapsed.
  text: readSeed(name).replace(/\s+/g, ' '),
}));

describe('the 2014 form', () => {
  // The form is typed data, not parsed at import: this is where a mistake in it fails.
  it('is a valid form as it stands (the schema accepts it and changes nothing: no default, no trimming)', () => {
    expect(FormSchema.parse(FORM_2014)).toStrictEqual(FORM_2014);
  });

  it('has 4 policy targets, 7 operational goals and 21 sections in form order', () => {
    expect(FORM_2014.targets).toHaveLength(4);
    expect(FORM_2014.targets.map((t) => t.goals.map((g) => g.id))).toEqual([['1.1'], ['2.1', '2.2'], ['3.1', '3.2'], ['4.1', '4.2']]);
    const ids = sectionsOf(FORM_2014).map((s) => s.id);
    expect(ids).toHaveLength(21);
    expect(ids.slice(0, 4)).toEqual(['1.1.A', '1.1.B', '1.1.C', '2.1.A']);
    expect(ids.at(-1)).toBe('4.2.C');
  });

  it.each(seeds)('takes every title and prompt verbatim from $name', ({ text }) => {
    expect(text).toContain(FORM_2014.title);
    for (const target of FORM_2014.targets) {
      expect(text).toContain(`Policy Target No. ${target.number} ${target.title}`);
      for (const goal of target.goals) {
        expect(text).toContain(`Operational Goal: ${goal.title}`);
        for (const prompt of Object.values(goal.prompts)) expect(text).toContain(prompt);
      }
    }
  });

  it('words the third question of goal 4.2 as both published forms do', () => {
    const goal = FORM_2014.targets[3]!.goals[1]!;
    expect(goal.prompts.C).toBe('Please indicate specific actions that will be undertaken as a follow-up');
    expect(FORM_2014.targets[0]!.goals[0]!.prompts.C).toBe('Please indicate specific actions that your country will undertake as a follow-up');
  });

  it('refuses a form whose goals are misnumbered', () => {
    const broken = structuredClone(FORM_2014);
    broken.targets[1]!.goals[1]!.id = '2.3';
    const result = FormSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['targets', 1, 'goals', 1, 'id']);
  });
});

describe('the 2014 cycle', () => {
  it.each(DEFAULT_CYCLES.map((cycle) => [cycle.id, cycle] as const))('the cycle %s held in code is valid as it stands (the schema changes nothing)', (_, cycle) => {
    expect(CycleSchema.parse(cycle)).toStrictEqual(cycle);
  });

  it('has its form, a deadline and the participants of the Western Balkans among the Alliance members', () => {
    const info = findCycle('2014')!;
    expect(info.cycle.form).toEqual(FORM_2014);
    expect(Date.parse(info.cycle.deadline)).not.toBeNaN();
    const codes = info.cycle.participants.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['ME', 'XK', 'AL', 'BA', 'MK', 'RS']));
    expect(new Set(codes).size).toBe(codes.length);
    expect(info.sectionIds).toHaveLength(21);
  });

  it('is the only cycle so far', () => {
    expect(findCycle('2015')).toBeUndefined();
  });
});
