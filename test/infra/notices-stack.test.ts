/**
 * The notices' infrastructure: the table's stream, the notifier's event source mapping filtered to
 * notice items, the daily schedule of the reminder job, SES rights limited to the sender identity,
 * and Cognito admin actions limited to the stack's user pool.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { USER_POOL_ACTIONS } from '../../infra/api-stack';
import { NOTICE_FILTER_PATTERN } from '../../shared/notices/stream';
import { functionId, statementsOf, synthCached } from './synth';

const TIMEOUT = { timeout: 60_000 };
const actions = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('notices infrastructure', TIMEOUT, () => {
  it('streams new images of the table', () => {
    synthCached().statefulTemplate.hasResourceProperties('AWS::DynamoDB::Table', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('feeds the notifier from the stream, filtered to inserted notice items, with batch item failures', () => {
    const t = synthCached().apiTemplate;
    const mappings = Object.values(t.findResources('AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]!.Properties;
    expect(mapping.FunctionName).toEqual({ Ref: functionId(t, 'notifier') });
    expect(mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([NOTICE_FILTER_PATTERN]);
    expect(mapping).toMatchObject({ StartingPosition: 'TRIM_HORIZON', FunctionResponseTypes: ['ReportBatchItemFailures'], BisectBatchOnFunctionError: true, MaximumRetryAttempts: 5 });
    // Reading the stream: the table's stream ARN only (ListStreams has no resource level).
    const streamStatement = statementsOf(t, 'notifier').find((s) => actions(s).includes('dynamodb:GetRecords'))!;
    expect(JSON.stringify(streamStatement.Resource)).toContain('StreamArn');
  });

  it('runs the reminder job daily from an EventBridge Scheduler schedule whose role invokes that function only', () => {
    const t = synthCached().apiTemplate;
    const schedules = Object.values(t.findResources('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    const schedule = schedules[0]!.Properties;
    expect(schedule.ScheduleExpression).toBe('cron(0 6 * * ? *)');
    expect(JSON.stringify(schedule.Target.Arn)).toContain(functionId(t, 'reminder'));
    const roleId = schedule.Target.RoleArn['Fn::GetAtt'][0];
    const statements = Object.values(t.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements.flatMap(actions)).toEqual(['lambda:InvokeFunction']);
    expect(JSON.stringify(statements)).not.toMatch(/Notifier|Web|Submission/);
    expect(synthCached({ reminderSchedule: 'cron(30 4 * * ? *)' }).apiTemplate.toJSON().Resources).toBeDefined();
  });

  it('lets only the notifier send mail, as the sender identity and from the sender address only', () => {
    const t = synthCached({ mailFrom: 'notices@reporting.example.org', mailConfigurationSet: 'alliance' }).apiTemplate;
    const ses = statementsOf(t, 'notifier').filter((s) => actions(s).some((a) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(actions(ses[0]!).sort()).toEqual(['ses:SendEmail']);
    const resources = JSON.stringify(ses[0]!.Resource);
    expect(resources).toContain(':identity/reporting.example.org');
    expect(resources).toContain(':configuration-set/alliance');
    expect(resources).not.toContain('*');
    expect(ses[0]!.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'notices@reporting.example.org' } });
    for (const name of ['submission', 'review', 'approval', 'web', 'people', 'reminder']) {
      expect(statementsOf(t, name).flatMap(actions).filter((a) => a.startsWith('ses:')), name).toEqual([]);
    }
    t.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp(' notifier job '),
      Environment: { Variables: Match.objectLike({ MAIL_FROM: 'notices@reporting.example.org', MAIL_CONFIGURATION_SET: 'alliance', WEB_BASE_URL: Match.anyValue() }) },
    });
  });

  it('limits the Cognito admin actions to the pool: people administers it, the notifier reads it, nobody else', () => {
    const t = synthCached().apiTemplate;
    const cognito = (name: string) => statementsOf(t, name).filter((s) => actions(s).some((a) => a.startsWith('cognito-idp:')));
    const people = cognito('people');
    expect(people).toHaveLength(1);
    expect(actions(people[0]!).sort()).toEqual([...USER_POOL_ACTIONS.admin].sort());
    expect(JSON.stringify(people[0]!.Resource)).toMatch(/UsersArn|Fn::ImportValue/);
    expect(JSON.stringify(people[0]!.Resource)).not.toContain('*');
    expect(actions(cognito('notifier')[0]!).sort()).toEqual([...USER_POOL_ACTIONS.read].sort());
    for (const name of ['submission', 'review', 'approval', 'web', 'reminder']) expect(cognito(name), name).toEqual([]);
    t.hasResourceProperties('AWS::Lambda::Function', { Description: Match.stringLikeRegexp(' people API '), Environment: { Variables: Match.objectLike({ USER_POOL_ID: Match.anyValue() }) } });
    // Without Cognito the directory is the table: no Cognito rights at all.
    const oidc = synthCached({ authProvider: 'oidc', oidcIssuer: 'https://id.example.org', oidcJwksUrl: 'https://id.example.org/jwks.json', oidcAudience: 'alliance' }).apiTemplate;
    expect(statementsOf(oidc, 'people').flatMap(actions).filter((a) => a.startsWith('cognito-idp:'))).toEqual([]);
  });
});
