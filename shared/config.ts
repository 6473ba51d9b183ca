/**
 * Runtime configuration, parsed once from the environment with zod. AWS endpoints are not here:
 * the AWS SDK reads `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_S3` and
 * `AWS_REGION` itself, so the same code talks to AWS, LocalStack or the embedded local servers.
 */
import { z } from 'zod';

/**
 * zod without its JIT, for every schema built after this module loads (zod reads the setting when it
 * builds a schema): each function's entry imports this module before any other of the project's, and
 * so does the local server (test/unit/config.test.ts checks it). With the JIT, the first parse of each
 * object schema compiles a fast parser for it (`new Function`): 0.5–2 ms each, and a cold start's first
 * request parses a dozen (the token's claims, the request, the stored cycles, the report's items).
 * Without it, a warm GET report parses its 22 items in ~0.05 ms instead of ~0.02 (README, "Cold start").
 */
z.config({ jitless: true });

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

export const ConfigSchema = z.object({
  TABLE_NAME: z.string().min(1).default('alliance-reporting'),
  BUCKET_NAME: z.string().min(1).default('alliance-reporting-attachments'),
  /** Issuer (`iss`) that tokens must carry. */
  AUTH_ISSUER: z.string().min(1),
  /** Audience (`aud`) that tokens must carry, when the provider sets one (a Cognito app client id). */
  AUTH_AUDIENCE: z.string().min(1).optional(),
  /** Where the issuer publishes its keys (fetched and cached). */
  AUTH_JWKS_URL: z.url().optional(),
  /** The issuer's public keys inline, as a JWKS JSON document (the local issuer, LocalStack). */
  AUTH_JWKS: z.string().min(1).optional(),
  /** S3 through path-style URLs, as local S3 servers need. */
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** Endpoint used to sign URLs handed to browsers, when the server's own S3 endpoint is not reachable by them. */
  S3_PUBLIC_ENDPOINT: z.url().optional(),
  /** The Cognito user pool that is the directory (the stack's `cognito` auth provider); without it the directory is in the table. */
  USER_POOL_ID: z.string().min(1).optional(),
  /** Notices: the sender address (an SES identity on AWS) and the SES configuration set. */
  MAIL_FROM: z.string().min(3).default('Alliance Reporting <no-reply@alliance-reporting.local>'),
  MAIL_CONFIGURATION_SET: z.string().min(1).optional(),
  /** Links in notices: the web pages' public URL. */
  WEB_BASE_URL: z.url().optional(),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Parses the configuration or throws one error that names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  if (!parsed.data.AUTH_JWKS_URL && !parsed.data.AUTH_JWKS) {
    throw new Error('Invalid configuration:\n  AUTH_JWKS_URL or AUTH_JWKS: one is required');
  }
  return parsed.data;
}
