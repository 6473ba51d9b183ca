/**
 * The apps' dependencies for a test: the real stores over DynamoDB Local (a fresh table) and the
 * local S3 server, the code-held cycles, and a token verifier of a development issuer made for the test.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../shared/config';
import { createTokenVerifier } from '../../shared/http/auth';
import { createAttachmentStore } from '../../shared/store/attachment-store';
import { documentClient } from '../../shared/store/clients';
import { ReportStore } from '../../shared/store/report-store';
import { createS3Clients } from '../../shared/store/s3-clients';
import { staticCycleCatalog } from '../../shared/usecases/deps';
import type { AppDepsWithAttachments } from '../../functions/deps';
import { ensureDevIssuer, type DevIssuer } from '../../functions/local/dev-issuer';
import { createTestTable } from './dynamo';

export interface TestDeps {
  deps: AppDepsWithAttachments;
  issuer: DevIssuer;
  dataDir: string;
  tableName: string;
}

export async function createTestDeps(prefix: string, doc: DynamoDBDocumentClient = documentClient()): Promise<TestDeps> {
  const dataDir = mkdtempSync(join(tmpdir(), `alliance-${prefix}-`));
  const issuer = await ensureDevIssuer(dataDir);
  const tableName = await createTestTable(prefix);
  const config = loadConfig({ ...process.env, TABLE_NAME: tableName, AUTH_ISSUER: issuer.issuer, AUTH_AUDIENCE: issuer.audience, AUTH_JWKS: issuer.jwks });
  const deps: AppDepsWithAttachments = {
    reports: new ReportStore({ doc, tableName }),
    cycles: staticCycleCatalog(),
    attachments: createAttachmentStore({ doc, ...createS3Clients(config), tableName, bucket: config.BUCKET_NAME }),
    verifier: createTokenVerifier(config),
  };
  return { deps, issuer, dataDir, tableName };
}
