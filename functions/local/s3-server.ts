/**
 * The local S3-compatible server (s3rver, in process) for `npm start` and the integration tests:
 * listens on 127.0.0.1, keeps objects under a directory, creates the bucket with a CORS rule that
 * lets a browser on any origin PUT and GET through presigned URLs.
 *
 * Not real S3: s3rver checks that a SigV4 request names a known access key and has not expired, but
 * never verifies the signature itself, so signed headers (content-type, content-length) are not
 * enforced. The attachment store re-checks size and type with HeadObject, which holds everywhere.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** The part of s3rver's API used here (the package ships no type declarations). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
interface S3rverOptions {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  resetOnClose: boolean;
  configureBuckets: { name: string; configs: string[] }[];
}
interface AWSAccountModule {
  DUMMY_ACCOUNT: { createKeyPair(accessKeyId: string, secretAccessKey: string): void };
}

const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as new (options: S3rverOptions) => S3rverInstance;
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account') as AWSAccountModule;

/** Browsers upload and download straight to the bucket with presigned URLs, from the local UI's origin. */
const CORS_CONFIGURATION = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface S3ServerOptions {
  /** Where objects are kept (created if missing; kept across restarts). */
  directory: string;
  /** 0 (the default): any free port. */
  port?: number;
  /** Created at start if missing. */
  bucket: string;
  /**
   * Access key to accept besides s3rver's built-in `S3RVER`/`S3RVER` (s3rver refuses unknown key ids),
   * e.g. the one in `AWS_ACCESS_KEY_ID` that DynamoDB Local is also given.
   */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export interface S3Server {
  /** Base URL for `AWS_ENDPOINT_URL_S3`, e.g. `http://127.0.0.1:43127` (use path-style addressing). */
  endpoint: string;
  close(): Promise<void>;
}

/** Starts s3rver on 127.0.0.1 with the bucket created. */
export async function startS3Server({ directory, port = 0, bucket, credentials }: S3ServerOptions): Promise<S3Server> {
  await mkdir(directory, { recursive: true });
  if (credentials) DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    resetOnClose: false,
    configureBuckets: [{ name: bucket, configs: [CORS_CONFIGURATION] }],
  });
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
