/**
 * Deployment configuration of the CDK app, parsed once with zod. Every environment difference
 * (auth provider, origins, throttling, LocalStack quirks) is a field here; stacks read the typed
 * result and never look at the environment, the context or the file system themselves.
 *
 * Sources, highest precedence first:
 *   1. CDK context given on the command line or in cdk.json (`-c authProvider=oidc`),
 *   2. environment variables (`ALLIANCE_AUTH_PROVIDER=oidc`),
 *   3. the preset of the selected environment in cdk.json (`context.environments.<env>`),
 *   4. the defaults below.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Issuer string of the local development issuer (functions/local), for LocalStack deployments. */
export const LOCAL_ISSUER = 'urn:alliance-reporting:local';

/** Retention periods CloudWatch Logs accepts (the values of `logs.RetentionDays`). */
const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Setting name → environment variable that can also carry it. */
export const SETTING_ENV_VARS = {
  env: 'ALLIANCE_ENV',
  account: 'ALLIANCE_ACCOUNT',
  region: 'ALLIANCE_REGION',
  authProvider: 'ALLIANCE_AUTH_PROVIDER',
  oidcIssuer: 'ALLIANCE_OIDC_ISSUER',
  oidcJwksUrl: 'ALLIANCE_OIDC_JWKS_URL',
  oidcAudience: 'ALLIANCE_OIDC_AUDIENCE',
  mfa: 'ALLIANCE_MFA',
  cognitoDomainPrefix: 'ALLIANCE_COGNITO_DOMAIN_PREFIX',
  callbackPath: 'ALLIANCE_CALLBACK_PATH',
  webBaseUrl: 'ALLIANCE_WEB_BASE_URL',
  oidcAuthorizeUrl: 'ALLIANCE_OIDC_AUTHORIZE_URL',
  oidcTokenUrl: 'ALLIANCE_OIDC_TOKEN_URL',
  oidcLogoutUrl: 'ALLIANCE_OIDC_LOGOUT_URL',
  webOrigins: 'ALLIANCE_WEB_ORIGINS',
  throttleRateLimit: 'ALLIANCE_THROTTLE_RATE_LIMIT',
  throttleBurstLimit: 'ALLIANCE_THROTTLE_BURST_LIMIT',
  tracing: 'ALLIANCE_TRACING',
  logRetentionDays: 'ALLIANCE_LOG_RETENTION_DAYS',
  apiGatewayCloudWatchRole: 'ALLIANCE_APIGW_CLOUDWATCH_ROLE',
  s3ForcePathStyle: 'ALLIANCE_S3_FORCE_PATH_STYLE',
  s3PublicEndpoint: 'ALLIANCE_S3_PUBLIC_ENDPOINT',
  mailFrom: 'ALLIANCE_MAIL_FROM',
  mailIdentity: 'ALLIANCE_MAIL_IDENTITY',
  mailConfigurationSet: 'ALLIANCE_MAIL_CONFIGURATION_SET',
  reminderSchedule: 'ALLIANCE_REMINDER_SCHEDULE',
  dataDir: 'DATA_DIR',
} as const;
export type SettingName = keyof typeof SETTING_ENV_VARS;

const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);
/** A list given as a JSON array, as comma-separated text, or as an array (cdk.json). */
const list = z.union([
  z.array(z.string()),
  z.string().transform((v) => {
    const text = v.trim();
    if (text.startsWith('[')) return z.array(z.string()).parse(JSON.parse(text));
    return text.split(',').map((s) => s.trim()).filter(Boolean);
  }),
]);
const origin = z.url().refine((u) => new URL(u).origin === u, 'must be an origin: scheme://host[:port], no path or trailing slash');

/** The raw settings, whatever their source; strings from the CLI or the environment are coerced. */
const SettingsSchema = z.object({
  env: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, 'lower-case letters, digits and dashes, starting with a letter').default('dev'),
  account: z.string().regex(/^\d{12}$/).optional(),
  region: z.string().min(1).optional(),
  authProvider: z.enum(['cognito', 'oidc', 'local']).default('cognito'),
  oidcIssuer: z.string().min(1).optional(),
  oidcJwksUrl: z.url().optional(),
  oidcAudience: z.string().min(1).optional(),
  mfa: z.enum(['required', 'optional']).default('required'),
  cognitoDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/).optional(),
  callbackPath: z.string().startsWith('/').default('/auth/callback'),
  /** Where browsers reach the web pages (a custom domain); default: the API's execute-api stage URL. */
  webBaseUrl: z.url().optional(),
  /** The OIDC provider's endpoints for the web sign-in (authorization code + PKCE; the audience is the client id). */
  oidcAuthorizeUrl: z.url().optional(),
  oidcTokenUrl: z.url().optional(),
  oidcLogoutUrl: z.url().optional(),
  webOrigins: list.pipe(z.array(origin)).default(['http://localhost:3000']),
  throttleRateLimit: z.coerce.number().positive().default(50),
  throttleBurstLimit: z.coerce.number().int().positive().default(100),
  tracing: bool.default(false),
  logRetentionDays: z.coerce
    .number()
    .refine((d) => (RETENTION_DAYS as readonly number[]).includes(d), `one of ${RETENTION_DAYS.join(', ')}`)
    .default(90),
  apiGatewayCloudWatchRole: bool.default(true),
  s3ForcePathStyle: bool.default(false),
  s3PublicEndpoint: z.url().optional(),
  /** The notices' sender address (verified in SES, or under a verified domain). */
  mailFrom: z.email().default('no-reply@alliance-reporting.example.org'),
  /** The SES identity the notifier may send as: a domain or an address; default the sender's domain. */
  mailIdentity: z.string().regex(/^[^\s*]+$/, 'a domain or an email address, no wildcard').optional(),
  mailConfigurationSet: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** When the daily reminder job runs (an EventBridge Scheduler expression, UTC). */
  reminderSchedule: z.string().regex(/^(cron|rate)\(.+\)$/).default('cron(0 6 * * ? *)'),
  dataDir: z.string().min(1).default('.data'),
});
type Settings = z.infer<typeof SettingsSchema>;

export type AuthConfig =
  | {
      provider: 'cognito';
      /** MFA of the user pool (TOTP). */
      mfa: 'required' | 'optional';
      /** Hosted UI domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), when one is wanted. */
      domainPrefix?: string;
      callbackUrls: string[];
      logoutUrls: string[];
    }
  | {
      provider: 'oidc';
      issuer: string;
      jwksUrl: string;
      audience: string;
      /** Endpoints for the web sign-in, when the web pages sign in through this provider. */
      signIn?: { authorizeUrl: string; tokenUrl: string; logoutUrl?: string };
    }
  | { provider: 'local'; issuer: typeof LOCAL_ISSUER; /** Public JWKS JSON of the local issuer, passed inline. */ jwks: string };

/** The typed configuration the stacks are built from. */
export interface InfraConfig {
  /** Environment name: part of the stack names (`AllianceReporting-<envName>-Api`). */
  envName: string;
  /** Account and region, when pinned; otherwise the stacks are environment-agnostic. */
  awsEnv?: { account?: string; region?: string };
  auth: AuthConfig;
  /** Origins of the web app: allowed for presigned S3 PUT/GET (CORS) and Cognito callbacks. */
  webOrigins: string[];
  /** Public URL of the web pages when they have their own domain (else the API stage URL). */
  webBaseUrl?: string;
  throttling: { rateLimit: number; burstLimit: number };
  tracing: boolean;
  logRetentionDays: (typeof RETENTION_DAYS)[number];
  /** Create the account-level role that lets API Gateway write logs (AWS::ApiGateway::Account). */
  apiGatewayCloudWatchRole: boolean;
  s3: { forcePathStyle: boolean; publicEndpoint?: string };
  /** Notices: sender, the SES identity the notifier may use, its configuration set, the reminders' schedule. */
  mail: { from: string; identity: string; configurationSet?: string; reminderSchedule: string };
}

export interface ConfigSources {
  /** Looks up a CDK context value (`app.node.tryGetContext`). */
  context: (key: string) => unknown;
  /** Environment variables. */
  env?: Record<string, string | undefined>;
  /** Reads the local issuer's public JWKS; injectable for tests. */
  readLocalJwks?: (dataDir: string) => string;
}

/** Reads `<dataDir>/keys/jwks.json`, created by the local server on its first start. */
export function readLocalJwksFile(dataDir: string): string {
  const path = resolve(join(dataDir, 'keys', 'jwks.json'));
  if (!existsSync(path)) {
    throw new Error(
      `The local auth provider needs the local issuer's public keys at ${path}, which does not exist yet.\n` +
        `Run \`npm start\` (or \`npm run token\`) once to create it, then synthesize again.`,
    );
  }
  return readFileSync(path, 'utf8');
}

/** Parses the configuration from its sources or throws one error naming every bad setting. */
export function loadInfraConfig(sources: ConfigSources): InfraConfig {
  const env = sources.env ?? process.env;
  const read = (name: SettingName): unknown => sources.context(name) ?? env[SETTING_ENV_VARS[name]];

  const envName = read('env') ?? 'dev';
  const presets = z.record(z.string(), z.record(z.string(), z.unknown())).optional().parse(sources.context('environments'));
  const preset = (typeof envName === 'string' && presets?.[envName]) || {};

  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(SETTING_ENV_VARS) as SettingName[]) {
    const value = read(name) ?? preset[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0] ?? '')} (${SETTING_ENV_VARS[i.path[0] as SettingName] ?? ''}): ${i.message}`);
    throw new Error(`Invalid infrastructure configuration:\n  ${lines.join('\n  ')}`);
  }
  const s = parsed.data;
  return {
    envName: s.env,
    ...(s.account || s.region ? { awsEnv: { account: s.account, region: s.region } } : {}),
    auth: authConfig(s, sources.readLocalJwks ?? readLocalJwksFile),
    webOrigins: s.webOrigins,
    ...(s.webBaseUrl ? { webBaseUrl: s.webBaseUrl } : {}),
    throttling: { rateLimit: s.throttleRateLimit, burstLimit: s.throttleBurstLimit },
    tracing: s.tracing,
    logRetentionDays: s.logRetentionDays as InfraConfig['logRetentionDays'],
    apiGatewayCloudWatchRole: s.apiGatewayCloudWatchRole,
    s3: { forcePathStyle: s.s3ForcePathStyle, ...(s.s3PublicEndpoint ? { publicEndpoint: s.s3PublicEndpoint } : {}) },
    mail: {
      from: s.mailFrom,
      identity: s.mailIdentity ?? s.mailFrom.split('@')[1]!,
      ...(s.mailConfigurationSet ? { configurationSet: s.mailConfigurationSet } : {}),
      reminderSchedule: s.reminderSchedule,
    },
  };
}

function authConfig(s: Settings, readLocalJwks: (dataDir: string) => string): AuthConfig {
  switch (s.authProvider) {
    case 'cognito':
      return {
        provider: 'cognito',
        mfa: s.mfa,
        ...(s.cognitoDomainPrefix ? { domainPrefix: s.cognitoDomainPrefix } : {}),
        callbackUrls: s.webOrigins.map((o) => `${o}${s.callbackPath}`),
        // The pages' home, under the same base path as the callback (e.g. an API Gateway stage): sign-out returns there.
        logoutUrls: s.webOrigins.map((o) => `${o}${s.callbackPath.replace(/\/auth\/callback$/, '')}/`),
      };
    case 'oidc': {
      const missing = [
        !s.oidcIssuer && 'oidcIssuer (ALLIANCE_OIDC_ISSUER)',
        !s.oidcJwksUrl && 'oidcJwksUrl (ALLIANCE_OIDC_JWKS_URL)',
        // Without an audience, a token the same issuer made for any other client (with its own roles claim) would pass.
        !s.oidcAudience && 'oidcAudience (ALLIANCE_OIDC_AUDIENCE)',
      ].filter(Boolean);
      if (missing.length > 0 || !s.oidcIssuer || !s.oidcJwksUrl || !s.oidcAudience) {
        throw new Error(`Invalid infrastructure configuration:\n  authProvider oidc needs ${missing.join(' and ')}`);
      }
      const signIn =
        s.oidcAuthorizeUrl && s.oidcTokenUrl
          ? { signIn: { authorizeUrl: s.oidcAuthorizeUrl, tokenUrl: s.oidcTokenUrl, ...(s.oidcLogoutUrl ? { logoutUrl: s.oidcLogoutUrl } : {}) } }
          : {};
      return { provider: 'oidc', issuer: s.oidcIssuer, jwksUrl: s.oidcJwksUrl, audience: s.oidcAudience, ...signIn };
    }
    case 'local':
      return { provider: 'local', issuer: LOCAL_ISSUER, jwks: parseJwks(readLocalJwks(s.dataDir)) };
  }
}

/** Validates and minifies a JWKS document: it travels in a Lambda environment variable (4 KB for all of them). */
function parseJwks(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The local issuer JWKS is not valid JSON; delete it and run `npm start` again to recreate it.');
  }
  const jwks = z.object({ keys: z.array(z.object({ kty: z.string() }).loose()).min(1) }).safeParse(json);
  if (!jwks.success) throw new Error('The local issuer JWKS has no keys; delete it and run `npm start` again to recreate it.');
  const minified = JSON.stringify(jwks.data);
  if (minified.length > 2048) throw new Error(`The local issuer JWKS is ${minified.length} bytes; at most 2048 fit in the Lambda environment.`);
  return minified;
}
