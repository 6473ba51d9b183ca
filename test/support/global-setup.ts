/**
 * Starts the real local services once per test run: DynamoDB Local in memory and s3rver. Their
 * endpoints reach the test workers through the environment, as the SDK reads them in production.
 */
import { startLocalServices, type LocalServices } from './services';

export const TEST_BUCKET = 'alliance-reporting-test';

let services: LocalServices | undefined;

export async function setup(): Promise<void> {
  services = await startLocalServices(TEST_BUCKET);
}

export async function teardown(): Promise<void> {
  await services?.stop();
}
