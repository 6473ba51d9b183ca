/**
 * Lambda entry of the notifier: the table's stream (its event source mapping filtered to new notice
 * items) → each notice's recipients from the directory → mail through SES (SESv2 SendEmail, sender
 * and configuration set from the stack's settings). Batch item failures make the
 * stream give a failed record again; delivery records keep that from mailing anyone twice.
 */
import { loadConfig } from '../../shared/config';
import { isoCountryName } from '../../shared/form/countries';
import { sesMailer } from '../../shared/notices/ses-mailer';
import { handleStreamRecords, type StreamRecord } from '../../shared/notices/stream';
import { documentClient } from '../../shared/store/clients';
import { OutboxStore } from '../../shared/store/outbox-store';
import { ReportStore } from '../../shared/store/report-store';
import { createDirectory } from '../deps';
import type { NotifierDeps } from '../../shared/notices/deliver';

const config = loadConfig();

export const notifierDeps: NotifierDeps = {
  outbox: new OutboxStore(documentClient(), config.TABLE_NAME),
  directory: createDirectory(config),
  reports: new ReportStore({ doc: documentClient(), tableName: config.TABLE_NAME }),
  mailer: sesMailer({ from: config.MAIL_FROM, configurationSet: config.MAIL_CONFIGURATION_SET }),
  baseUrl: config.WEB_BASE_URL ?? 'https://localhost',
  countryName: (code) => isoCountryName(code) ?? code,
};

export const handler = async (event: { Records: StreamRecord[] }) => handleStreamRecords(notifierDeps, event.Records);
