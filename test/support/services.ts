/**
 * The real local services of a test or benchmark run: DynamoDB Local in memory and s3rver with a
 * bucket in a temporary folder, on loopback (see functions/local/storage.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStorage } from '../../functions/local/storage';

export interface LocalServices {
  stop(): Promise<void>;
}

export async function startLocalServices(bucket: string): Promise<LocalServices> {
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });
  const s3Directory = mkdtempSync(join(tmpdir(), 'alliance-s3-'));
  const storage = await startLocalStorage({ bucket, s3Directory });
  return {
    async stop() {
      await storage.stop();
      rmSync(s3Directory, { recursive: true, force: true });
    },
  };
}
