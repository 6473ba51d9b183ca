/**
 * The apps' dependencies for a test: the real stores over DynamoDB Local (a fresh table) and the
 * local S3 server, the cycle catalog over the same table (its cache on a clock the test moves), and a
 * token verifier of a development issuer made for the test.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../shared/config';
import { DEFAULT_CYCLES, findCycle } from '../../shared/form';
import type { CycleCatalog } from '../../shared/usecases/deps';
import { createTokenVerifier } from '../../shared/http/auth';
import { createAttachmentStore } from '../../shared/store/attachment-store';
import { documentClient } from '../../shared/store/clients';
import { ReportStore } from '../../shared/store/report-store';
import { createS3Clients } from '../../shared/store/s3-clients';
import { CycleStore, createCycleCatalog } from '../../shared/store/cycle-store';
import type { AppDepsWithAttachments } from '../../functions/attachment-deps';
import { ensureDevIssuer, type DevIssuer } from '../../functions/local/dev-issuer';
import { createTestTable } from './dynamo';
import { tempDir } from './temp';
import { TableDirectory } from '../../shared/people/table-directory';
import { OutboxStore } from '../../shared/store/outbox-store';

/** A clock the test moves on (the cycle catalog's cache lifetime runs on it). */
export interface TestClock {
  now(): number;
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => void (offset += ms) };
}

/** The code-held cycles as a catalog, for apps tested without a table (the web sign-in): the pages' navigation reads the cycles. */
export function codeCycleCatalog(): CycleCatalog {
  const infos = DEFAULT_CYCLES.map((cycle) => findCycle(cycle.id)!);
  return { get: async (id) => infos.find((i) => i.cycle.id === id), list: async () => infos };
}

export interface TestDeps {
  deps: AppDepsWithAttachments;
  clock: TestClock;
  issuer: DevIssuer;
  dataDir: string;
  tableName: string;
}

export async function createTestDeps(prefix: string, doc: DynamoDBDocumentClient = documentClient()): Promise<TestDeps> {
  const dataDir = tempDir(`alliance-${prefix}`);
  const issuer = await ensureDevIssuer(dataDir);
  const tableName = await createTestTable(prefix);
  const config = loadConfig({ ...process.env, TABLE_NAME: tableName, AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience, AUTH_JWKS: issuer.jwks });
  const clock = testClock();
  const deps: AppDepsWithAttachments = {
    reports: new ReportStore({ doc, tableName }),
    cycles: createCycleCatalog(new CycleStore({ doc, tableName }), { clock: clock.now }),
    attachments: createAttachmentStore({ doc, ...createS3Clients(config), tableName, bucket: config.BUCKET_NAME }),
    verifier: createTokenVerifier(config),
    directory: new TableDirectory(doc, tableName),
    outbox: new OutboxStore(doc, tableName),
  };
  return { deps, clock, issuer, dataDir, tableName };
}
