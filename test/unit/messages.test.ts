/**
 * Every refusal of a report or section decision that a person can meet, generated over actors,
 * report statuses and section statuses: plain language (no table summaries, no "(allowed when …)",
 * no status words glued to a summary), saying what is the case and, unless nothing is left to do, what to do.
 */
import { describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import { REPORT_STATUSES, SECTION_STATUSES, TRANSITIONS, emptyReport, lateDecision, refusal, sectionsNotApproved, type Actor, type ReportState, type ReportStatus, type SectionStatus, type TransitionAction } from '../../shared/workflow';

const ids = findCycle('2014')!.sectionIds;
const ACTIONS: TransitionAction[] = ['submitReport', 'approveSection', 'returnSection', 'approveReport', 'publishReport'];
const ACTORS: Actor[] = [
  { sub: 'r-me', name: 'R ME', roles: ['rapporteur'], country: 'ME' },
  { sub: 'r-xk', name: 'R XK', roles: ['rapporteur'], country: 'XK' },
  { sub: 'rev', name: 'Rev', roles: ['reviewer'] },
  { sub: 'adm', name: 'Adm', roles: ['admin'] },
];

function report(status: ReportStatus, sections: SectionStatus): ReportState {
  const base = emptyReport('2014', 'ME', ids);
  return { ...base, status, version: 5, sections: base.sections.map((s) => ({ ...s, status: sections, text: 'An answer.', version: 2, review: { verdict: 'approve', at: '2026-12-01T14:05:00Z', by: { sub: 'rev-2', name: 'Reviewer Two' }, contentHash: 'x' } })) };
}

const refusals = ACTIONS.flatMap((action) =>
  ACTORS.flatMap((actor) =>
    REPORT_STATUSES.flatMap((status) =>
      SECTION_STATUSES.map((sections) => ({ action, actor: actor.sub, status, sections, why: refusal(action, actor, report(status, sections), { section: '2.1.B', comment: 'Why' }) })),
    ),
  ),
).filter((r): r is typeof r & { why: string } => r.why !== undefined);

describe('refusals in plain language', () => {
  it('generates refusals to check', () => {
    expect(refusals.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(TRANSITIONS).map(([action, rule]) => [action, rule.summary]))('never quotes the table summary of %s', (_action, summary) => {
    for (const r of refusals) expect(r.why).not.toContain(summary);
  });

  it('never shows the machinery: "(allowed when", "Cannot", "section(s)", role ids', () => {
    for (const r of refusals) {
      expect(r.why, JSON.stringify(r)).not.toMatch(/allowed when|^Cannot|\(s\)|Only (reviewer|admin|rapporteur)\b/);
      expect(r.why, JSON.stringify(r)).toMatch(/^[A-Z].*[.]$/s);
    }
  });

  it('says what is the case once a report is approved or published, with nothing to press', () => {
    const admin = ACTORS[3]!;
    expect(refusal('publishReport', admin, report('published', 'approved'))).toBe('The report has been published already.');
    expect(refusal('approveReport', admin, report('approved', 'approved'))).toBe('The report has been approved already.');
    expect(refusal('approveReport', admin, report('returned', 'approved'))).toBe(
      'Sections of this report have been returned to the country. The report can be approved once the country submits them again and every section is approved.',
    );
    expect(refusal('approveReport', admin, { ...report('submitted', 'approved'), sections: report('submitted', 'approved').sections.map((s) => (s.id === '2.1.B' ? { ...s, status: 'returned' as const } : s)) })).toMatch(
      /^The report can be approved once every section is approved\. Not yet: 2\.1\.B has been returned to the country\./,
    );
  });

  it('says each status of the sections not yet approved once, with their ids, not once per section', () => {
    expect(sectionsNotApproved([{ id: '1.1.A', status: 'submitted' }, { id: '1.1.B', status: 'returned' }, { id: '1.1.C', status: 'submitted' }, { id: '2.1.A', status: 'submitted' }])).toBe(
      'The report can be approved once every section is approved. Not yet: 1.1.A, 1.1.C and 2.1.A are waiting for review; 1.1.B has been returned to the country. Decide on the sections waiting for review first; a returned section comes back when the country submits again.',
    );
    expect(sectionsNotApproved([{ id: '3.1.A', status: 'draft' }, { id: '3.1.B', status: 'draft' }])).toMatch(/Not yet: 3\.1\.A and 3\.1\.B are still drafts with the country\./);
  });

  it('names who decided a section meanwhile, and when', () => {
    const [section] = report('submitted', 'returned').sections;
    expect(lateDecision({ ...section!, review: { verdict: 'return', at: '2026-12-01T14:05:00Z', by: { sub: 'rev-2', name: 'Reviewer Two' }, contentHash: 'x' } }, 'approve')).toBe(
      'Section 1.1.A was returned to the country by Reviewer Two at 14:05 UTC on 1 December 2026, so it can no longer be approved',
    );
  });
});
