/**
 * The local development issuer: an ES256 key pair generated at first start under the data folder
 * (never committed), whose tokens the local server (and a LocalStack deployment) accepts.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/workflow';

export const LOCAL_ISSUER = 'urn:alliance-reporting:local';
export const LOCAL_AUDIENCE = 'alliance-reporting';

export interface TokenClaims {
  sub: string;
  name: string;
  roles: Role[];
  country?: string;
}

export interface DevIssuer {
  issuer: string;
  audience: string;
  /** The public keys as a JWKS JSON document (for AUTH_JWKS). */
  jwks: string;
  /** A signed token; `expiresIn` as jose takes it ('8h', '-1m' for an expired one in tests). */
  sign(claims: TokenClaims, options?: { expiresIn?: string }): Promise<string>;
}

/** Loads the key pair from `<dataDir>/keys`, generating it on first use. */
export async function ensureDevIssuer(dataDir: string): Promise<DevIssuer> {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'dev-issuer.private.jwk.json');
  const jwksPath = join(dir, 'jwks.json');
  if (!existsSync(privatePath) || !existsSync(jwksPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
    writeFileSync(jwksPath, JSON.stringify({ keys: [publicJwk] }, null, 2));
  }
  const privateJwk = JSON.parse(readFileSync(privatePath, 'utf8')) as JWK & { kid: string };
  const key = await importJWK(privateJwk, 'ES256');
  const jwks = readFileSync(jwksPath, 'utf8');
  return {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    jwks,
    async sign(claims, options = {}) {
      const { sub, ...rest } = claims;
      return new SignJWT({ ...rest })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' })
        .setSubject(sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '8h')
        .sign(key);
    },
  };
}
