/**
 * `npm start`: the product on one machine. Starts DynamoDB Local (data under DATA_DIR), creates
 * the table if missing, generates the development issuer's keys on first start, and serves the
 * API on PORT. Ctrl-C stops everything it started.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../shared/config';
import { log } from '../../shared/http/log';
import { ensureTable } from '../../shared/store/table';
import { createDepsWithAttachments } from '../attachment-deps';
import { loadWebOptions } from '../web/config';
import { serveApi } from './api';
import { ensureDevIssuer } from './dev-issuer';
import { startLocalStorage } from './storage';
import { rmSync, writeFileSync } from 'node:fs';
import { isoCountryName } from '../../shared/form/countries';
import { smtpMailer } from '../../shared/notices/mailer';
import { handleStreamRecords } from '../../shared/notices/stream';
import { startMailDev } from './mail';
import { seedPeople, seedReports } from './seed';
import { startStreamConsumer } from './stream-consumer';
import { LOCAL_SERVICES_FILE } from './main-constants';

async function main(): Promise<void> {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const port = Number(process.env.PORT ?? 3000);
  const started: Array<{ stop(): Promise<void> }> = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    const issuer = await ensureDevIssuer(dataDir);
    const storage = await startLocalStorage({
      bucket: process.env.BUCKET_NAME ?? 'alliance-reporting-attachments',
      dynamoDirectory: join(dataDir, 'dynamodb'),
      s3Directory: join(dataDir, 's3'),
    });
    started.push(storage);

    // The apps read the issuer from the environment, as in Lambda (the SDK endpoints are set by startLocalStorage).
    Object.assign(process.env, {
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      AUTH_JWKS: issuer.jwks,
    });
    const config = loadConfig();
    const created = await ensureTable(new DynamoDBClient({}), config.TABLE_NAME);

    const deps = createDepsWithAttachments(config);
    // The web pages, with the development sign-in (demo users) that exists only with the local issuer.
    const api = await serveApi(deps, { port, web: { ...loadWebOptions(), devSignIn: issuer } });
    started.push({ stop: api.close });

    // Notices: MailDev on loopback, fed by the notifier's own handler from DynamoDB Local's stream.
    const mail = await startMailDev({ smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 1025), webPort: Number(process.env.MAIL_WEB_PORT ?? 1080) });
    started.push(mail);
    const notifier = {
      outbox: deps.outbox,
      directory: deps.directory,
      reports: deps.reports,
      mailer: smtpMailer({ host: '127.0.0.1', port: mail.smtpPort, from: config.MAIL_FROM }),
      baseUrl: process.env.WEB_BASE_URL ?? api.url,
      countryName: (code: string) => isoCountryName(code) ?? code,
    };
    const consumer = await startStreamConsumer({ tableName: config.TABLE_NAME, handle: (records) => handleStreamRecords(notifier, records) });
    started.push(consumer);
    const servicesFile = join(dataDir, LOCAL_SERVICES_FILE);
    writeFileSync(servicesFile, JSON.stringify({ dynamoEndpoint: storage.dynamoEndpoint, tableName: config.TABLE_NAME }));
    started.push({ stop: async () => rmSync(servicesFile, { force: true }) });

    // A new data folder starts with the demo users in the directory and the two published 2014 forms, submitted, ready for review.
    const seeded = created ? [...(await seedPeople(deps.directory)), ...(await seedReports(deps))] : [];

    process.stdout.write(
      [
        '',
        `Alliance Reporting is running at ${api.url}`,
        `  web:      ${api.url}/ (sign in as a demo user: a rapporteur of any participant, a reviewer, an admin)`,
        `  data:     ${dataDir}${created ? ' (new table created)' : ''}`,
        `  storage:  DynamoDB Local ${storage.dynamoEndpoint}, S3 (s3rver) ${storage.s3Endpoint}`,
        `  API docs: ${api.url}/docs`,
        `mail:      ${mail.webUrl} (MailDev: every notice the app sends; SMTP on 127.0.0.1:${mail.smtpPort})`,
        ...seeded.map((line) => `  seeded:   ${line}`),
        '',
        'Or use the API: get a token and make a first request:',
        '  TOKEN=$(npm run --silent token -- --role rapporteur --country ME)',
        `  curl -H "Authorization: Bearer $TOKEN" ${api.url}/cycles/2014/reports/ME`,
        'Deadline reminders run once with: npm run remind -- [--now <ISO time>]',
        '',
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    log('error', 'start failed', { error: error instanceof Error ? error.message : String(error) });
    await stopAll(1);
  }
}

void main();
