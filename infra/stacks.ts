/**
 * Builds the app's stacks from the configuration: the stateful stack, then the API stack wired to
 * its table, bucket and token settings. Used by infra/app.ts and by the infra tests.
 */
import { Tags, type App } from 'aws-cdk-lib';
import { ApiStack } from './api-stack';
import type { InfraConfig } from './config';
import { FUNCTIONS, type FunctionSpec } from './function-table';
import { StatefulStack } from './stateful-stack';

export interface AllianceStacks {
  stateful: StatefulStack;
  api: ApiStack;
}

export function buildStacks(app: App, config: InfraConfig, functions: readonly FunctionSpec[] = FUNCTIONS): AllianceStacks {
  const prefix = `AllianceReporting-${config.envName}`;
  const env = config.awsEnv;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    config,
    env,
    description: `Alliance Reporting (${config.envName}): table, attachments bucket, users. Retained on deletion.`,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    config,
    env,
    description: `Alliance Reporting (${config.envName}): functions and REST API.`,
    functions,
    table: stateful.table,
    bucket: stateful.bucket,
    bucketArnExport: stateful.bucketArnExport,
    authEnvironment: stateful.authEnvironment,
    webSignInEnvironment: stateful.webSignInEnvironment,
    ...(stateful.userPool ? { userPool: stateful.userPool } : {}),
  });
  api.addStackDependency(stateful);
  Tags.of(app).add('project', 'alliance-reporting');
  Tags.of(app).add('environment', config.envName);
  return { stateful, api };
}
