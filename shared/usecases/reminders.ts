/**
 * The deadline reminders (the daily job: EventBridge Scheduler → the reminder Lambda; locally
 * `npm run remind`): for each open cycle, each participant whose report was never submitted gets
 * the reminder due (7 days, 1 day before its deadline with its extension, once overdue:
 * `reminderDue`), written to the outbox once per participant and kind however often the job runs.
 * One gsi1 Query per open cycle, one transaction per reminder written.
 */
import { deadlineOf, reminderDue, type ReminderKind } from '../workflow';
import { newNotice } from '../store/notice-items';
import type { OutboxStore } from '../store/outbox-store';
import type { ReportStore } from '../store/report-store';
import type { CycleCatalog } from './deps';

export interface ReminderDeps {
  cycles: CycleCatalog;
  reports: Pick<ReportStore, 'listReports'>;
  outbox: Pick<OutboxStore, 'addReminder'>;
}

export interface ReminderRun {
  /** Reminders written by this run. */
  written: Array<{ cycle: string; country: string; kind: ReminderKind }>;
  /** Reminders due but written by an earlier run. */
  alreadySent: number;
}

export async function runReminders(deps: ReminderDeps, now: Date): Promise<ReminderRun> {
  const run: ReminderRun = { written: [], alreadySent: 0 };
  for (const info of await deps.cycles.list()) {
    if (info.cycle.status !== 'open') continue;
    const summaries = await deps.reports.listReports(info);
    for (const summary of summaries) {
      const submitted = summary.status !== 'draft' || summary.submittedAt !== undefined;
      const kind = reminderDue(info.cycle, summary.country, submitted, now);
      if (!kind) continue;
      const notice = newNotice({ kind, cycle: info.cycle.id, country: summary.country, deadline: deadlineOf(info.cycle, summary.country) }, now.toISOString());
      if (await deps.outbox.addReminder(notice)) run.written.push({ cycle: info.cycle.id, country: summary.country, kind });
      else run.alreadySent++;
    }
  }
  return run;
}
