/**
 * Bearer-token authentication: JWTs verified with jose against the configured issuer, audience and
 * keys (a remote JWKS, fetched and cached, or an inline one), mapped to the workflow's Actor.
 * Works with the local development issuer, Cognito ID tokens and any OIDC provider.
 */
import type { MiddlewareHandler } from 'hono';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { Config } from '../config';
import { ROLES, UnauthenticatedError, type Actor, type Role } from '../workflow';

export interface TokenVerifier {
  /** The actor of a valid token; throws UnauthenticatedError otherwise. */
  verify(token: string): Promise<Actor>;
}

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
  roles: z.array(z.string()).optional(),
  'cognito:groups': z.array(z.string()).optional(),
  country: z.string().optional(),
  'custom:country': z.string().optional(),
});

/** Maps verified claims to an actor: roles from `roles` (or Cognito groups), country from `country` (or `custom:country`). */
export function actorFromClaims(claims: unknown): Actor {
  const parsed = ClaimsSchema.safeParse(claims);
  if (!parsed.success) throw new UnauthenticatedError('The token lacks a subject.');
  const c = parsed.data;
  const roles = (c.roles ?? c['cognito:groups'] ?? []).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const country = (c.country ?? c['custom:country'])?.toUpperCase();
  return { sub: c.sub, name: c.name ?? c.email ?? c.sub, roles, ...(country ? { country } : {}) };
}

/** Seconds of clock difference tolerated between the issuer and this server (exp, nbf, iat). */
const CLOCK_TOLERANCE = 30;

/** Verified tokens kept per container (each one's actor until its `exp`); the oldest goes first when full. */
export const VERIFIED_TOKEN_CACHE_SIZE = 1000;

export interface TokenVerifierOptions {
  /** Milliseconds since the epoch (tests move it); default Date.now. */
  now?: () => number;
  /** Entries of the verified-token cache, at most; default VERIFIED_TOKEN_CACHE_SIZE. */
  cacheSize?: number;
}

/**
 * Verifies tokens with jose, and keeps each verified token's actor until the token expires: a
 * session's next requests cost a Map lookup instead of a signature check (~0.35 ms of CPU each). The
 * key is the whole token, signature included, so only the exact string that was verified hits; a
 * token without `exp` or `iat` is refused. Bounded: the oldest entry is dropped when full.
 */
export function createTokenVerifier(config: Pick<Config, 'AUTH_ISSUER' | 'AUTH_AUDIENCE' | 'AUTH_JWKS_URL' | 'AUTH_JWKS'>, options: TokenVerifierOptions = {}): TokenVerifier {
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? VERIFIED_TOKEN_CACHE_SIZE;
  const verified = new Map<string, { actor: Actor; expiresAt: number }>();
  const keys: JWTVerifyGetKey = config.AUTH_JWKS
    ? createLocalJWKSet(JSON.parse(config.AUTH_JWKS))
    : createRemoteJWKSet(new URL(config.AUTH_JWKS_URL!), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000 });
  return {
    async verify(token) {
      const hit = verified.get(token);
      if (hit) {
        if (now() < hit.expiresAt) return hit.actor;
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: config.AUTH_ISSUER,
          ...(config.AUTH_AUDIENCE ? { audience: config.AUTH_AUDIENCE } : {}),
          algorithms: ['ES256', 'RS256'],
          clockTolerance: CLOCK_TOLERANCE,
          currentDate: new Date(now()),
          // A token that never expires, or whose issue time is unknown, is refused whoever signed it (OIDC ID tokens carry both).
          requiredClaims: ['exp', 'iat'],
        });
        if (payload.iat! > Math.floor(now() / 1000) + CLOCK_TOLERANCE) throw new UnauthenticatedError('The token is not valid: it was issued in the future.');
        const actor = actorFromClaims(payload);
        // Kept until `exp` itself (the tolerance is for clock skew at the first check, not granted again).
        if (typeof payload.exp === 'number' && payload.exp * 1000 > now() && cacheSize > 0) {
          if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
          verified.set(token, { actor, expiresAt: payload.exp * 1000 });
        }
        return actor;
      } catch (error) {
        if (error instanceof UnauthenticatedError) throw error;
        if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('The token has expired; sign in again.');
        if (error instanceof joseErrors.JOSEError) throw new UnauthenticatedError('The token is not valid.');
        throw error;
      }
    },
  };
}

export type AuthVariables = { actor: Actor | undefined };

/**
 * Reads the bearer token when there is one. A bad token is refused at once (401); no token leaves
 * the actor undefined, so that public routes work and the others refuse with `requireActor`.
 */
export function authenticate(verifier: TokenVerifier): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('actor', undefined);
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
    c.set('actor', await verifier.verify(match[1]!));
    return next();
  };
}

/** The signed-in actor, or a 401. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new UnauthenticatedError('Sign in first: this route needs a bearer token.');
  return actor;
}
