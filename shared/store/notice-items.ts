/**
 * The transactional outbox's items: a notice is a Put in the transaction of the change it tells of
 * (pk `OUTBOX#<cycle>`, sk `NOTICE#<at>#<id>`, `type: 'notice'`: what the stream's event filter
 * matches). It carries addresses and counts only, never answer or comment text.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NOTICES_BY_ACTION, NOTICE_KINDS, type NoticeFacts } from '../workflow';
import type { AuditEvent } from './items';
import { noticeSk, outboxPk } from './keys';

export const NOTICE_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NoticeItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(NOTICE_KINDS),
  cycle: z.string(),
  country: z.string(),
  section: z.string().optional(),
  counts: z.object({ returned: z.number().int().optional(), approved: z.number().int().optional(), sections: z.number().int().optional() }).optional(),
  resubmitted: z.boolean().optional(),
  deadline: z.string().optional(),
  status: z.enum(NOTICE_STATUSES),
  attempts: z.number().int().nonnegative(),
  /** Recipients delivered to (ids) once delivery finished. */
  recipients: z.number().int().nonnegative().optional(),
  lastError: z.string().optional(),
  deliveredAt: z.string().optional(),
});
export type Notice = z.infer<typeof NoticeItemSchema>;

/** A new notice id: 72 random bits, base64url. */
export function newNoticeId(): string {
  return randomBytes(9).toString('base64url');
}

/** A pending notice. */
export function newNotice(facts: NoticeFacts, at: string): Notice {
  return { id: newNoticeId(), at, ...facts, status: 'pending', attempts: 0 };
}

/** The Put of a notice (its key must be new), for a TransactWriteItems. */
export function noticePut(tableName: string, notice: Notice) {
  return { Put: { TableName: tableName, Item: { pk: outboxPk(notice.cycle), sk: noticeSk(notice.at, notice.id), type: 'notice', ...notice }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The notice a transition writes, if anyone must act on it (NOTICES_BY_ACTION), with its counts. */
export function transitionNotice(event: AuditEvent, cycle: string, country: string): Notice | undefined {
  const kind = NOTICES_BY_ACTION[event.action];
  if (!kind) return undefined;
  const facts: NoticeFacts = { kind, cycle, country, ...(kind === 'sectionReopened' && event.section ? { section: event.section } : {}) };
  if (kind === 'reviewSent') {
    const decisions = event.review?.decisions ?? (event.section ? [{ section: event.section, verdict: 'return' as const }] : []);
    facts.counts = { returned: decisions.filter((d) => d.verdict === 'return').length, approved: decisions.filter((d) => d.verdict === 'approve').length };
  } else if (kind === 'reportSubmitted') {
    facts.counts = { sections: event.sections.length };
    facts.resubmitted = event.reportStatus.from === 'returned';
  }
  return newNotice(facts, event.at);
}
