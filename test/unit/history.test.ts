/** The history's entries as sentences a reader understands: no action names, no server paths, nothing said twice. */
import { describe, expect, it } from 'vitest';
import { eventSentence } from '../../functions/web/pages/history';
import { findCycle } from '../../shared/form';
import type { AuditEvent } from '../../shared/store/report-store';
import { ACTIONS, decideImport, emptyReport, type Actor } from '../../shared/workflow';

const admin: Actor = { sub: 'adm', name: 'Adm', roles: ['admin'] };
const ids = findCycle('2014')!.sectionIds;
const answers = new Map(ids.map((id) => [id, { text: `Answer ${id}` }]));

function event(action: AuditEvent['action'], extra: Partial<AuditEvent> = {}): AuditEvent {
  return { version: 3, at: '2026-12-01T10:00:00Z', action, actor: { sub: 'adm', name: 'Adm' }, reportStatus: { from: 'approved', to: 'approved' }, sections: [], ...extra };
}

describe('history sentences', () => {
  it('names an imported document by its name, never the path it was read from, and says "on behalf" at most once', () => {
    for (const source of ['/srv/imports/2014/montenegro-2014.txt', 'C:\\Users\\secretariat\\montenegro-2014.txt', 'data/seeds/montenegro-2014.txt']) {
      const plan = decideImport(admin, emptyReport('2014', 'ME', ids), answers, source, { submit: true });
      expect(plan.event.detail).toBe('imported from montenegro-2014.txt and submitted for the country');
      const sentence = eventSentence(event('submitImport', { detail: plan.event.detail!, reportStatus: { from: 'draft', to: 'submitted' } }));
      expect(sentence).toBe('Imported the answers from the document “montenegro-2014.txt” and submitted it for the country, which filed it as a document.');
      expect(sentence).not.toMatch(/[\\/]/);
    }
  });

  it('writes a sentence for every action, never an action name or "Changed the report"', () => {
    for (const action of ACTIONS) {
      const sentence = eventSentence(event(action, { section: '2.1.B', comment: 'Figures were wrong.', detail: 'prefilled from the 2014 report: 1.1.A' }));
      expect(sentence, action).not.toContain(action);
      expect(sentence, action).toMatch(/^[A-Z].*[.”]$/);
    }
    expect(eventSentence(event('reopenSection', { section: '2.1.B', comment: 'Figures were wrong.' }))).toBe('Reopened section 2.1.B, voiding its approval, and returned it to the country: “Figures were wrong.”.');
  });

  it('shows no detail that holds a path', () => {
    expect(eventSentence(event('saveSection', { detail: 'imported from /tmp/x.txt' }))).toBe('Changed the report.');
  });
});
