/**
 * Delivery of one notice: its recipients resolved now from the directory (NOTICE_RULES), one mail
 * each, each claimed first by its delivery record (the idempotency key: notice × person), so a
 * notice delivered again (a stream retry, a crash) never mails anyone twice. Failed mails are tried
 * again with exponential backoff; after the last try the notice is `failed` with the error kept.
 */
import { recipientsOf, type Person } from '../workflow';
import type { Directory } from '../people/directory';
import type { Notice } from '../store/notice-items';
import type { OutboxStore } from '../store/outbox-store';
import type { ReportStore } from '../store/report-store';
import { renderMail } from './mail';
import type { Mailer } from './mailer';

export interface NotifierDeps {
  outbox: OutboxStore;
  directory: Directory;
  /** Reads the section of a reply: who returned it. */
  reports: Pick<ReportStore, 'readItems'>;
  mailer: Mailer;
  /** Public URL of the web pages, for links. */
  baseUrl: string;
  countryName: (code: string) => string;
  /** Tries per notice (default 4) and the first backoff (default 2 s, doubled each time). */
  retry?: { attempts: number; baseDelayMs: number };
  clock?: () => Date;
}

/** How long a claimed mail is held by the delivery sending it (a crashed one is taken over after). */
const LEASE_MS = 5 * 60 * 1000;

export async function deliverNotice(deps: NotifierDeps, notice: Notice): Promise<{ status: 'sent' | 'failed'; mailed: number; recipients: number }> {
  const clock = deps.clock ?? (() => new Date());
  const { attempts, baseDelayMs } = deps.retry ?? { attempts: 4, baseDelayMs: 2000 };
  let returningReviewer: string | undefined;
  if (notice.kind === 'replyOnReturn' && notice.section) {
    const items = await deps.reports.readItems({ sections: [{ cycle: notice.cycle, country: notice.country, section: notice.section }] });
    const section = items.section({ cycle: notice.cycle, country: notice.country, section: notice.section });
    returningReviewer = section?.review?.verdict === 'return' ? section.review.by.sub : undefined;
  }
  const recipients = recipientsOf(notice, await deps.directory.list(), { returningReviewer });
  let pending: Person[] = recipients;
  let mailed = 0;
  let lastError = '';
  let attempt = 0;
  let claimed = 0;
  while (pending.length > 0 && attempt < attempts) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1)));
    attempt++;
    const failed: Person[] = [];
    for (const person of pending) {
      if (!(await deps.outbox.claim(notice, person.id, clock(), LEASE_MS))) continue; // sent already (or being sent)
      claimed++;
      try {
        await deps.mailer.send(renderMail(notice, person, deps));
        await deps.outbox.settle(notice, person.id, { sentAt: clock().toISOString() });
        mailed++;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await deps.outbox.settle(notice, person.id, { error: lastError.slice(0, 500) });
        failed.push(person);
      }
    }
    pending = failed;
  }
  const status = pending.length === 0 ? 'sent' : 'failed';
  // Given again after another delivery mailed everyone: that delivery's record of it stands.
  if (recipients.length > 0 && claimed === 0) return { status, mailed, recipients: recipients.length };
  await deps.outbox.record(notice, {
    status,
    attempts: notice.attempts + Math.max(attempt, 1),
    recipients: recipients.length,
    ...(status === 'sent' ? { deliveredAt: clock().toISOString() } : { lastError: lastError.slice(0, 500) }),
  });
  return { status, mailed, recipients: recipients.length };
}
