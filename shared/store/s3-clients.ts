/**
 * The S3 clients: the one for the server's own calls and the one that signs URLs handed to
 * browsers, configured by the environment (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, `AWS_REGION`).
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config';

export interface S3Clients {
  s3: S3Client;
  presignS3: S3Client;
}

export type S3Config = Pick<Config, 'S3_FORCE_PATH_STYLE' | 'S3_PUBLIC_ENDPOINT'>;

/**
 * Builds the S3 clients. Checksums are computed only when an operation requires them: with the default
 * (`WHEN_SUPPORTED`, SDK ≥ 3.729) a presigned PUT carries the CRC32 of an empty body and every real
 * upload to it fails. When `S3_PUBLIC_ENDPOINT` is set, URLs are signed for that endpoint (the one
 * browsers can reach) by a second client.
 */
export function createS3Clients(config: S3Config): S3Clients {
  const options = {
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  } as const;
  const s3 = new S3Client(options);
  const presignS3 = config.S3_PUBLIC_ENDPOINT ? new S3Client({ ...options, endpoint: config.S3_PUBLIC_ENDPOINT }) : s3;
  return { s3, presignS3 };
}

let clients: S3Clients | undefined;

/** The S3 clients of this process, built once from the first configuration given. */
export function s3Clients(config: S3Config): S3Clients {
  clients ??= createS3Clients(config);
  return clients;
}
