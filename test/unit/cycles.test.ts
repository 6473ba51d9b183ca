/**
 * The pure rules of cycles: a following form's years, the cycle actions by status, when reports are
 * frozen, deadlines with extensions, overdue reports, and prefill decisions. No I/O.
 */
import { describe, expect, it } from 'vitest';
import { describeFormPath } from '../../functions/web/pages/cycle-form';
import { CycleSchema, FORM_2014, followingForm, findCycle, moveYears, type Cycle } from '../../shared/form';
import { isoCountryName } from '../../shared/form/countries';
import {
  CYCLE_ACTIONS,
  ConflictError,
  ForbiddenError,
  canEditSection,
  deadlineOf,
  decideCycleAction,
  decidePrefill,
  emptyReport,
  isOverdue,
  prefillRefusal,
  refusal,
  reportsFrozenReason,
  type Actor,
  type ReportState,
} from '../../shared/workflow';

const ADMIN: Actor = { sub: 'a', name: 'A', roles: ['admin'] };
const REVIEWER: Actor = { sub: 'r', name: 'R', roles: ['reviewer'] };
const RAP_ME: Actor = { sub: 'me', name: 'ME', roles: ['rapporteur'], country: 'ME' };
const info2014 = findCycle('2014')!;
const cycle = (over: Partial<Cycle> = {}): Cycle => CycleSchema.parse({ ...info2014.cycle, id: '2015', year: 2015, status: 'open', previous: '2014', deadline: '2015-09-30T23:59:59Z', ...over });

describe('the form of a following cycle', () => {
  it('moves every year of its title, id and questions on, and leaves the goals alone', () => {
    const form = followingForm(FORM_2014, 2);
    expect(form).toMatchObject({ id: 'global-alliance-2016', version: 1, title: 'Global Alliance Against Child Sexual Abuse Online – 2016 Reporting Form' });
    expect(form.targets[0]!.goals[0]!.prompts.A).toBe("Please report on implementation of any measures announced in your country's 2015 report");
    expect(form.targets.map((t) => t.goals.map((g) => g.title))).toEqual(FORM_2014.targets.map((t) => t.goals.map((g) => g.title)));
  });

  it.each([
    ['in 2013 and 2014', 1, 'in 2014 and 2015'],
    ['by at least 10% yearly', 1, 'by at least 10% yearly'],
    ['goal 1.1, 300 officers, 12345', 5, 'goal 1.1, 300 officers, 12345'],
  ])('moves "%s" by %i years to "%s"', (text, years, expected) => {
    expect(moveYears(text, years)).toBe(expected);
  });
});

describe('cycle actions', () => {
  it.each(Object.entries(CYCLE_ACTIONS).flatMap(([action, rule]) => (['planned', 'open', 'closed'] as const).map((status) => ({ action, status, allowed: (rule.from as readonly string[]).includes(status) }))))(
    '$action on a $status cycle: allowed $allowed (admin); a reviewer is refused',
    ({ action, status, allowed }) => {
      const c = cycle({ status });
      const act = () => decideCycleAction(action as keyof typeof CYCLE_ACTIONS, ADMIN, c);
      if (allowed) expect(act()).toBe((CYCLE_ACTIONS as Record<string, { to?: string }>)[action]!.to ?? status);
      else expect(act).toThrow(ConflictError);
      expect(() => decideCycleAction(action as keyof typeof CYCLE_ACTIONS, REVIEWER, c)).toThrow(ForbiddenError);
    },
  );

  it('freezes the form once the cycle has opened, saying so', () => {
    expect(() => decideCycleAction('updateCycleForm', ADMIN, cycle({ status: 'open' }))).toThrow(/frozen when the cycle opened/);
  });
});

describe('reports of a cycle that is not open', () => {
  it('are frozen, with a reason in plain words', () => {
    expect(reportsFrozenReason(cycle({ status: 'open' }))).toBeUndefined();
    expect(reportsFrozenReason(cycle({ status: 'planned' }))).toBe('The 2015 cycle has not opened yet: reports can be written once the secretariat opens it.');
    expect(reportsFrozenReason(cycle({ status: 'closed' }))).toBe('The 2015 cycle is closed: its reports can no longer change.');
  });

  it('cannot be edited nor submitted on the pages', () => {
    const closed = cycle({ status: 'closed' });
    expect(canEditSection(RAP_ME, 'ME', 'draft', cycle())).toBe(true);
    expect(canEditSection(RAP_ME, 'ME', 'draft', closed)).toBe(false);
    const answered: ReportState = { ...emptyReport('2015', 'ME', info2014.sectionIds), sections: info2014.sectionIds.map((id) => ({ id, status: 'draft', text: 'x', nothingToReport: false, version: 1 })) };
    expect(refusal('submitReport', RAP_ME, answered, {}, cycle())).toBeUndefined();
    expect(refusal('submitReport', RAP_ME, answered, {}, closed)).toBe('The 2015 cycle is closed: its reports can no longer change.');
  });
});

describe('deadlines', () => {
  const by = { sub: 'a', name: 'A' };
  const extended = cycle({ extensions: { XK: { deadline: '2015-12-31T23:59:59Z', reason: 'Elections', by, at: '2015-09-01T00:00:00Z' }, AL: { deadline: '2015-01-01T00:00:00Z', reason: 'x', by, at: '2015-01-01T00:00:00Z' } } });

  it("holds a participant to its extension, never to an earlier date than the cycle's", () => {
    expect(deadlineOf(extended, 'XK')).toBe('2015-12-31T23:59:59Z');
    expect(deadlineOf(extended, 'ME')).toBe('2015-09-30T23:59:59Z');
    expect(deadlineOf(extended, 'AL')).toBe('2015-09-30T23:59:59Z');
  });

  it('calls a report overdue when it was never submitted and its deadline has passed', () => {
    const october = new Date('2015-10-15T00:00:00Z');
    expect(isOverdue(extended, 'ME', 'draft', october)).toBe(true);
    expect(isOverdue(extended, 'XK', 'draft', october)).toBe(false);
    expect(isOverdue(extended, 'ME', 'submitted', october)).toBe(false);
    expect(isOverdue(extended, 'ME', 'draft', new Date('2015-09-30T12:00:00Z'))).toBe(false);
  });

  it('refuses a participant listed twice and an extension of a country that does not take part', () => {
    const twice = CycleSchema.safeParse({ ...cycle(), participants: [...cycle().participants, { code: 'ME', name: 'Montenegro' }] });
    expect(twice.error?.issues[0]).toMatchObject({ path: ['participants', 52, 'code'], message: 'ME is listed twice' });
    const stranger = CycleSchema.safeParse({ ...cycle(), extensions: { ZW: { deadline: '2015-12-31T23:59:59Z', reason: 'x', by, at: '2015-09-01T00:00:00Z' } } });
    expect(stranger.error?.issues[0]?.message).toBe('ZW does not take part in the cycle');
  });
});

describe('prefill', () => {
  const ids = info2014.sectionIds;
  const previous: ReportState = { ...emptyReport('2014', 'ME', ids), status: 'published', sections: ids.map((id) => ({ id, status: 'approved', text: id === '2.1.B' ? '' : `2014 ${id}`, nothingToReport: id === '2.1.B', version: 3 })) };
  const current = (): ReportState => {
    const report = { ...emptyReport('2015', 'ME', ids), status: 'returned' as const, version: 4 };
    report.sections = report.sections.map((s) => {
      if (s.id === '1.1.A') return { ...s, text: 'Written in 2015', version: 2 };
      if (s.id === '1.1.B') return { ...s, status: 'submitted', version: 3 };
      if (s.id === '1.1.C') return { ...s, nothingToReport: true, version: 1 };
      if (s.id === '2.1.A') return { ...s, status: 'returned', text: '', version: 5 };
      return s;
    });
    return report;
  };

  it('copies text only into editable sections without an answer, on the versions read, and says why it skipped the others', () => {
    const { plan, prefilled, skipped } = decidePrefill(RAP_ME, current(), previous);
    expect(prefilled).toHaveLength(17);
    expect(prefilled).toContain('2.1.A');
    expect(skipped).toEqual([
      { section: '1.1.A', reason: 'it has an answer already' },
      { section: '1.1.B', reason: 'it is submitted and cannot change now' },
      { section: '1.1.C', reason: 'it has an answer already' },
      { section: '2.1.B', reason: 'the 2014 report has no text for it' },
    ]);
    expect(plan).toMatchObject({ action: 'prefillReport', expectedReportVersion: 4, reportFrom: 'returned', reportTo: 'returned', event: { detail: expect.stringMatching(/^prefilled from the 2014 report: 2\.1\.A, 2\.1\.C/) } });
    expect(plan!.sections.find((c) => c.id === '2.1.A')).toEqual({ id: '2.1.A', fromStatus: 'returned', toStatus: 'returned', expectedVersion: 5, text: '2014 2.1.A', nothingToReport: false });
    expect(plan!.sectionStatuses['1.1.B']).toBe('submitted');
  });

  it('plans no write when there is nothing to copy, and keeps to the sections asked for', () => {
    expect(decidePrefill(RAP_ME, current(), previous, ['1.1.A', '2.1.B'])).toEqual({ prefilled: [], skipped: expect.any(Array) });
    expect(decidePrefill(RAP_ME, current(), previous, ['3.1.C']).prefilled).toEqual(['3.1.C']);
  });

  it("is the country's rapporteur's, on a draft or returned report", () => {
    expect(() => decidePrefill(REVIEWER, current(), previous)).toThrow(ForbiddenError);
    expect(() => decidePrefill({ ...RAP_ME, country: 'XK' }, current(), previous)).toThrow(ForbiddenError);
    expect(() => decidePrefill(RAP_ME, { ...current(), status: 'submitted' }, previous)).toThrow(ConflictError);
    expect(prefillRefusal(RAP_ME, current(), '2014')).toBeUndefined();
    expect(prefillRefusal(RAP_ME, current(), undefined)).toMatch(/follows no earlier cycle/);
    expect(prefillRefusal(REVIEWER, current(), '2014')).toMatch(/Only the country's rapporteurs may/);
  });
});

describe('form paths in plain words', () => {
  it.each([
    [[], 'The form'],
    [['title'], "The form's title"],
    [['targets', '1', 'title'], 'Policy target 2, its title'],
    [['targets', '0', 'goals', '1', 'id'], 'Policy target 1, goal 2, its number'],
    [['targets', '2', 'goals', '0', 'prompts', 'B'], 'Policy target 3, goal 1, question B'],
  ])('%j reads "%s"', (path, words) => {
    expect(describeFormPath(path)).toBe(words);
  });
});

describe('country names', () => {
  it('come from the ISO 3166-1 list, with XK for Kosovo', () => {
    expect(isoCountryName('XK')).toBe('Kosovo');
    expect(isoCountryName('LI')).toBe('Liechtenstein');
    expect(isoCountryName('EU')).toBeUndefined();
  });

  it('are the official name where the list has several, as the library\'s getName gives it', async () => {
    const countries = (await import('i18n-iso-countries/index.js')).default;
    countries.registerLocale((await import('i18n-iso-countries/langs/en.json', { with: { type: 'json' } })).default);
    expect(isoCountryName('CZ')).toBe('Czech Republic');
    expect(isoCountryName('md')).toBe('Moldova, Republic of');
    expect(isoCountryName('toString')).toBeUndefined();
    expect(isoCountryName('ß')).toBeUndefined(); // 'SS' upper-cased: South Sudan's code
    expect(isoCountryName('ALB')).toBeUndefined(); // alpha-2 codes only
    const codes = Object.keys(countries.getAlpha2Codes());
    expect(codes.length).toBeGreaterThan(240);
    expect(codes.filter((code) => isoCountryName(code) !== countries.getName(code, 'en', { select: 'official' }))).toEqual([]);
  });
});
