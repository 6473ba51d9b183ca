/**
 * Starts the real local services once per test run: DynamoDB Local in memory. Their endpoints
 * reach the test workers through the environment, as the SDK reads them in production.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal, type RunningService } from '../../functions/local/dynamodb-local';
import { startS3Server, type S3Server } from '../../functions/local/s3-server';

export const TEST_BUCKET = 'alliance-reporting-test';

let dynamo: RunningService | undefined;
let s3: S3Server | undefined;
let s3Dir: string | undefined;

export async function setup(): Promise<void> {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  s3Dir = mkdtempSync(join(tmpdir(), 'alliance-s3-'));
  [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Server({ directory: s3Dir, bucket: TEST_BUCKET, credentials })]);
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    BUCKET_NAME: TEST_BUCKET,
  });
}

export async function teardown(): Promise<void> {
  await Promise.all([dynamo?.stop(), s3?.close()]);
  if (s3Dir) rmSync(s3Dir, { recursive: true, force: true });
}
