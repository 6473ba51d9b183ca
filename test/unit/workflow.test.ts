import { describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  EDITABLE_SECTION_STATUSES,
  TRANSITIONS,
  decideImport,
  MAX_ANSWER_LENGTH,
  decideSave,
  decideTransition,
  emptyReport,
  stateAfter,
  stateFromEtag,
  sectionEtag,
  type Actor,
  type ReportState,
  type ReportStatus,
  type SectionStatus,
  type TransitionAction,
} from '../../shared/workflow';

const ids = findCycle('2014')!.sectionIds;

const rapME: Actor = { sub: 'r-me', name: 'R ME', roles: ['rapporteur'], country: 'ME' };
const rapXK: Actor = { sub: 'r-xk', name: 'R XK', roles: ['rapporteur'], country: 'XK' };
const reviewer: Actor = { sub: 'rev', name: 'Rev', roles: ['reviewer'] };
const admin: Actor = { sub: 'adm', name: 'Adm', roles: ['admin'] };

/** A report of ME at `status` whose sections are all `sections` (answered), with overrides by id. */
function report(status: ReportStatus, sections: SectionStatus, overrides: Record<string, Partial<ReportState['sections'][number]>> = {}): ReportState {
  const base = emptyReport('2014', 'ME', ids);
  return {
    ...base,
    status,
    version: status === 'draft' ? 0 : 7,
    sections: base.sections.map((s) => ({ ...s, status: sections, text: 'An answer.', version: 3, ...overrides[s.id] })),
  };
}

type Row = [string, TransitionAction, Actor, ReportState, { section?: string; comment?: string }, ReportStatus, Record<string, SectionStatus>];

describe('allowed transitions', () => {
  const allowed: Row[] = [
    ['rapporteur submits a draft report', 'submitReport', rapME, report('draft', 'draft'), {}, 'submitted', { '1.1.A': 'submitted', '4.2.C': 'submitted' }],
    [
      'rapporteur resubmits a returned report: returned sections go back, approved ones stay',
      'submitReport',
      rapME,
      report('returned', 'approved', { '2.1.B': { status: 'returned', returnComment: 'More detail' }, '3.1.A': { status: 'submitted' } }),
      {},
      'submitted',
      { '2.1.B': 'submitted', '3.1.A': 'submitted', '1.1.A': 'approved' },
    ],
    ['reviewer approves a submitted section', 'approveSection', reviewer, report('submitted', 'submitted'), { section: '1.1.A' }, 'submitted', { '1.1.A': 'approved', '1.1.B': 'submitted' }],
    ['admin approves a submitted section', 'approveSection', admin, report('submitted', 'submitted'), { section: '4.2.C' }, 'submitted', { '4.2.C': 'approved' }],
    ['reviewer approves a section of a returned report', 'approveSection', reviewer, report('returned', 'submitted', { '1.1.A': { status: 'returned' } }), { section: '1.1.B' }, 'returned', { '1.1.B': 'approved' }],
    ['reviewer returns a section with a comment', 'returnSection', reviewer, report('submitted', 'submitted'), { section: '2.2.C', comment: 'Please add figures.' }, 'returned', { '2.2.C': 'returned', '1.1.A': 'submitted' }],
    ['admin returns a section with a comment', 'returnSection', admin, report('submitted', 'submitted'), { section: '1.1.A', comment: 'Why?' }, 'returned', { '1.1.A': 'returned' }],
    ['reviewer approves a report whose every section is approved', 'approveReport', reviewer, report('submitted', 'approved'), {}, 'approved', { '1.1.A': 'approved' }],
    ['admin approves a report whose every section is approved', 'approveReport', admin, report('submitted', 'approved'), {}, 'approved', {}],
    ['admin publishes an approved report', 'publishReport', admin, report('approved', 'approved'), {}, 'published', { '1.1.A': 'approved' }],
  ];

  it.each(allowed)('%s', (_name, action, actor, before, input, reportTo, sectionsAfter) => {
    const plan = decideTransition(action, actor, before, input);
    expect(plan.reportFrom).toBe(before.status);
    expect(plan.reportTo).toBe(reportTo);
    expect(plan.expectedReportVersion).toBe(before.version);
    const after = stateAfter(before, plan, '2026-01-01T00:00:00.000Z', actor);
    expect(after.status).toBe(reportTo);
    expect(after.version).toBe(before.version + 1);
    for (const [id, status] of Object.entries(sectionsAfter)) {
      expect(after.sections.find((s) => s.id === id)?.status, id).toBe(status);
      expect(plan.sectionStatuses[id]).toBe(status);
    }
    // Every changed section is written on the condition of its status and version as read.
    for (const change of plan.sections) {
      const read = before.sections.find((s) => s.id === change.id)!;
      expect(change.fromStatus).toBe(read.status);
      expect(change.expectedVersion).toBe(read.version);
    }
  });

  it('keeps the return comment on the returned section and clears it on resubmission', () => {
    const returned = stateAfter(report('submitted', 'submitted'), decideTransition('returnSection', reviewer, report('submitted', 'submitted'), { section: '1.1.A', comment: 'Add figures.' }), 'now', reviewer);
    expect(returned.sections[0]).toMatchObject({ status: 'returned', returnComment: 'Add figures.' });
    const revised = { ...returned, sections: returned.sections.map((s, i) => (i === 0 ? { ...s, text: 'Figures added.' } : s)) };
    const resubmitted = stateAfter(revised, decideTransition('submitReport', rapME, revised), 'later', rapME);
    expect(resubmitted.sections[0]!.status).toBe('submitted');
    expect(resubmitted.sections[0]!.returnComment).toBeUndefined();
  });
});

describe('forbidden transitions', () => {
  const forbidden: Array<[string, TransitionAction, Actor, ReportState, { section?: string; comment?: string }, new (...args: never[]) => Error]> = [
    ['a reviewer submits', 'submitReport', reviewer, report('draft', 'draft'), {}, ForbiddenError],
    ['an admin submits', 'submitReport', admin, report('draft', 'draft'), {}, ForbiddenError],
    ['a rapporteur submits another country', 'submitReport', rapXK, report('draft', 'draft'), {}, ForbiddenError],
    ['a rapporteur who is also a reviewer submits another country', 'submitReport', { ...rapXK, roles: ['rapporteur', 'reviewer'] }, report('draft', 'draft'), {}, ForbiddenError],
    ['a rapporteur submits a submitted report', 'submitReport', rapME, report('submitted', 'submitted'), {}, ConflictError],
    ['a rapporteur submits an approved report', 'submitReport', rapME, report('approved', 'approved'), {}, ConflictError],
    ['a rapporteur submits a published report', 'submitReport', rapME, report('published', 'approved'), {}, ConflictError],
    ['a first submission with an unanswered section', 'submitReport', rapME, report('draft', 'draft', { '3.2.B': { text: '  ' } }), {}, ConflictError],
    ['a rapporteur approves a section', 'approveSection', rapME, report('submitted', 'submitted'), { section: '1.1.A' }, ForbiddenError],
    ['approve a draft section', 'approveSection', reviewer, report('draft', 'draft'), { section: '1.1.A' }, ConflictError],
    ['approve a returned section', 'approveSection', reviewer, report('returned', 'returned'), { section: '1.1.A' }, ConflictError],
    ['approve an approved section', 'approveSection', reviewer, report('submitted', 'approved'), { section: '1.1.A' }, ConflictError],
    ['approve a section the form lacks', 'approveSection', reviewer, report('submitted', 'submitted'), { section: '5.1.A' }, NotFoundError],
    ['a rapporteur returns a section', 'returnSection', rapME, report('submitted', 'submitted'), { section: '1.1.A', comment: 'x' }, ForbiddenError],
    ['return an approved section', 'returnSection', reviewer, report('submitted', 'approved'), { section: '1.1.A', comment: 'x' }, ConflictError],
    ['return a draft section', 'returnSection', admin, report('draft', 'draft'), { section: '1.1.A', comment: 'x' }, ConflictError],
    ['approve a report with an unapproved section', 'approveReport', reviewer, report('submitted', 'approved', { '4.2.C': { status: 'submitted' } }), {}, ConflictError],
    ['approve a returned report', 'approveReport', reviewer, report('returned', 'approved', { '1.1.A': { status: 'returned' } }), {}, ConflictError],
    ['approve a draft report', 'approveReport', admin, report('draft', 'draft'), {}, ConflictError],
    ['approve a published report', 'approveReport', admin, report('published', 'approved'), {}, ConflictError],
    ['a rapporteur approves a report', 'approveReport', rapME, report('submitted', 'approved'), {}, ForbiddenError],
    ['a reviewer publishes', 'publishReport', reviewer, report('approved', 'approved'), {}, ForbiddenError],
    ['a rapporteur publishes', 'publishReport', rapME, report('approved', 'approved'), {}, ForbiddenError],
    ['publish a submitted report', 'publishReport', admin, report('submitted', 'approved'), {}, ConflictError],
    ['publish twice', 'publishReport', admin, report('published', 'approved'), {}, ConflictError],
    ['an actor without roles acts', 'approveSection', { sub: 'x', name: 'x', roles: [] }, report('submitted', 'submitted'), { section: '1.1.A' }, ForbiddenError],
  ];

  it.each(forbidden)('refuses: %s', (_name, action, actor, before, input, error) => {
    expect(() => decideTransition(action, actor, before, input)).toThrow(error);
  });

  it('names the sections a submission still lacks', () => {
    const before = report('draft', 'draft', { '1.1.B': { text: '' }, '4.2.A': { text: '' } });
    expect(() => decideTransition('submitReport', rapME, before)).toThrow(/1\.1\.B, 4\.2\.A/);
  });

  it('accepts nothing-to-report as an answer', () => {
    const before = report('draft', 'draft', { '1.1.B': { text: '', nothingToReport: true } });
    expect(decideTransition('submitReport', rapME, before).reportTo).toBe('submitted');
  });
});

describe('saving a section', () => {
  it.each([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['approved', false],
  ] as const)('a section %s is editable: %s', (status, editable) => {
    const { allowedStatuses } = decideSave(rapME, 'ME');
    expect(allowedStatuses.includes(status)).toBe(editable);
  });

  it.each([
    ['a reviewer', reviewer, 'ME'],
    ['an admin', admin, 'ME'],
    ['a rapporteur of another country', rapXK, 'ME'],
  ])('refuses a save by %s', (_name, actor, country) => {
    expect(() => decideSave(actor, country)).toThrow(ForbiddenError);
  });

  it('derives its editable statuses from the transition table', () => {
    expect(decideSave(rapME, 'ME').allowedStatuses).toEqual(TRANSITIONS.saveSection.sectionFrom);
    expect(EDITABLE_SECTION_STATUSES).toEqual(TRANSITIONS.saveSection.sectionFrom);
  });
});

describe('entity tags', () => {
  it('round-trips a section version and refuses tags of other sections', () => {
    const tag = sectionEtag('2014', 'ME', { id: '1.1.A', version: 12, status: 'returned' });
    expect(stateFromEtag('2014', 'ME', '1.1.A', tag)).toEqual({ version: 12, status: 'returned' });
    expect(stateFromEtag('2014', 'ME', '1.1.B', tag)).toBeUndefined();
    expect(stateFromEtag('2014', 'XK', '1.1.A', tag)).toBeUndefined();
    expect(stateFromEtag('2014', 'ME', '1.1.A', 'garbage')).toBeUndefined();
    expect(stateFromEtag('2014', 'ME', '1.1.A', tag.replace('returned', 'lost'))).toBeUndefined();
  });

  it('refuses a weak validator: If-Match compares strongly (RFC 9110)', () => {
    const tag = sectionEtag('2014', 'ME', { id: '1.1.A', version: 12, status: 'draft' });
    expect(stateFromEtag('2014', 'ME', '1.1.A', `W/${tag}`)).toBeUndefined();
  });
});

describe('importing a document', () => {
  const answers = new Map(ids.map((id) => [id, { text: id === '1.1.B' ? '' : `Answer ${id}` }]));
  const untouched = () => emptyReport('2014', 'ME', ids);

  it('fills every section of a draft report, empty answers as nothing-to-report', () => {
    const plan = decideImport(admin, untouched(), answers, 'me.txt');
    expect(plan.action).toBe('importReport');
    expect(plan.sections).toHaveLength(21);
    expect(plan.sections.find((s) => s.id === '1.1.B')).toMatchObject({ text: '', nothingToReport: true, toStatus: 'draft' });
    expect(plan.reportTo).toBe('draft');
  });

  it('imports and submits on the country\'s behalf in one plan', () => {
    const plan = decideImport(admin, untouched(), answers, 'me.txt', { submit: true });
    expect(plan).toMatchObject({ action: 'submitImport', reportFrom: 'draft', reportTo: 'submitted' });
    expect(plan.sections.every((s) => s.toStatus === 'submitted')).toBe(true);
    expect(Object.values(plan.sectionStatuses).every((s) => s === 'submitted')).toBe(true);
  });

  it('refuses to replace answers the country saved, unless told to overwrite', () => {
    const saved = report('draft', 'draft', { '2.1.A': { version: 1, text: 'Our own answer' } });
    for (const s of saved.sections) if (s.id !== '2.1.A') Object.assign(s, { version: 0, text: '' });
    expect(() => decideImport(admin, saved, answers, 'me.txt')).toThrow(/2\.1\.A/);
    expect(decideImport(admin, saved, answers, 'me.txt', { overwrite: true }).event.detail).toMatch(/replacing 1 saved answer/);
  });

  it('refuses an answer over the length limit, naming the section', () => {
    const long = new Map(answers);
    long.set('3.1.C', { text: 'x'.repeat(MAX_ANSWER_LENGTH + 1) });
    try {
      decideImport(admin, untouched(), long, 'me.txt');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).errors).toEqual([{ path: 'sections.3.1.C', message: `must be at most ${MAX_ANSWER_LENGTH} characters` }]);
    }
  });

  it.each([
    ['a rapporteur', rapME, untouched(), {}, ForbiddenError],
    ['a reviewer', reviewer, untouched(), {}, ForbiddenError],
    ['a reviewer, submitting', reviewer, untouched(), { submit: true }, ForbiddenError],
    ['into a submitted report', admin, report('submitted', 'submitted'), {}, ConflictError],
    ['into a returned report, submitting', admin, report('returned', 'returned'), { submit: true }, ConflictError],
  ] as const)('refuses an import by or %s', (_name, actor, before, options, error) => {
    expect(() => decideImport(actor, before, answers, 'me.txt', options)).toThrow(error);
  });

  it('refuses a document that lacks a section', () => {
    const partial = new Map(answers);
    partial.delete('4.2.C');
    expect(() => decideImport(admin, untouched(), partial, 'me.txt')).toThrow(/sections\.4\.2\.C missing/);
  });
});
