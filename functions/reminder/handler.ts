/** Lambda entry of the daily reminder job (an EventBridge Scheduler schedule invokes it): see shared/usecases/reminders.ts. */
import { loadConfig } from '../../shared/config';
import { CycleStore, createCycleCatalog } from '../../shared/store/cycle-store';
import { documentClient } from '../../shared/store/clients';
import { OutboxStore } from '../../shared/store/outbox-store';
import { ReportStore } from '../../shared/store/report-store';
import { runReminders } from '../../shared/usecases/reminders';

const config = loadConfig();
const doc = documentClient();
const deps = {
  cycles: createCycleCatalog(new CycleStore({ doc, tableName: config.TABLE_NAME })),
  reports: new ReportStore({ doc, tableName: config.TABLE_NAME }),
  outbox: new OutboxStore(doc, config.TABLE_NAME),
};

export const handler = async () => {
  const run = await runReminders(deps, new Date());
  console.log(JSON.stringify({ level: 'info', msg: 'reminders', written: run.written.length, alreadySent: run.alreadySent }));
  return run;
};
