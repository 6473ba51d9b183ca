/**
 * The stateless part: one Lambda per app of the function table, each with exactly the table and
 * bucket access the table grants it, and a REST API (v1: LocalStack's free tier has no HTTP APIs)
 * that routes every contract path and method to its function. Replaceable at any time.
 */
import { CfnOutput, Duration, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { NOTICE_FILTER_PATTERN } from '../shared/notices/stream';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { AppFunction } from './app-function';
import type { InfraConfig } from './config';
import type { FunctionSpec } from './function-table';
import { planRoutes } from './route-plan';
import type { AuthEnvironment } from './stateful-stack';

export interface ApiStackProps extends StackProps {
  readonly config: InfraConfig;
  readonly functions: readonly FunctionSpec[];
  readonly table: dynamodb.ITable;
  readonly bucket: s3.IBucket;
  /** The bucket ARN as an import of a named export (StatefulStack.bucketArnExport). */
  readonly bucketArnExport: { name: string; value: string };
  readonly authEnvironment: AuthEnvironment;
  /** OIDC_* variables for the web function's sign-in. */
  readonly webSignInEnvironment?: Record<string, string>;
  /** The user pool, when the stack uses Cognito: the directory (functions with `userPool` may act on it only). */
  readonly userPool?: cognito.IUserPool;
}

/** Cognito actions by the access a function-table row asks for, on the stack's pool only. */
export const USER_POOL_ACTIONS = {
  read: ['cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'],
  admin: [
    'cognito-idp:ListUsersInGroup',
    'cognito-idp:AdminGetUser',
    'cognito-idp:AdminListGroupsForUser',
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminUpdateUserAttributes',
    'cognito-idp:AdminDeleteUserAttributes',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
  ],
} as const;

const PROBLEM_HEADERS = { 'Content-Type': "'application/problem+json'" };

export class ApiStack extends Stack {
  readonly api: apigw.RestApi;
  readonly functions: ReadonlyMap<string, AppFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { config, table, bucket } = props;
    const plan = planRoutes(props.functions);

    const environment: Record<string, string> = {
      TABLE_NAME: table.tableName,
      BUCKET_NAME: bucket.bucketName,
      ...definedOnly(props.authEnvironment),
      S3_FORCE_PATH_STYLE: String(config.s3.forcePathStyle),
      ...(config.s3.publicEndpoint ? { S3_PUBLIC_ENDPOINT: config.s3.publicEndpoint } : {}),
    };

    const functions = new Map<string, AppFunction>();
    for (const spec of props.functions) {
      const fn = new AppFunction(this, fnId(spec.name), {
        entry: spec.entry,
        description: `Alliance Reporting ${spec.name} ${spec.trigger ? 'job' : 'API'} (${config.envName})`,
        environment: {
          ...environment,
          ...(spec.userPool && props.userPool ? { USER_POOL_ID: props.userPool.userPoolId } : {}),
          ...(spec.sendsMail ? { MAIL_FROM: config.mail.from, ...(config.mail.configurationSet ? { MAIL_CONFIGURATION_SET: config.mail.configurationSet } : {}) } : {}),
        },
        logRetentionDays: config.logRetentionDays as logs.RetentionDays,
        tracing: config.tracing,
        memorySize: spec.memorySize,
        timeoutSeconds: spec.timeoutSeconds,
      });
      grantAccess(fn, spec, table, props.bucketArnExport);
      if (spec.userPool && props.userPool) {
        fn.role.addToPolicy(new iam.PolicyStatement({ actions: [...USER_POOL_ACTIONS[spec.userPool]], resources: [props.userPool.userPoolArn] }));
      }
      if (spec.sendsMail) grantMail(this, fn, config);
      if (spec.trigger === 'stream') subscribeToNotices(fn, table);
      if (spec.trigger === 'schedule') scheduleDaily(this, fn, config);
      functions.set(spec.name, fn);
    }
    this.functions = functions;

    // NODEJS_22_X is the runtime every function is built and tested for (esbuild target node22).
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime the project targets and tests (esbuild target node22, LocalStack parity); moving to a newer runtime is a deliberate, tested change.',
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: config.logRetentionDays as logs.RetentionDays });
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: `alliance-reporting-${config.envName}`,
      description: 'Alliance Reporting HTTP API: every route is a Lambda proxy to the app that owns its contract.',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: config.apiGatewayCloudWatchRole,
      deployOptions: {
        stageName: config.envName,
        throttlingRateLimit: config.throttling.rateLimit,
        throttlingBurstLimit: config.throttling.burstLimit,
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        // Request and response bodies hold report answers: never in execution logs.
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: config.tracing,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.custom(
          JSON.stringify({
            requestId: apigw.AccessLogField.contextRequestId(),
            requestTime: apigw.AccessLogField.contextRequestTime(),
            ip: apigw.AccessLogField.contextIdentitySourceIp(),
            userAgent: apigw.AccessLogField.contextIdentityUserAgent(),
            httpMethod: apigw.AccessLogField.contextHttpMethod(),
            // The route template, not the path: no ids, no query strings (signed URLs).
            resourcePath: apigw.AccessLogField.contextResourcePath(),
            status: apigw.AccessLogField.contextStatus(),
            responseLength: apigw.AccessLogField.contextResponseLength(),
            responseLatency: apigw.AccessLogField.contextResponseLatency(),
            integrationStatus: apigw.AccessLogField.contextIntegrationStatus(),
            integrationLatency: apigw.AccessLogField.contextIntegrationLatency(),
            errorType: apigw.AccessLogField.contextErrorResponseType(),
          }),
        ),
      },
    });

    if (this.api.node.tryFindChild('CloudWatchRole')) {
      Validations.of(this.api.node.findChild('CloudWatchRole')).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: "The account-level role API Gateway needs to write execution and access logs; AWS's managed policy for it is the documented way and is limited to CloudWatch Logs.",
      });
    }

    // One integration per API function: it adds a single invoke permission for the whole API.
    const apiFunctions = new Set(props.functions.filter((f) => !f.trigger).map((f) => f.name));
    const integrations = new Map(
      [...functions].filter(([name]) => apiFunctions.has(name)).map(([name, fn]) => [name, new apigw.LambdaIntegration(fn.function, { proxy: true, scopePermissionToMethod: false })]),
    );
    const integrationOf = (name: string) => integrations.get(name)!;
    for (const route of plan) {
      this.api.root.resourceForPath(route.path).addMethod(route.method, integrationOf(route.functionName));
    }
    const catchAll = props.functions.find((f) => f.catchAll);
    if (catchAll) {
      // The web pages build links and check form origins against their public URL. The default is
      // the stage URL, assembled from the API id (the api.url token would make function → stage → function a cycle).
      const web = functions.get(catchAll.name)!.function;
      const webBaseUrl = config.webBaseUrl ?? `https://${this.api.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${config.envName}`;
      web.addEnvironment('WEB_BASE_URL', webBaseUrl);
      // Mails link to the pages.
      for (const spec of props.functions.filter((f) => f.sendsMail)) functions.get(spec.name)!.function.addEnvironment('WEB_BASE_URL', webBaseUrl);
      for (const [name, value] of Object.entries(props.webSignInEnvironment ?? {})) web.addEnvironment(name, value);
      this.api.root.addMethod('ANY', integrationOf(catchAll.name));
      this.api.root.addResource('{proxy+}').addMethod('ANY', integrationOf(catchAll.name));
    }

    // Answers API Gateway gives by itself follow the API's problem+json error format.
    this.api.addGatewayResponse('NoRoute', {
      // What API Gateway answers for a path or method no route serves.
      type: apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN,
      statusCode: '404',
      responseHeaders: PROBLEM_HEADERS,
      templates: { 'application/json': '{"type":"about:blank","title":"Not Found","status":404,"detail":"No route serves this method and path."}' },
    });
    for (const [id, type] of [
      ['Default4xx', apigw.ResponseType.DEFAULT_4XX],
      ['Default5xx', apigw.ResponseType.DEFAULT_5XX],
    ] as const) {
      this.api.addGatewayResponse(id, {
        type,
        responseHeaders: PROBLEM_HEADERS,
        templates: { 'application/json': '{"type":"about:blank","title":$context.error.messageString}' },
      });
    }

    Validations.of(this.api).acknowledge(
      {
        id: 'AwsSolutions-APIG2',
        reason: 'Requests are validated in the apps against the same zod contracts that define the routes, with problem+json field errors API Gateway validators cannot produce.',
      },
      {
        id: 'AwsSolutions-APIG3',
        reason: 'No WAF web ACL yet: WAF is not available on LocalStack and the stage is throttled; add one in front of production when traffic warrants it.',
      },
      {
        id: 'AwsSolutions-APIG4',
        reason: 'Bearer JWTs are verified in the apps (jose, cached JWKS) against Cognito, any OIDC issuer or the local issuer; public routes (/health, /openapi.json, /docs) must stay open.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'No Cognito authorizer: the same JWT verification runs in the apps for every provider (Cognito, OIDC, local), and LocalStack free tier has no authorizers.',
      },
    );

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the API (API_URL for the end-to-end tests)' });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'BucketName', { value: bucket.bucketName });
    new CfnOutput(this, 'AuthIssuer', { value: props.authEnvironment.AUTH_ISSUER });
    if (props.authEnvironment.AUTH_AUDIENCE) new CfnOutput(this, 'AuthAudience', { value: props.authEnvironment.AUTH_AUDIENCE });
  }
}

/** SES v2 SendEmail (simple content: SendRawEmail is not needed) as the sender identity only (from that address), and the configuration set when there is one. */
function grantMail(stack: Stack, fn: AppFunction, config: InfraConfig): void {
  const arn = (resource: string) => `arn:${stack.partition}:ses:${stack.region}:${stack.account}:${resource}`;
  fn.role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [arn(`identity/${config.mail.identity}`), ...(config.mail.configurationSet ? [arn(`configuration-set/${config.mail.configurationSet}`)] : [])],
      conditions: { StringEquals: { 'ses:FromAddress': config.mail.from } },
    }),
  );
}

/** The table's stream → the notifier, filtered to new notice items (NOTICE_FILTER_PATTERN, the same filter the local consumer applies). */
function subscribeToNotices(fn: AppFunction, table: dynamodb.ITable): void {
  fn.function.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      filters: [lambda.FilterCriteria.filter(NOTICE_FILTER_PATTERN as never)],
      batchSize: 10,
      // A record whose delivery threw is given again (from it on); delivery records keep mail from going twice.
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.days(1),
    }),
  );
  Validations.of(fn.role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'dynamodb:ListStreams, added with the stream event source, supports no resource-level permission; reading the stream itself is limited to the table\'s stream ARN.',
  });
}

/** The daily reminder job: an EventBridge Scheduler schedule invoking the function (its role may invoke that function only). */
function scheduleDaily(stack: Stack, fn: AppFunction, config: InfraConfig): void {
  const role = new iam.Role(stack, 'ReminderScheduleRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'), description: 'EventBridge Scheduler: invokes the reminder function only' });
  new scheduler.Schedule(stack, 'ReminderSchedule', {
    description: 'Alliance Reporting: daily deadline reminders',
    schedule: scheduler.ScheduleExpression.expression(config.mail.reminderSchedule),
    target: new targets.LambdaInvoke(fn.function, { role, retryAttempts: 2 }),
  });
  const logicalId = stack.getLogicalId(fn.function.node.defaultChild as lambda.CfnFunction);
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
    reason: "lambda:InvokeFunction on the reminder function and its versions (`<arn>:*`), as the Scheduler target grants it; no other function.",
  });
}

/** Grants exactly what the function table lists, as explicit statements (no broad grant helpers). */
function grantAccess(fn: AppFunction, spec: FunctionSpec, table: dynamodb.ITable, bucketArn: { name: string; value: string }): void {
  if (spec.table.length > 0) {
    fn.role.addToPolicy(
      new iam.PolicyStatement({ actions: spec.table.map((a) => `dynamodb:${a}`), resources: [table.tableArn] }),
    );
  }
  if (spec.queryIndexes?.length) {
    fn.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: spec.queryIndexes.map((i) => `${table.tableArn}/index/${i}`) }),
    );
  }
  if (spec.bucket.listPrefixes?.length) {
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucketArn.value],
        conditions: { StringLike: { 's3:prefix': [...spec.bucket.listPrefixes] } },
      }),
    );
  }
  const objectActions = [
    ['s3:GetObject', spec.bucket.getObject],
    ['s3:PutObject', spec.bucket.putObject],
    ['s3:DeleteObject', spec.bucket.deleteObject],
  ] as const;
  for (const [action, prefixes] of objectActions) {
    if (!prefixes?.length) continue;
    fn.role.addToPolicy(new iam.PolicyStatement({ actions: [action], resources: prefixes.map((p) => `${bucketArn.value}/${p}`) }));
    for (const prefix of prefixes) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${bucketArn.name}/${prefix}]`,
        reason: `Object keys are generated per attachment, so ${action} is granted on the key prefix ${prefix} only, never on the whole bucket.`,
      });
    }
  }
}

function definedOnly(values: AuthEnvironment): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function fnId(name: string): string {
  return `${name[0]!.toUpperCase()}${name.slice(1)}Function`;
}
