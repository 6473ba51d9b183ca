/**
 * What the apps need from the outside world, built once per process (at Lambda cold start or by the
 * local server) and passed in, so tests can build them against DynamoDB Local and the local issuer.
 * A function gets only what it uses: the attachment store and its S3 clients are in
 * functions/attachment-deps.ts, which only submission, web and the local server import, so review,
 * approval, people and the jobs do not even carry them in their bundles. The Cognito
 * client and directory (~40 KB) likewise load on the first directory call, and only with a user pool.
 */
import type { Config } from '../shared/config';
import type { Directory } from '../shared/people/directory';
import { TableDirectory } from '../shared/people/table-directory';
import { OutboxStore } from '../shared/store/outbox-store';
import { createTokenVerifier, type TokenVerifier } from '../shared/http/auth';
import { loadOnce } from '../shared/lazily';
import { documentClient } from '../shared/store/clients';
import { CycleStore, createCycleCatalog } from '../shared/store/cycle-store';
import { ReportStore } from '../shared/store/report-store';
import type { CycleRegistry, ReportDeps } from '../shared/usecases/deps';

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
  return config.USER_POOL_ID ? lazyCognitoDirectory(config.USER_POOL_ID, config) : new TableDirectory(documentClient(), config.TABLE_NAME);
}

/** The Cognito directory and its client, loaded and built once, on the first call of any method. */
function lazyCognitoDirectory(userPoolId: string, config: Config): Directory {
  const build = () => import('../shared/people/cognito-directory').then(({ createCognitoDirectory }) => createCognitoDirectory(userPoolId, documentClient(), config.TABLE_NAME));
  return lazyPort<Directory>(build, { list: true, get: true, create: true, update: true, setPreferences: true });
}

/**
 * A port whose adapter (and the modules it needs) is built once, on the first call of any of its
 * methods, so a function that never calls it never loads them. `methods` names every method: the type
 * refuses a list that leaves one out.
 */
export function lazyPort<T extends object>(build: () => Promise<T>, methods: Record<keyof T, true>): T {
  const adapter = loadOnce(build);
  const call = (name: keyof T) => async (...args: unknown[]) => {
    const target = await adapter();
    return (target[name] as (...a: unknown[]) => unknown).apply(target, args);
  };
  return Object.fromEntries(Object.keys(methods).map((name) => [name, call(name as keyof T)])) as T;
}
