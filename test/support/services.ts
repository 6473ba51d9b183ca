/**
 * The real local services of a test or benchmark run: DynamoDB Local in memory and s3rver with a
 * bucket, on loopback. Their endpoints go into the environment, where the AWS SDK reads them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local';
import { startS3Server } from '../../functions/local/s3-server';

export interface LocalServices {
  stop(): Promise<void>;
}

/** Starts both services and sets AWS_* endpoints, credentials, S3_FORCE_PATH_STYLE and BUCKET_NAME. */
export async function startLocalServices(bucket: string): Promise<LocalServices> {
  const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
  const s3Dir = mkdtempSync(join(tmpdir(), 'alliance-s3-'));
  const [dynamo, s3] = await Promise.all([startDynamoDbLocal(), startS3Server({ directory: s3Dir, bucket, credentials })]);
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    BUCKET_NAME: bucket,
  });
  return {
    async stop() {
      await Promise.all([dynamo.stop().catch(() => undefined), s3.close().catch(() => undefined)]);
      rmSync(s3Dir, { recursive: true, force: true });
    },
  };
}
