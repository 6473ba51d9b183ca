/**
 * Configuration of the web app, parsed once from the environment with zod: where browsers reach
 * the site (WEB_BASE_URL, whose path is the base of every link) and the OIDC provider used to sign
 * in (Cognito's hosted UI or any provider with authorization code + PKCE).
 */
import { z } from 'zod';
import type { TokenClaims } from '../local/dev-issuer';

export const WebConfigSchema = z.object({
  /** Public URL of the site as browsers see it, e.g. `https://reporting.example.org` or an API Gateway stage URL. */
  WEB_BASE_URL: z.url().optional(),
  /** The provider's authorization endpoint (Cognito: `https://<domain>/oauth2/authorize`). */
  OIDC_AUTHORIZE_URL: z.url().optional(),
  /** The provider's token endpoint (Cognito: `https://<domain>/oauth2/token`). */
  OIDC_TOKEN_URL: z.url().optional(),
  /** The public app client id (no secret: PKCE protects the code exchange). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Optional end-session endpoint (Cognito: `https://<domain>/logout`); sign-out goes there after clearing the cookie. */
  OIDC_LOGOUT_URL: z.url().optional(),
  /** Space-separated scopes requested; `openid` is needed for an ID token. */
  OIDC_SCOPES: z.string().min(1).default('openid email profile'),
});
export type WebConfig = z.infer<typeof WebConfigSchema>;

/** The OIDC client settings once all three required ones are present. */
export interface OidcSettings {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  logoutUrl?: string;
  scopes: string;
}

/** A demo user of the development sign-in page. */
export interface DemoUser extends TokenClaims {
  /** Short id used in the sign-in form. */
  id: string;
  description: string;
}

/** What the web app is built with besides the shared dependencies. */
export interface WebOptions {
  /** Public base URL (origin and base path); defaults to the request's own origin with no base path. */
  baseUrl?: string;
  oidc?: OidcSettings;
  /**
   * The development sign-in: present only when the server runs with the local issuer
   * (`npm start`, tests). Without it `/dev/sign-in` answers 404.
   */
  devSignIn?: { sign(claims: TokenClaims, options?: { expiresIn?: string }): Promise<string>; users?: DemoUser[] };
}

/**
 * Parses the web configuration, refusing a half-configured OIDC client. Without zod's JIT (a parse once
 * per cold start), asked here: this module may be loaded before shared/config.ts turns it off.
 */
export function loadWebOptions(env: Record<string, string | undefined> = process.env): WebOptions {
  const parsed = WebConfigSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    throw new Error(`Invalid web configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  }
  const c = parsed.data;
  const oidcKeys = [c.OIDC_AUTHORIZE_URL, c.OIDC_TOKEN_URL, c.OIDC_CLIENT_ID];
  if (oidcKeys.some(Boolean) && !oidcKeys.every(Boolean)) {
    throw new Error('Invalid web configuration:\n  OIDC_AUTHORIZE_URL, OIDC_TOKEN_URL and OIDC_CLIENT_ID go together');
  }
  if (c.OIDC_CLIENT_ID && !c.WEB_BASE_URL) {
    throw new Error('Invalid web configuration:\n  WEB_BASE_URL is required with OIDC (it names the redirect URI)');
  }
  return {
    ...(c.WEB_BASE_URL ? { baseUrl: c.WEB_BASE_URL } : {}),
    ...(c.OIDC_CLIENT_ID
      ? {
          oidc: {
            authorizeUrl: c.OIDC_AUTHORIZE_URL!,
            tokenUrl: c.OIDC_TOKEN_URL!,
            clientId: c.OIDC_CLIENT_ID,
            scopes: c.OIDC_SCOPES,
            ...(c.OIDC_LOGOUT_URL ? { logoutUrl: c.OIDC_LOGOUT_URL } : {}),
          },
        }
      : {}),
  };
}

/** The development sign-in's choice "a rapporteur of any participant" (the country comes with it). */
export const ANY_RAPPORTEUR = 'rapporteur-of';

/** The demo users of the development sign-in page. */
export const DEMO_USERS: DemoUser[] = [
  { id: 'rapporteur-me', sub: 'demo-rap-me', name: 'Rapporteur of Montenegro', roles: ['rapporteur'], country: 'ME', description: 'Files the report of Montenegro (ME)' },
  { id: 'rapporteur-xk', sub: 'demo-rap-xk', name: 'Rapporteur of Kosovo', roles: ['rapporteur'], country: 'XK', description: 'Files the report of Kosovo (XK)' },
  { id: 'reviewer', sub: 'demo-reviewer', name: 'Reviewer of the Secretariat', roles: ['reviewer'], description: 'Approves or returns sections, approves reports' },
  { id: 'admin', sub: 'demo-admin', name: 'Administrator', roles: ['admin'], description: 'Reviews and publishes approved reports' },
];
