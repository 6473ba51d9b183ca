/**
 * The verified-token cache of createTokenVerifier: a token's actor is kept until the token's `exp`
 * (the same object comes back without a second signature check), never past it, and the cache is bounded.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../shared/http/auth';
import { UnauthenticatedError } from '../../shared/workflow';

const ISSUER = 'urn:test:issuer';
let jwks = '';
let sign: (sub: string, exp: number) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
  sign = (sub, exp) => new SignJWT({ roles: ['reviewer'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject(sub).setIssuer(ISSUER).setIssuedAt(exp - 3600).setExpirationTime(exp).sign(privateKey);
});

describe('verified-token cache', () => {
  const start = Math.floor(Date.now() / 1000);

  it('returns the cached actor for the same token until it expires, then refuses it', async () => {
    let now = start * 1000;
    const verifier = createTokenVerifier({ AUTH_ISSUER: ISSUER, AUTH_JWKS: jwks }, { now: () => now });
    const token = await sign('rev-1', start + 600);
    const first = await verifier.verify(token);
    expect(first).toMatchObject({ sub: 'rev-1', roles: ['reviewer'] });
    now += 599_000;
    expect(await verifier.verify(token)).toBe(first);
    now += 60_000; // past exp and past the 30 s clock tolerance
    await expect(verifier.verify(token)).rejects.toThrow(UnauthenticatedError);
  });

  it('never keeps a token past its exp, even within the clock tolerance', async () => {
    let now = start * 1000;
    const verifier = createTokenVerifier({ AUTH_ISSUER: ISSUER, AUTH_JWKS: jwks }, { now: () => now });
    const token = await sign('rev-2', start + 60);
    const first = await verifier.verify(token);
    now += 70_000; // 10 s past exp: jose's tolerance still accepts it, but verifies it again
    const again = await verifier.verify(token);
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
  });

  it('is bounded: the oldest token is verified again once the cache is full', async () => {
    const verifier = createTokenVerifier({ AUTH_ISSUER: ISSUER, AUTH_JWKS: jwks }, { cacheSize: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((s) => sign(s, start + 600)));
    const actorA = await verifier.verify(a!);
    const actorB = await verifier.verify(b!);
    await verifier.verify(c!);
    expect(await verifier.verify(b!)).toBe(actorB);
    expect(await verifier.verify(a!)).not.toBe(actorA);
  });

  it('caches nothing that failed: a tampered token is refused every time', async () => {
    const verifier = createTokenVerifier({ AUTH_ISSUER: ISSUER, AUTH_JWKS: jwks });
    const token = await sign('rev-3', start + 600);
    const tampered = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.verify(tampered)).rejects.toThrow(UnauthenticatedError);
    await expect(verifier.verify(tampered)).rejects.toThrow(UnauthenticatedError);
  });
});
