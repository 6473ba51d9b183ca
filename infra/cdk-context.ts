/**
 * The `context` block of cdk.json (environment presets and feature flags). The CDK CLI passes it
 * to the app itself; the app and the tests read it too, so that running the app directly
 * (`npm run synth`) or from a test gives the same feature flags and presets as the CLI.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './app-function';

export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}
