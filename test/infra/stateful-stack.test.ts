import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../shared/store/table';
import { synthCached } from './synth';

const TIMEOUT = { timeout: 60_000 };

describe('stateful stack', TIMEOUT, () => {
  it('keeps the table on demand, with point-in-time recovery, deletion protection and gsi1', () => {
    const t = synthCached().statefulTemplate;
    t.resourceCountIs('AWS::DynamoDB::Table', 1);
    t.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
        ]),
      },
    });
  });

  it('declares the same keys and index as the table that npm start and the tests create', () => {
    const local = tableDefinition('any');
    const table = Object.values(synthCached().statefulTemplate.findResources('AWS::DynamoDB::Table'))[0]!.Properties;
    expect(table.KeySchema).toEqual(local.KeySchema);
    expect(table.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
    expect(new Set(table.AttributeDefinitions)).toEqual(new Set(local.AttributeDefinitions));
  });

  it('blocks public access, encrypts and retains both buckets, and versions attachments', () => {
    const t = synthCached().statefulTemplate;
    const buckets = t.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
    }
    t.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'attachments-bucket/' },
    });
  });

  it('denies every non-TLS request to both buckets', () => {
    const policies = Object.values(synthCached().statefulTemplate.findResources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('allows presigned PUT and GET from the configured web origins only', () => {
    const t = synthCached({ webOrigins: 'https://reporting.example.org' }).statefulTemplate;
    t.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedOrigins: ['https://reporting.example.org'],
            AllowedMethods: ['PUT', 'GET', 'HEAD'],
            ExposedHeaders: ['ETag'],
          }),
        ],
      },
    });
  });

  it('aborts incomplete multipart uploads, expires never-completed uploads and old versions', () => {
    synthCached().statefulTemplate.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  describe('with the Cognito provider', () => {
    it('creates a user pool without self sign-up, with a strong password policy and required TOTP MFA', () => {
      const t = synthCached().statefulTemplate;
      t.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
          MfaConfiguration: 'ON',
          EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
          DeletionProtection: 'ACTIVE',
          Policies: {
            PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
          },
          Schema: Match.arrayWith([
            { AttributeDataType: 'String', Name: 'country', Mutable: true, StringAttributeConstraints: { MinLength: '2', MaxLength: '2' } },
          ]),
        }),
      });
    });

    it('can make MFA optional by configuration', () => {
      synthCached({ mfa: 'optional' }).statefulTemplate.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL' });
    });

    it('creates the rapporteur, reviewer and admin groups', () => {
      const groups = Object.values(synthCached().statefulTemplate.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
      expect(groups.sort()).toEqual(['admin', 'rapporteur', 'reviewer']);
    });

    it('gives the web an authorization-code client without secret, with callbacks from the origins', () => {
      const t = synthCached({ webOrigins: 'https://reporting.example.org' }).statefulTemplate;
      t.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AllowedOAuthFlows: ['code'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: Match.arrayWith(['openid']),
        CallbackURLs: ['https://reporting.example.org/auth/callback'],
        LogoutURLs: ['https://reporting.example.org/'],
        SupportedIdentityProviders: ['COGNITO'],
      });
    });

    it('does not let users write their own country', () => {
      const client = Object.values(synthCached().statefulTemplate.findResources('AWS::Cognito::UserPoolClient'))[0]!;
      expect(client.Properties.WriteAttributes).not.toContain('custom:country');
      expect(client.Properties.ReadAttributes).toContain('custom:country');
    });
  });

  it.each(['oidc', 'local'])('creates no user pool with the %s provider', (provider) => {
    const settings = provider === 'oidc' ? { authProvider: 'oidc', oidcIssuer: 'https://id.example.org', oidcJwksUrl: 'https://id.example.org/jwks', oidcAudience: 'alliance' } : { env: 'local' };
    synthCached(settings).statefulTemplate.resourceCountIs('AWS::Cognito::UserPool', 0);
  });
});
