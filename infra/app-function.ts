/**
 * One Hono app on Lambda with every default in one place: runtime, architecture, esbuild bundling,
 * an explicit log group with retention, a role that starts empty, tracing. Stacks only wire these
 * functions to the table, the bucket and the API.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';

/** Repository root: entries, package-lock.json and tsconfig.json are resolved from here. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundles are ES modules. esbuild turns a `require('node:stream')` inside a bundled CommonJS
 * dependency into a shim that throws in ESM ("Dynamic require of … is not supported"); a real
 * `require` made with createRequire keeps those dependencies working.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

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
  readonly function: NodejsFunction;
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

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
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
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        // Ship the SDK versions package-lock.json pins (the ones tests run against) instead of the
        // runtime's; tree-shaken ESM keeps the bundle small.
        bundleAwsSDK: true,
        externalModules: [],
        logLevel: LogLevel.ERROR,
      },
    });
    if (props.tracing) {
      Validations.of(this.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'xray:PutTraceSegments and xray:PutTelemetryRecords, added by Lambda active tracing, support no resource-level permissions; only when tracing is on.',
      });
    }
  }
}
