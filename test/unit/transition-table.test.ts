/**
 * The decisions against the transition table, generated: every action × actor × report status ×
 * section status. The expected outcome is read from the table's data (roles, own country, report
 * and section statuses, precondition, targets), so decide.ts cannot drift from the table.
 */
import { describe, expect, it } from 'vitest';
import { findCycle } from '../../shared/form';
import {
  ConflictError,
  ForbiddenError,
  REPORT_STATUSES,
  SECTION_STATUSES,
  TRANSITIONS,
  decideTransition,
  emptyReport,
  refusal,
  type Actor,
  type ReportState,
  type ReportStatus,
  type SectionStatus,
  type TransitionAction,
} from '../../shared/workflow';

const ids = findCycle('2014')!.sectionIds;
const TARGET = '2.1.B';
const ACTIONS: TransitionAction[] = ['submitReport', 'approveSection', 'returnSection', 'approveReport', 'publishReport'];
const ACTORS: Record<string, Actor> = {
  'rapporteur of ME': { sub: 'r-me', name: 'R ME', roles: ['rapporteur'], country: 'ME' },
  'rapporteur of XK': { sub: 'r-xk', name: 'R XK', roles: ['rapporteur'], country: 'XK' },
  reviewer: { sub: 'rev', name: 'Rev', roles: ['reviewer'] },
  admin: { sub: 'adm', name: 'Adm', roles: ['admin'] },
  'no role': { sub: 'x', name: 'X', roles: [] },
};

function report(status: ReportStatus, sections: SectionStatus, answered = true): ReportState {
  const base = emptyReport('2014', 'ME', ids);
  return { ...base, status, version: 5, sections: base.sections.map((s, i) => ({ ...s, status: sections, text: answered || i > 0 ? 'An answer.' : '', version: 2 })) };
}

/** What the table says should happen. */
function expected(action: TransitionAction, actor: Actor, before: ReportState): { error: typeof ForbiddenError | typeof ConflictError } | { reportTo: ReportStatus; moved: Record<string, SectionStatus> } {
  const rule = TRANSITIONS[action];
  const holdsRole = actor.roles.some((r) => rule.roles.includes(r)) && (!rule.ownCountryOnly || actor.country === before.country);
  if (!holdsRole) return { error: ForbiddenError };
  if (rule.reportFrom && !rule.reportFrom.includes(before.status)) return { error: ConflictError };
  const requires = rule.requires ?? [];
  if (requires.includes('everySectionAnswered') && before.sections.some((s) => !s.text.trim() && !s.nothingToReport)) return { error: ConflictError };
  if (requires.includes('everySectionApproved') && before.sections.some((s) => s.status !== 'approved')) return { error: ConflictError };
  // No section of these reports carries a sent review, so everyReturnAnswered holds (it has its own tests).
  const targets = rule.scope === 'section' ? before.sections.filter((s) => s.id === TARGET) : before.sections;
  if (rule.scope === 'section' && rule.sectionFrom && !rule.sectionFrom.includes(targets[0]!.status)) return { error: ConflictError };
  const moving = rule.sectionTo ? targets.filter((s) => !rule.sectionFrom || rule.sectionFrom.includes(s.status)) : [];
  return { reportTo: rule.reportTo ?? before.status, moved: Object.fromEntries(moving.map((s) => [s.id, rule.sectionTo!])) };
}

const cases = ACTIONS.flatMap((action) =>
  Object.entries(ACTORS).flatMap(([who, actor]) =>
    REPORT_STATUSES.flatMap((reportStatus) =>
      SECTION_STATUSES.flatMap((sectionStatus) =>
        [true, false].map((answered) => ({ action, who, actor, reportStatus, sectionStatus, answered })),
      ),
    ),
  ),
);

describe('every decision follows the transition table', () => {
  it(`walks ${cases.length} combinations of action, actor, report status, section status and answers`, () => {
    expect(cases.length).toBe(ACTIONS.length * Object.keys(ACTORS).length * REPORT_STATUSES.length * SECTION_STATUSES.length * 2);
    let allowed = 0;
    for (const { action, who, actor, reportStatus, sectionStatus, answered } of cases) {
      const label = `${who} ${action} on a ${reportStatus} report with ${sectionStatus} sections${answered ? '' : ' (one unanswered)'}`;
      const before = report(reportStatus, sectionStatus, answered);
      const input = { section: TARGET, ...(action === 'returnSection' ? { comment: 'Please add figures.' } : {}) };
      const want = expected(action, actor, before);
      if ('error' in want) {
        expect(() => decideTransition(action, actor, before, input), label).toThrow(want.error);
        expect(refusal(action, actor, before, input), label).toEqual(expect.any(String));
        continue;
      }
      allowed++;
      const plan = decideTransition(action, actor, before, input);
      expect(refusal(action, actor, before, input), label).toBeUndefined();
      expect(plan.reportTo, label).toBe(want.reportTo);
      expect(Object.fromEntries(plan.sections.map((c) => [c.id, c.toStatus])), label).toEqual(want.moved);
      for (const id of ids) expect(plan.sectionStatuses[id], `${label}: ${id}`).toBe(want.moved[id] ?? sectionStatus);
    }
    // The table allows something for every action (a walk that allows nothing would prove nothing).
    expect(allowed).toBeGreaterThan(ACTIONS.length);
  });

  it('asks a page whether a return is possible without a placeholder comment', () => {
    const before = report('submitted', 'submitted');
    expect(refusal('returnSection', ACTORS.reviewer!, before, { section: TARGET })).toBeUndefined();
    expect(refusal('returnSection', ACTORS.reviewer!, report('submitted', 'approved'), { section: TARGET })).toMatch(/Section 2\.1\.B was approved( by .+)?, so it can no longer be returned/);
  });
});
