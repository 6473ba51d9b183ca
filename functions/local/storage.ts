/**
 * The local stand-ins for DynamoDB and S3, started together for `npm start`, the tests and the
 * benchmark: DynamoDB Local and s3rver with the bucket created. Their endpoints, a region and
 * credentials go into the environment, where the AWS SDK reads them as it does in Lambda.
 */
import { startDynamoDbLocal } from './dynamodb-local';
import { startS3Server } from './s3-server';

export interface LocalStorage {
  dynamoEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

export interface LocalStorageOptions {
  bucket: string;
  /** Where s3rver keeps objects. */
  s3Directory: string;
  /** Where DynamoDB Local keeps its data; in memory without one. */
  dynamoDirectory?: string;
}

export async function startLocalStorage(options: LocalStorageOptions): Promise<LocalStorage> {
  const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local' };
  const [dynamo, s3] = await Promise.all([
    startDynamoDbLocal(options.dynamoDirectory ? { directory: options.dynamoDirectory } : {}),
    startS3Server({ directory: options.s3Directory, bucket: options.bucket, credentials }),
  ]);
  Object.assign(process.env, {
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    BUCKET_NAME: options.bucket,
  });
  return {
    dynamoEndpoint: dynamo.endpoint,
    s3Endpoint: s3.endpoint,
    async stop() {
      await Promise.all([dynamo.stop().catch(() => undefined), s3.close().catch(() => undefined)]);
    },
  };
}
