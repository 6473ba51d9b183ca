/**
 * Starts the real local services once per test run: DynamoDB Local in memory and s3rver. Their
 * endpoints reach the test workers through the environment, as the SDK reads them in production.
 * The integration and browser projects both name this setup; the services start once and stop
 * when the last project that started them is done.
 */
import { startLocalServices, type LocalServices } from './services';

export const TEST_BUCKET = 'alliance-reporting-test';

const shared = globalThis as { __allianceServices?: { services: Promise<LocalServices>; users: number } };

export async function setup(): Promise<void> {
  shared.__allianceServices ??= { services: startLocalServices(TEST_BUCKET), users: 0 };
  shared.__allianceServices.users++;
  await shared.__allianceServices.services;
}

export async function teardown(): Promise<void> {
  const entry = shared.__allianceServices;
  if (!entry || --entry.users > 0) return;
  delete shared.__allianceServices;
  await (await entry.services).stop();
}
