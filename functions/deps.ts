/**
 * What the apps need from the outside world, built once per process (at Lambda cold start or by the
 * local server) and passed in, so tests can build them against DynamoDB Local and the local issuer.
 * A function gets only what it uses: the S3 clients exist only where attachments are served.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Config } from '../shared/config';
import { CognitoDirectory } from '../shared/people/cognito-directory';
import type { Directory } from '../shared/people/directory';
import { TableDirectory } from '../shared/people/table-directory';
import { OutboxStore } from '../shared/store/outbox-store';
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
  /** The people: the user pool when the stack uses Cognito, else the table's directory. */
  directory: Directory;
  /** The notices' outbox (read by admins; written in the transitions' own transactions). */
  outbox: OutboxStore;
}

/** The dependencies of an app that also serves attachments (submission, web, the local server). */
export interface AppDepsWithAttachments extends AppDeps, Omit<AttachmentDeps, 'cycles'> {}

export function createDeps(config: Config): AppDeps {
  return {
    reports: new ReportStore({ doc: documentClient(), tableName: config.TABLE_NAME }),
    cycles: createCycleCatalog(new CycleStore({ doc: documentClient(), tableName: config.TABLE_NAME })),
    verifier: createTokenVerifier(config),
    directory: createDirectory(config),
    outbox: new OutboxStore(documentClient(), config.TABLE_NAME),
  };
}

/** Cognito's user pool when USER_POOL_ID is set, else the directory in the table. */
export function createDirectory(config: Config): Directory {
  return config.USER_POOL_ID
    ? new CognitoDirectory(new CognitoIdentityProviderClient({}), config.USER_POOL_ID, documentClient(), config.TABLE_NAME)
    : new TableDirectory(documentClient(), config.TABLE_NAME);
}

export function createDepsWithAttachments(config: Config): AppDepsWithAttachments {
  const deps = createDeps(config);
  return { ...deps, attachments: createAttachmentStore({ doc: documentClient(), ...s3Clients(config), tableName: config.TABLE_NAME, bucket: config.BUCKET_NAME }) };
}
