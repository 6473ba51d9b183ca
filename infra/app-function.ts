/**
 * One Hono app on Lambda with every default in one place: runtime, architecture, the project's own
 * esbuild build with code splitting (infra/build.ts, run by CDK as the asset's local bundling), an
 * explicit log group with retention, a role that starts empty, tracing. Stacks only wire these
 * functions to the table, the bucket and the API.
 */
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './build';

export { ESM_REQUIRE_BANNER, PROJECT_ROOT } from './build';

/**
 * The function's code: infra/build.ts run on the entry into the asset's output folder (a child Node
 * with tsx, because CDK's local bundling is synchronous and the build is not). Hashed by its output,
 * so an unchanged bundle is not uploaded again. Skipped, as any bundling, where the
 * `aws:cdk:bundling-stacks` context excludes the stack (the template tests).
 */
export function functionCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(PROJECT_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds or throws (no Docker here nor in CI).
      image: DockerImage.fromRegistry('dummy'),
      // Part of CDK's bundling cache key (functions are not): without it every function would get the first one's bundle.
      command: ['tsx', 'infra/build.ts', entry],
      local: {
        tryBundle(outputDir) {
          execFileSync(process.execPath, ['--import', 'tsx', resolve(PROJECT_ROOT, 'infra/build.ts'), entry, outputDir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
          return true;
        },
      },
    },
  });
}

export interface AppFunctionProps {
  /** Entry file relative to the repository root. */
  readonly entry: string;
  readonly description?: string;
  readonly environment: Record<string, string>;
  readonly logRetentionDays: logs.RetentionDays;
  readonly tracing: boolean;
  readonly memorySize?: number;
  /** Default 25 s (API Gateway gives up after 29 s). */
  readonly timeoutSeconds?: number;
}

export class AppFunction extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of the default one with AWSLambdaBasicExecutionRole (logs:* on every
    // log group): it may write to its own log group and nothing else until the stack grants more.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new lambda.Function(this, 'Function', {
      code: functionCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      // API Gateway gives up after 29 s; a request that takes longer is already lost.
      timeout: Duration.seconds(props.timeoutSeconds ?? 25),
      role: this.role,
      logGroup: this.logGroup,
      // Text format: the apps already write one JSON object per line (shared/http/log.ts).
      tracing: props.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      // No NODE_OPTIONS=--enable-source-maps: it made every import 14–19% slower. Stack traces in the
      // logs point into the minified chunks; `npm run stack-trace` maps them back with the source maps.
      environment: props.environment,
    });
    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords, added by Lambda active tracing, support no resource-level permissions; only when tracing is on.',
      });
    }
  }
}
