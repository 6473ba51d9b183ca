/**
 * The dependencies of the apps that also serve attachments (submission, web, the local server): the
 * attachment store and its S3 clients load on the first attachment request, a lazy chunk of the bundle
 * (the S3 client is ~150 KB of the SDK that no other request needs). Kept apart from functions/deps.ts
 * so the functions without bucket access do not carry the S3 client at all: a lazy chunk still costs
 * them at init, because esbuild places the SDK modules it shares through barrels (the XML protocol,
 * checksum streams) with the chunks loaded at start.
 */
import type { Config } from '../shared/config';
import type { AttachmentStore } from '../shared/store/attachment-store';
import { documentClient } from '../shared/store/clients';
import type { AttachmentDeps } from '../shared/usecases/deps';
import { createDeps, lazyPort, type AppDeps } from './deps';

/** The dependencies of an app that also serves attachments (submission, web, the local server). */
export interface AppDepsWithAttachments extends AppDeps, Omit<AttachmentDeps, 'cycles'> {}

export function createDepsWithAttachments(config: Config): AppDepsWithAttachments {
  const deps = createDeps(config);
  return { ...deps, attachments: lazyAttachmentStore(config) };
}

/** The attachment store and its S3 clients, loaded and built once, on the first call of any method. */
export function lazyAttachmentStore(config: Config): AttachmentStore {
  const build = () =>
    Promise.all([import('../shared/store/attachment-store'), import('../shared/store/s3-clients')]).then(([{ createAttachmentStore }, { s3Clients }]) =>
      createAttachmentStore({ doc: documentClient(), ...s3Clients(config), tableName: config.TABLE_NAME, bucket: config.BUCKET_NAME }),
    );
  return lazyPort<AttachmentStore>(build, { requestUpload: true, complete: true, list: true, get: true, remove: true, signDownload: true });
}
