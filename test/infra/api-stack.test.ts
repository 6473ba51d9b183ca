import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/function-table';
import { planRoutes } from '../../infra/route-plan';
import { configFrom, functionId, statementsOf, synthCached, TEST_JWKS } from './synth';

const TIMEOUT = { timeout: 60_000 };
type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

function actionsOf(t: Template, name: string): string[] {
  return statementsOf(t, name).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** `METHOD /path` → logical id of the function its Lambda proxy integration invokes. */
function routesOf(t: Template): Map<string, string> {
  const resources = t.toJSON().Resources as Resources;
  const pathOf = (resourceRef: any): string => {
    if (resourceRef['Fn::GetAtt']) return '';
    const r = resources[resourceRef.Ref]!;
    return `${pathOf(r.Properties.ParentId)}/${r.Properties.PathPart}`;
  };
  const routes = new Map<string, string>();
  for (const m of Object.values(resources).filter((r) => r.Type === 'AWS::ApiGateway::Method')) {
    const path = pathOf(m.Properties.ResourceId) || '/';
    const uri = JSON.stringify(m.Properties.Integration.Uri);
    expect(m.Properties.Integration.Type).toBe('AWS_PROXY');
    const target = Object.keys(resources).find((id) => resources[id]!.Type === 'AWS::Lambda::Function' && uri.includes(`"${id}","Arn"`));
    routes.set(`${m.Properties.HttpMethod} ${path}`, target!);
  }
  return routes;
}

describe('API stack', TIMEOUT, () => {
  it('runs each function on Node.js 22, arm64, as an ES module bundle, without NODE_OPTIONS (source maps are decoded offline)', () => {
    const t = synthCached().apiTemplate;
    t.resourceCountIs('AWS::Lambda::Function', FUNCTIONS.length);
    for (const fn of FUNCTIONS) {
      t.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(` ${fn.name} (API|job) `),
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), BUCKET_NAME: Match.anyValue() }) },
        LoggingConfig: { LogGroup: Match.anyValue() },
      });
    }
    // --enable-source-maps made every import 14–19% slower (npm run bench:cold); npm run stack-trace decodes instead.
    for (const resource of Object.values(t.findResources('AWS::Lambda::Function'))) expect(resource.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
  });

  it('gives every function its own log group with the configured retention', () => {
    const t = synthCached({ logRetentionDays: 30 }).apiTemplate;
    const groups = Object.values(t.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(FUNCTIONS.length + 1); // + API access logs
    for (const g of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('attaches no managed policy to the function roles', () => {
    const roles = Object.values(synthCached().apiTemplate.findResources('AWS::IAM::Role', { Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] } } }));
    expect(roles).toHaveLength(FUNCTIONS.length);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  describe('least privilege', () => {
    it.each([
      ['submission', ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']],
      ['review', ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']],
      ['approval', ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']],
      ['web', ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 's3:PutObject']],
    ])('grants %s exactly its table and bucket actions', (name, expected) => {
      const actions = new Set(actionsOf(synthCached().apiTemplate, name).filter((a) => !a.startsWith('logs:')));
      expect([...actions].sort()).toEqual(expected);
    });

    it.each(['review', 'approval'])('never lets %s touch the bucket', (name) => {
      const actions = actionsOf(synthCached().apiTemplate, name);
      expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
      expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    });

    it('grants no Scan, no wildcard action and no whole-bucket resource to anyone', () => {
      const t = synthCached().apiTemplate;
      for (const fn of FUNCTIONS) {
        for (const s of statementsOf(t, fn.name)) {
          const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
          expect(actions.some((a) => a.includes('*') || a === 'dynamodb:Scan'), `${fn.name}: ${actions}`).toBe(false);
          if (actions.some((a) => a.startsWith('s3:') && a !== 's3:ListBucket')) {
            expect(JSON.stringify(s.Resource), fn.name).toMatch(/\/(attachments|uploads)\/\*/);
          }
          if (actions.includes('s3:ListBucket')) {
            // Listing is bucket-level in IAM, so it is narrowed to the uploads/ prefix by condition.
            expect(s.Condition, fn.name).toEqual({ StringLike: { 's3:prefix': ['uploads/*'] } });
          }
        }
      }
    });

    it('lets only review and the web pages (the dashboard) query gsi1', () => {
      const t = synthCached().apiTemplate;
      const queriesIndex = (name: string) => statementsOf(t, name).some((s) => JSON.stringify(s.Resource).includes('/index/gsi1'));
      expect(queriesIndex('review')).toBe(true);
      expect(queriesIndex('web')).toBe(true);
      expect(queriesIndex('submission')).toBe(false);
      expect(queriesIndex('approval')).toBe(false);
    });
  });

  it('routes every contract path and method to its function, and the rest to the web pages', () => {
    const t = synthCached().apiTemplate;
    const routes = routesOf(t);
    const plan = planRoutes(FUNCTIONS);
    expect([...routes.keys()].sort()).toEqual([...plan.map((p) => `${p.method} ${p.path}`), 'ANY /', 'ANY /{proxy+}'].sort());
    for (const p of plan) expect(routes.get(`${p.method} ${p.path}`), `${p.method} ${p.path}`).toBe(functionId(t, p.functionName));
    expect(routes.get('GET /openapi.json')).toBe(functionId(t, 'submission'));
    expect(routes.get('GET /docs')).toBe(functionId(t, 'submission'));
  });

  it('lets API Gateway invoke each function with a single permission for the API', () => {
    const permissions = Object.values(synthCached().apiTemplate.findResources('AWS::Lambda::Permission'));
    // The stream and schedule jobs are not behind the API.
    expect(permissions).toHaveLength(FUNCTIONS.filter((f) => !f.trigger).length);
    for (const p of permissions) expect(p.Properties.Principal).toBe('apigateway.amazonaws.com');
  });

  it('sends / and every path no API function serves to the web function, with its public URL', () => {
    const t = synthCached().apiTemplate;
    const routes = routesOf(t);
    const web = Object.values(t.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Description?.includes(' web '))!;
    expect(JSON.stringify(web.Properties.Environment.Variables.WEB_BASE_URL)).toMatch(/execute-api/);
    expect(routes.get('ANY /')).toBe(functionId(t, 'web'));
    expect(routes.get('ANY /{proxy+}')).toBe(functionId(t, 'web'));
    expect(routes.get('GET /cycles')).toBe(functionId(t, 'submission'));
  });

  it('throttles the stage, logs errors and writes JSON access logs to a log group', () => {
    const t = synthCached({ throttleRateLimit: 20, throttleBurstLimit: 40 }).apiTemplate;
    const stage = Object.values(t.findResources('AWS::ApiGateway::Stage'))[0]!;
    expect(stage.Properties.StageName).toBe('dev');
    expect(stage.Properties.MethodSettings).toEqual([
      expect.objectContaining({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40, LoggingLevel: 'ERROR', DataTraceEnabled: false }),
    ]);
    expect(stage.Properties.AccessLogSetting.DestinationArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ApiAccessLogs/), 'Arn'] });
    const format = JSON.parse(stage.Properties.AccessLogSetting.Format);
    expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status', resourcePath: '$context.resourcePath' });
    expect(stage.Properties.TracingEnabled).toBe(false);
  });

  it('can turn on X-Ray tracing for the stage and the functions', () => {
    const t = synthCached({ tracing: 'true' }).apiTemplate;
    t.hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: true });
    t.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' } });
  });

  it('answers unknown routes with a problem+json 404', () => {
    synthCached().apiTemplate.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'MISSING_AUTHENTICATION_TOKEN',
      StatusCode: '404',
      ResponseParameters: { 'gatewayresponse.header.Content-Type': "'application/problem+json'" },
    });
  });

  it('outputs the API URL, the table name and the bucket name', () => {
    const outputs = synthCached().apiTemplate.toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(expect.arrayContaining(['ApiUrl', 'TableName', 'BucketName', 'AuthIssuer']));
  });

  describe('token verification settings', () => {
    const envOf = (settings: Record<string, unknown>) =>
      Object.values(synthCached(settings).apiTemplate.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment.Variables);

    it('uses the Cognito pool issuer, its JWKS and the web client as audience by default', () => {
      for (const env of envOf({})) {
        const issuer = JSON.stringify(env.AUTH_ISSUER);
        expect(issuer).toMatch(/Users[0-9A-F]*ProviderURL/);
        expect(JSON.stringify(env.AUTH_JWKS_URL)).toMatch(/Users[0-9A-F]*ProviderURL/);
        expect(JSON.stringify(env.AUTH_JWKS_URL)).toContain('/.well-known/jwks.json');
        expect(JSON.stringify(env.AUTH_AUDIENCE)).toMatch(/WebClient/);
        expect(env.AUTH_JWKS).toBeUndefined();
      }
    });

    it('uses any OIDC issuer, JWKS URL and audience by configuration', () => {
      for (const env of envOf({ authProvider: 'oidc', oidcIssuer: 'https://id.example.org', oidcJwksUrl: 'https://id.example.org/jwks', oidcAudience: 'alliance' })) {
        expect(env).toMatchObject({ AUTH_ISSUER: 'https://id.example.org', AUTH_JWKS_URL: 'https://id.example.org/jwks', AUTH_AUDIENCE: 'alliance' });
      }
    });

    it('passes the local issuer and its keys inline for LocalStack, with path-style S3', () => {
      for (const env of envOf({ env: 'local' })) {
        expect(env).toMatchObject({ AUTH_ISSUER: 'urn:alliance-reporting:local', AUTH_JWKS: TEST_JWKS, S3_FORCE_PATH_STYLE: 'true' });
        expect(env.AUTH_JWKS_URL).toBeUndefined();
      }
    });
  });
});
