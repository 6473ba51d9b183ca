/**
 * What the apps need from the outside world, built once per process (at Lambda cold start or by the
 * local server) and passed in, so tests can build them against DynamoDB Local and the local issuer.
 * A function gets only what it uses: the S3 clients exist only where attachments are served.
 */
import type { Config } from '../shared/config';
import { createTokenVerifier, type TokenVerifier } from '../shared/http/auth';
import { createAttachmentStore } from '../shared/store/attachment-store';
import { documentClient } from '../shared/store/clients';
import { CycleStore, createCycleCatalog } from '../shared/store/cycle-store';
import { ReportStore } from '../shared/store/report-store';
import { s3Clients } from '../shared/store/s3-clients';
import type { AttachmentDeps, CycleRegistry, ReportDeps } from '../shared/usecases/deps';

/** The dependencies of an app without bucket access (review, approval). */
export interface AppDeps extends ReportDeps {
  /** The cycles from the table, cached per container (shared/store/cycle-store.ts). */
  cycles: CycleRegistry;
  verifier: TokenVerifier;
}

/** The dependencies of an app that also serves attachments (submission, web, the local server). */
export interface AppDepsWithAttachments extends AppDeps, Omit<AttachmentDeps, 'cycles'> {}

export function createDeps(config: Config): AppDeps {
  return {
    reports: new ReportStore({ doc: documentClient(), tableName: config.TABLE_NAME }),
    cycles: createCycleCatalog(new CycleStore({ doc: documentClient(), tableName: config.TABLE_NAME })),
    verifier: createTokenVerifier(config),
  };
}

export function createDepsWithAttachments(config: Config): AppDepsWithAttachments {
  const deps = createDeps(config);
  return { ...deps, attachments: createAttachmentStore({ doc: documentClient(), ...s3Clients(config), tableName: config.TABLE_NAME, bucket: config.BUCKET_NAME }) };
}
