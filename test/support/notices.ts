/**
 * Notices in a test: MailDev on free loopback ports, the notifier's handler fed by DynamoDB Local's
 * stream (the same consumer as `npm start`), and MailDev's REST API read back.
 */
import { startMailDev, type LocalMail } from '../../functions/local/mail';
import { startStreamConsumer, type StreamConsumer } from '../../functions/local/stream-consumer';
import { isoCountryName } from '../../shared/form/countries';
import type { NotifierDeps } from '../../shared/notices/deliver';
import { smtpMailer, type Mailer } from '../../shared/notices/mailer';
import { handleStreamRecords } from '../../shared/notices/stream';
import type { TestApi } from './api';

export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  to: Array<{ address: string }>;
}

export interface TestNotices {
  mail: LocalMail;
  deps: NotifierDeps;
  consumer: StreamConsumer;
  /** Every mail MailDev received, oldest first. */
  inbox(): Promise<ReceivedMail[]>;
  /** Mails to one address. */
  to(address: string): Promise<ReceivedMail[]>;
  /** Waits until every record written so far went through the notifier. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export const BASE_URL = 'http://reporting.test';

export async function startNotices(api: Pick<TestApi, 'deps' | 'tableName'>, options: { mailer?: (real: Mailer) => Mailer } = {}): Promise<TestNotices> {
  const mail = await startMailDev();
  const real = smtpMailer({ host: '127.0.0.1', port: mail.smtpPort, from: 'Alliance Reporting <no-reply@reporting.test>' });
  const deps: NotifierDeps = {
    outbox: api.deps.outbox,
    directory: api.deps.directory,
    reports: api.deps.reports,
    mailer: options.mailer?.(real) ?? real,
    baseUrl: BASE_URL,
    countryName: (code) => isoCountryName(code) ?? code,
    retry: { attempts: 3, baseDelayMs: 50 },
  };
  const consumer = await startStreamConsumer({ tableName: api.tableName, handle: (records) => handleStreamRecords(deps, records), pollMs: 100 });
  const inbox = async () => (await (await fetch(`${mail.webUrl}/api/email`)).json()) as ReceivedMail[];
  return {
    mail,
    deps,
    consumer,
    inbox,
    to: async (address) => (await inbox()).filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase())),
    settled: () => consumer.drained(),
    async stop() {
      await consumer.stop();
      await mail.stop();
    },
  };
}
