/** Specification of reviews, conversations and the resubmission rule (shared/workflow/reviews.ts): pure, no I/O. */
import { describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import {
  ConflictError,
  ForbiddenError,
  awaitsResponse,
  changedSinceReview,
  contentHash,
  decideComment,
  decideDraftReview,
  decideReview,
  decideTransition,
  emptyReport,
  stateAfter,
  visibleComments,
  type Actor,
  type ReportState,
  type SectionStatus,
} from '../../shared/workflow';

const ids = findCycle('2014')!.sectionIds;
const rapME: Actor = { sub: 'r-me', name: 'R ME', roles: ['rapporteur'], country: 'ME' };
const reviewer: Actor = { sub: 'rev', name: 'Rev', roles: ['reviewer'] };
const admin: Actor = { sub: 'adm', name: 'Adm', roles: ['admin'] };

function report(status: ReportState['status'], sections: SectionStatus, overrides: Record<string, Partial<ReportState['sections'][number]>> = {}): ReportState {
  const base = emptyReport('2014', 'ME', ids);
  return { ...base, status, version: 4, sections: base.sections.map((s) => ({ ...s, status: sections, text: `Answer ${s.id}`, version: 2, ...overrides[s.id] })) };
}

describe('sending a review', () => {
  it('applies every decision in one plan, in form order, returning the report only when a section is returned', () => {
    const plan = decideReview(reviewer, report('submitted', 'submitted'), [
      { section: '2.1.A', verdict: 'return', comment: 'More.' },
      { section: '1.1.A', verdict: 'approve' },
    ]);
    expect(plan.sections.map((c) => [c.id, c.toStatus])).toEqual([
      ['1.1.A', 'approved'],
      ['2.1.A', 'returned'],
    ]);
    expect(plan.reportTo).toBe('returned');
    expect(plan.comments).toEqual([{ section: '2.1.A', kind: 'return', role: 'reviewer', internal: false, text: 'More.' }]);
    expect(plan.event.review?.decisions.map((d) => d.section)).toEqual(['1.1.A', '2.1.A']);
    expect(decideReview(reviewer, report('submitted', 'submitted'), [{ section: '1.1.A', verdict: 'approve' }]).reportTo).toBe('submitted');
  });

  it('records the fingerprint of the answer each decision was made on', () => {
    const before = report('submitted', 'submitted');
    const plan = decideReview(admin, before, [{ section: '1.1.A', verdict: 'approve' }], { discardDraftOf: 'adm' });
    expect(plan.sections[0]!.review).toEqual({ verdict: 'approve', contentHash: contentHash(before.sections[0]!), version: 2 });
    expect(plan.discardDraftOf).toBe('adm');
    const after = stateAfter(before, plan, '2026-01-01T00:00:00Z', admin);
    expect(after.sections[0]!.review).toMatchObject({ verdict: 'approve', at: '2026-01-01T00:00:00Z', by: admin });
  });

  it('refuses the whole review, naming every section no longer submitted', () => {
    const before = report('submitted', 'submitted', { '1.1.B': { status: 'approved' }, '3.2.C': { status: 'returned' } });
    try {
      decideReview(reviewer, before, [
        { section: '1.1.A', verdict: 'approve' },
        { section: '1.1.B', verdict: 'approve' },
        { section: '3.2.C', verdict: 'return', comment: 'x' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).errors?.map((e) => e.path)).toEqual(['sections.1.1.B', 'sections.3.2.C']);
    }
  });

  it.each([
    ['a rapporteur', rapME, report('submitted', 'submitted'), ForbiddenError],
    ['an empty review', reviewer, report('submitted', 'submitted'), ConflictError],
    ['a draft report', reviewer, report('draft', 'draft'), ConflictError],
  ] as const)('refuses %s', (name, actor, before, error) => {
    const decisions = name === 'an empty review' ? [] : [{ section: '1.1.A', verdict: 'approve' as const }];
    expect(() => decideReview(actor, before, decisions)).toThrow(error);
  });

  it('keeps a draft only of decisions on submitted sections, each once', () => {
    const before = report('submitted', 'submitted', { '1.1.B': { status: 'approved' } });
    expect(decideDraftReview(reviewer, before, [{ section: '1.1.C', verdict: 'approve', comment: 'ignored' }])).toEqual([{ section: '1.1.C', verdict: 'approve' }]);
    expect(() => decideDraftReview(reviewer, before, [{ section: '1.1.B', verdict: 'approve' }])).toThrow(ConflictError);
    expect(() => decideDraftReview(reviewer, before, [{ section: '1.1.A', verdict: 'approve' }, { section: '1.1.A', verdict: 'approve' }])).toThrow(/twice/);
    expect(() => decideDraftReview(rapME, before, [])).toThrow(ForbiddenError);
  });
});

describe('the resubmission rule', () => {
  const returned = () => stateAfter(report('submitted', 'submitted'), decideReview(reviewer, report('submitted', 'submitted'), [{ section: '2.2.B', verdict: 'return', comment: 'Figures?' }]), '2026-01-02T00:00:00Z', reviewer);

  it('refuses a resubmission while a returned section is neither revised nor answered, naming it', () => {
    const before = returned();
    expect(awaitsResponse(before.sections.find((s) => s.id === '2.2.B')!)).toBe(true);
    expect(() => decideTransition('submitReport', rapME, before)).toThrow(/2\.2\.B/);
  });

  it('does not count the same text saved again as a revision', () => {
    const before = returned();
    const same = { ...before, sections: before.sections.map((s) => (s.id === '2.2.B' ? { ...s, version: s.version + 1 } : s)) };
    expect(changedSinceReview(same.sections.find((s) => s.id === '2.2.B')!)).toBe(false);
    expect(() => decideTransition('submitReport', rapME, same)).toThrow(ConflictError);
  });

  it('allows it after a revised answer, or after a reply since the return (not one before it)', () => {
    const before = returned();
    const revise = (patch: object) => ({ ...before, sections: before.sections.map((s) => (s.id === '2.2.B' ? { ...s, ...patch } : s)) });
    expect(decideTransition('submitReport', rapME, revise({ text: 'Figures: 12.' })).reportTo).toBe('submitted');
    expect(decideTransition('submitReport', rapME, revise({ repliedAt: '2026-01-03T00:00:00Z' })).reportTo).toBe('submitted');
    expect(() => decideTransition('submitReport', rapME, revise({ repliedAt: '2026-01-01T00:00:00Z' }))).toThrow(ConflictError);
  });
});

describe('conversations', () => {
  it('lets the secretariat write notes, internal or not, and the country reply on returned sections only', () => {
    expect(decideComment(reviewer, 'ME', { internal: true })).toEqual({ kind: 'note', role: 'reviewer', internal: true });
    expect(decideComment(admin, 'ME', {})).toEqual({ kind: 'note', role: 'admin', internal: false });
    expect(decideComment(rapME, 'ME', {})).toEqual({ kind: 'reply', role: 'rapporteur', internal: false, sectionMustBe: ['returned'] });
    expect(() => decideComment(rapME, 'ME', { internal: true })).toThrow(ForbiddenError);
    expect(() => decideComment(rapME, 'XK', {})).toThrow(ForbiddenError);
  });

  it('never shows an internal note outside the secretariat', () => {
    const comments = [{ internal: false, id: 'a' }, { internal: true, id: 'b' }];
    expect(visibleComments(reviewer, comments).map((c) => c.id)).toEqual(['a', 'b']);
    expect(visibleComments(rapME, comments).map((c) => c.id)).toEqual(['a']);
    expect(visibleComments(undefined, comments).map((c) => c.id)).toEqual(['a']);
  });
});
