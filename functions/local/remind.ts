/**
 * `npm run remind -- [--now <ISO time>]`: runs the daily reminder job once against the local
 * server's data (same DATA_DIR). With `npm start` running it writes through that server's DynamoDB
 * Local, whose stream the server's notifier delivers to MailDev; without it, it starts DynamoDB Local
 * on the data folder itself (the reminders are then mailed at the next `npm start`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CycleStore, createCycleCatalog } from '../../shared/store/cycle-store';
import { documentClient } from '../../shared/store/clients';
import { OutboxStore } from '../../shared/store/outbox-store';
import { ReportStore } from '../../shared/store/report-store';
import { runReminders } from '../../shared/usecases/reminders';
import { startDynamoDbLocal } from './dynamodb-local';
import { LOCAL_SERVICES_FILE } from './main-constants';

function parseNow(args: string[]): Date {
  const at = args.indexOf('--now');
  if (at === -1) return new Date();
  const value = args[at + 1];
  const date = value ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`--now needs an ISO time (2015-09-24T06:00:00Z), not ${value ?? 'nothing'}`);
  return date;
}

async function main(): Promise<void> {
  const now = parseNow(process.argv.slice(2));
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const servicesFile = join(dataDir, LOCAL_SERVICES_FILE);
  let stop = async () => {};
  let tableName = process.env.TABLE_NAME ?? 'alliance-reporting';
  Object.assign(process.env, { AWS_REGION: process.env.AWS_REGION ?? 'us-east-1', AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local', AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' });
  if (existsSync(servicesFile)) {
    const services = JSON.parse(readFileSync(servicesFile, 'utf8')) as { dynamoEndpoint: string; tableName: string };
    process.env.AWS_ENDPOINT_URL_DYNAMODB = services.dynamoEndpoint;
    tableName = services.tableName;
  } else {
    if (!existsSync(join(dataDir, 'dynamodb'))) throw new Error(`No local data under ${dataDir}: run npm start once first.`);
    const dynamo = await startDynamoDbLocal({ directory: join(dataDir, 'dynamodb') });
    process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
    stop = dynamo.stop;
    process.stdout.write('npm start is not running: the reminders are written now and mailed at its next start.\n');
  }
  try {
    const doc = documentClient();
    const run = await runReminders({ cycles: createCycleCatalog(new CycleStore({ doc, tableName })), reports: new ReportStore({ doc, tableName }), outbox: new OutboxStore(doc, tableName) }, now);
    process.stdout.write(`reminders at ${now.toISOString()}: ${run.written.length} written, ${run.alreadySent} already sent before\n`);
    for (const r of run.written) process.stdout.write(`  ${r.cycle} ${r.country}: ${r.kind}\n`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
