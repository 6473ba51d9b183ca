/**
 * Everything that holds data and must outlive a redeploy: the DynamoDB table, the attachments
 * bucket (and its access-log bucket) and, with the Cognito auth provider, the user pool. All of
 * it is retained when the stack is deleted. It also decides how the functions verify tokens.
 */
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AuthConfig, InfraConfig } from './config';
import { GSI1, UPLOADS_PREFIX } from '../shared/store/keys';
import { TTL_ATTRIBUTE } from '../shared/store/table';

/** Environment variables through which the functions verify bearer tokens (see shared/config.ts). */
export interface AuthEnvironment {
  AUTH_ISSUER: string;
  AUTH_AUDIENCE?: string;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS?: string;
}

/** Roles are Cognito groups; their names are the workflow's role names. */
export const COGNITO_GROUPS = ['rapporteur', 'reviewer', 'admin'] as const;

/** Days a never-completed upload (`uploads/…`) is kept; matches PENDING_ATTACHMENT_TTL_SECONDS. */
const PENDING_UPLOAD_DAYS = 1;
/** Days an overwritten or deleted attachment version stays recoverable. */
const NONCURRENT_VERSION_DAYS = 30;
/** Days S3 server access logs are kept. */
const ACCESS_LOG_DAYS = 365;

export interface StatefulStackProps extends StackProps {
  readonly config: InfraConfig;
}

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  /**
   * The bucket ARN under an export name of our choosing: policies in other stacks build object
   * ARNs from it, and cdk-nag names its findings after it, so acknowledgements stay stable.
   */
  readonly bucketArnExport: { name: string; value: string };
  readonly userPool?: cognito.UserPool;
  readonly userPoolClient?: cognito.UserPoolClient;
  readonly authEnvironment: AuthEnvironment;
  /** OIDC_* variables of the web function's sign-in (empty when the web pages have no provider to send users to). */
  readonly webSignInEnvironment: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    // A report's items share pk `REPORT#<cycle>#<country>` (sk `R#META`, `R#SECTION#<id>`,
    // `R#ATTACHMENT#<section>#<id>`, `EVENT#<version>`): a whole report is one Query.
    // The reviewers' queue is a Query on gsi1. Nothing scans.
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Never-completed attachment items carry `expiresAt` (epoch seconds; shared/store/attachments.ts).
      timeToLiveAttribute: TTL_ATTRIBUTE,
      // The outbox's notices reach the notifier through the stream (new images; shared/store/table.ts has the same).
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'gsi1pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access log delivery supports SSE-S3 only.
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the destination of the attachments bucket server access logs; logging its own access would log the log deliveries.',
    });

    // Attachments. Browsers upload with a presigned PUT under `uploads/`; completing an attachment
    // copies the object to `attachments/` and deletes the upload, so whatever is left under
    // `uploads/` was never completed and expires. Overwritten or deleted versions of completed
    // attachments stay recoverable for NONCURRENT_VERSION_DAYS.
    this.bucket = new s3.Bucket(this, 'Attachments', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments-bucket/',
      cors: [
        {
          allowedOrigins: config.webOrigins,
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          // Presigned requests carry Content-Type and SDK checksum headers; the signature, not
          // CORS, is what limits them.
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-never-completed-uploads', prefix: UPLOADS_PREFIX, expiration: Duration.days(PENDING_UPLOAD_DAYS) },
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
      ],
    });

    const bucketArnExportName = `${this.stackName}-AttachmentsBucketArn`;
    this.bucketArnExport = {
      name: bucketArnExportName,
      value: this.exportValue(this.bucket.bucketArn, { name: bucketArnExportName }),
    };

    if (config.auth.provider === 'cognito') {
      const { userPool, client, domain } = this.createUserPool(config.auth);
      this.userPool = userPool;
      this.userPoolClient = client;
      // ID tokens carry the app client id as `aud`, `cognito:groups` and `custom:country`.
      this.authEnvironment = {
        AUTH_ISSUER: userPool.userPoolProviderUrl,
        AUTH_JWKS_URL: `${userPool.userPoolProviderUrl}/.well-known/jwks.json`,
        AUTH_AUDIENCE: client.userPoolClientId,
      };
      if (domain) {
        const base = domain.baseUrl();
        this.webSignInEnvironment = {
          OIDC_AUTHORIZE_URL: `${base}/oauth2/authorize`,
          OIDC_TOKEN_URL: `${base}/oauth2/token`,
          OIDC_LOGOUT_URL: `${base}/logout`,
          OIDC_CLIENT_ID: client.userPoolClientId,
        };
      }
    } else {
      this.authEnvironment = authEnvironmentOf(config.auth);
      if (config.auth.provider === 'oidc' && config.auth.signIn) {
        const { authorizeUrl, tokenUrl, logoutUrl } = config.auth.signIn;
        this.webSignInEnvironment = {
          OIDC_AUTHORIZE_URL: authorizeUrl,
          OIDC_TOKEN_URL: tokenUrl,
          ...(logoutUrl ? { OIDC_LOGOUT_URL: logoutUrl } : {}),
          OIDC_CLIENT_ID: config.auth.audience,
        };
      }
    }
  }

  private createUserPool(auth: Extract<AuthConfig, { provider: 'cognito' }>) {
    const userPool = new cognito.UserPool(this, 'Users', {
      // Accounts are created by the Alliance's administrators, never by visitors.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // ISO 3166-1 alpha-2 code of a rapporteur's country (Kosovo is XK).
        country: new cognito.StringAttribute({ minLen: 2, maxLen: 2, mutable: true }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: auth.mfa === 'required' ? cognito.Mfa.REQUIRED : cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of COGNITO_GROUPS) {
      new cognito.UserPoolGroup(this, `Group-${group}`, { userPool, groupName: group, description: `Alliance Reporting ${group}s` });
    }

    const client = userPool.addClient('WebClient', {
      // A browser app: authorization code with PKCE, no client secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: auth.callbackUrls,
        logoutUrls: auth.logoutUrls,
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes('country'),
      // A rapporteur must not move to another country: only administrators set `custom:country`.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    const domain = auth.domainPrefix
      ? userPool.addDomain('Domain', {
        cognitoDomain: { domainPrefix: auth.domainPrefix },
        managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      })
      : undefined;

    if (auth.mfa === 'optional') {
      Validations.of(userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'MFA is configured as optional for this environment (setting mfa=optional); the default and production setting is required.',
      });
    }
    const plusPlanReason =
      'Threat protection (advanced security) needs the Cognito Plus feature plan; the accounts are few, created by administrators, MFA-protected and never self-registered.';
    Validations.of(userPool).acknowledge(
      { id: 'AwsSolutions-COG3', reason: plusPlanReason },
      { id: 'AwsSolutions-COG8', reason: plusPlanReason },
    );
    return { userPool, client, domain };
  }
}

function authEnvironmentOf(auth: Exclude<AuthConfig, { provider: 'cognito' }>): AuthEnvironment {
  switch (auth.provider) {
    case 'oidc':
      return { AUTH_ISSUER: auth.issuer, AUTH_JWKS_URL: auth.jwksUrl, ...(auth.audience ? { AUTH_AUDIENCE: auth.audience } : {}) };
    case 'local':
      // Lambda in LocalStack cannot reach the developer's local issuer: its public keys go inline.
      return { AUTH_ISSUER: auth.issuer, AUTH_JWKS: auth.jwks };
  }
}
