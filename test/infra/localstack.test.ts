import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthCached } from './synth';

/**
 * CloudFormation resource types LocalStack's Community (free) image deploys.
 * Source: https://docs.localstack.cloud/aws/services/cloudformation/ — "Feature coverage" →
 * "Resources" → "Community image" (localstack/localstack-docs, src/content/docs/aws/services/cloudformation.mdx).
 * Types missing here (Cognito, ApiGatewayV2, ApiGateway::Authorizer, WAF…) need a paid image; the
 * Community image silently skips them today and will fail the deployment in a future release.
 *
 * The notices add only listed types: AWS::Lambda::EventSourceMapping (the table's stream → the
 * notifier; DynamoDB Streams is a Community service), AWS::Scheduler::Schedule (the daily reminders)
 * and IAM roles and policies; SES is used, not declared (the sender identity is verified by the operator).
 * LocalStack's own limits, from its docs: EventBridge Scheduler is mocked, schedules are created but
 * never run (https://docs.localstack.cloud/aws/services/scheduler/, "Current Limitations": invoke the
 * reminder function by hand there); SES v1 and v2 SendEmail are emulated with identities verified
 * automatically and sent mail kept for inspection at `/_aws/ses`, not delivered
 * (https://docs.localstack.cloud/aws/services/ses/).
 */
const LOCALSTACK_COMMUNITY_TYPES = new Set([
  'AWS::Amplify::Branch',
  'AWS::ApiGateway::Account',
  'AWS::ApiGateway::ApiKey',
  'AWS::ApiGateway::BasePathMapping',
  'AWS::ApiGateway::Deployment',
  'AWS::ApiGateway::DomainName',
  'AWS::ApiGateway::GatewayResponse',
  'AWS::ApiGateway::Method',
  'AWS::ApiGateway::Model',
  'AWS::ApiGateway::RequestValidator',
  'AWS::ApiGateway::Resource',
  'AWS::ApiGateway::RestApi',
  'AWS::ApiGateway::Stage',
  'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::UsagePlanKey',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::AutoScaling::LaunchConfiguration',
  'AWS::CDK::Metadata',
  'AWS::CertificateManager::Certificate',
  'AWS::CloudFormation::Macro',
  'AWS::CloudFormation::Stack',
  'AWS::CloudFormation::WaitCondition',
  'AWS::CloudFormation::WaitConditionHandle',
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::CompositeAlarm',
  'AWS::DynamoDB::GlobalTable',
  'AWS::DynamoDB::Table',
  'AWS::EC2::DHCPOptions',
  'AWS::EC2::Instance',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::KeyPair',
  'AWS::EC2::NatGateway',
  'AWS::EC2::NetworkAcl',
  'AWS::EC2::Route',
  'AWS::EC2::RouteTable',
  'AWS::EC2::SecurityGroup',
  'AWS::EC2::Subnet',
  'AWS::EC2::SubnetRouteTableAssociation',
  'AWS::EC2::TransitGateway',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::VPC',
  'AWS::EC2::VPCGatewayAttachment',
  'AWS::ECR::Repository',
  'AWS::Elasticsearch::Domain',
  'AWS::Events::ApiDestination',
  'AWS::Events::Connection',
  'AWS::Events::EventBus',
  'AWS::Events::EventBusPolicy',
  'AWS::Events::Rule',
  'AWS::IAM::AccessKey',
  'AWS::IAM::Group',
  'AWS::IAM::InstanceProfile',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::IAM::ServiceLinkedRole',
  'AWS::IAM::User',
  'AWS::KMS::Alias',
  'AWS::KMS::Key',
  'AWS::Kinesis::Stream',
  'AWS::Kinesis::StreamConsumer',
  'AWS::KinesisFirehose::DeliveryStream',
  'AWS::Lambda::Alias',
  'AWS::Lambda::CodeSigningConfig',
  'AWS::Lambda::EventInvokeConfig',
  'AWS::Lambda::EventSourceMapping',
  'AWS::Lambda::Function',
  'AWS::Lambda::LayerVersion',
  'AWS::Lambda::LayerVersionPermission',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Url',
  'AWS::Lambda::Version',
  'AWS::Logs::LogGroup',
  'AWS::Logs::LogStream',
  'AWS::Logs::SubscriptionFilter',
  'AWS::OpenSearchService::Domain',
  'AWS::Redshift::Cluster',
  'AWS::ResourceGroups::Group',
  'AWS::Route53::HealthCheck',
  'AWS::Route53::RecordSet',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::Subscription',
  'AWS::SNS::Topic',
  'AWS::SNS::TopicPolicy',
  'AWS::SQS::Queue',
  'AWS::SQS::QueuePolicy',
  'AWS::SSM::MaintenanceWindow',
  'AWS::SSM::MaintenanceWindowTarget',
  'AWS::SSM::MaintenanceWindowTask',
  'AWS::SSM::Parameter',
  'AWS::SSM::PatchBaseline',
  'AWS::Scheduler::Schedule',
  'AWS::Scheduler::ScheduleGroup',
  'AWS::SecretsManager::ResourcePolicy',
  'AWS::SecretsManager::RotationSchedule',
  'AWS::SecretsManager::Secret',
  'AWS::SecretsManager::SecretTargetAttachment',
  'AWS::ServiceDiscovery::HttpNamespace',
  'AWS::ServiceDiscovery::PrivateDnsNamespace',
  'AWS::ServiceDiscovery::PublicDnsNamespace',
  'AWS::ServiceDiscovery::Service',
  'AWS::StepFunctions::Activity',
  'AWS::StepFunctions::StateMachine',
  'AWS::Timestream::Database',
  'AWS::Timestream::Table',
]);

const typesOf = (template: Template): string[] =>
  [...new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((r) => r.Type))].sort();

describe('LocalStack Community compatibility', { timeout: 60_000 }, () => {
  it.each([
    ['the default configuration', {}],
    ['the local configuration', { env: 'local' }],
    ['tracing on', { tracing: 'true' }],
  ])('synthesizes an API stack of Community-supported resource types only, with %s', (_name, settings) => {
    const types = typesOf(synthCached(settings).apiTemplate);
    expect(types.filter((t) => !LOCALSTACK_COMMUNITY_TYPES.has(t))).toEqual([]);
    expect(types).toContain('AWS::ApiGateway::RestApi');
  });

  it('synthesizes a stateful stack of Community-supported resource types only, with the local configuration', () => {
    const types = typesOf(synthCached({ env: 'local' }).statefulTemplate);
    expect(types.filter((t) => !LOCALSTACK_COMMUNITY_TYPES.has(t))).toEqual([]);
  });
});
