/**
 * What the apps need from the outside world, built once per process (at Lambda cold start or by the
 * local server) and passed in, so tests can build them against DynamoDB Local and the local issuer.
 */
import type { Config } from '../shared/config';
import { createTokenVerifier, type TokenVerifier } from '../shared/http/auth';
import { documentClient } from '../shared/store/clients';
import { createAttachmentStore, s3Clients, type AttachmentStore } from '../shared/store/attachments';
import { ReportStore } from '../shared/store/report-store';

export interface AppDeps {
  store: ReportStore;
  attachments: AttachmentStore;
  verifier: TokenVerifier;
}

export function createDeps(config: Config): AppDeps {
  const doc = documentClient();
  return {
    store: new ReportStore({ doc, tableName: config.TABLE_NAME }),
    attachments: createAttachmentStore({ doc, ...s3Clients(config), tableName: config.TABLE_NAME, bucket: config.BUCKET_NAME }),
    verifier: createTokenVerifier(config),
  };
}
