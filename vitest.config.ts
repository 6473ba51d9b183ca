import { defineConfig } from 'vitest/config';

/**
 * Four projects: `unit` (pure code, no I/O, no Java: `npx vitest run test/unit` runs on any machine),
 * `infra` (templates, cdk-nag, real bundles), `integration` (DynamoDB Local, the local S3 server, real
 * HTTP servers; also e2e against a local server) and `browser` (Chromium). The last two start the
 * local services once per run (test/support/global-setup.ts); browser files run one at a time. `npm test`
 * runs them all.
 */
const services = { globalSetup: ['test/support/global-setup.ts'], setupFiles: ['test/support/setup.ts'] };

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], setupFiles: ['test/support/setup.ts'] } },
      { extends: true, test: { name: 'infra', include: ['test/infra/**/*.test.ts'], setupFiles: ['test/support/setup.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'], ...services } },
      // One browser file at a time (each drives Chromium against its own server): two at once on a 2-core
      // machine starve each other (a 3 s test took over 60 s); the other worker runs the rest meanwhile.
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], fileParallelism: false, ...services } },
    ],
  },
});
