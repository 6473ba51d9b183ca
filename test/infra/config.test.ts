import { describe, expect, it } from 'vitest';
import { LOCAL_ISSUER, loadInfraConfig, readLocalJwksFile } from '../../infra/config';
import { configFrom, TEST_JWKS } from './synth';

describe('infrastructure configuration', () => {
  it('defaults to the dev environment with Cognito, required MFA and local web origins', () => {
    const config = configFrom();
    expect(config.envName).toBe('dev');
    expect(config.auth).toEqual({
      provider: 'cognito',
      mfa: 'required',
      callbackUrls: ['http://localhost:3000/auth/callback'],
      logoutUrls: ['http://localhost:3000/'],
    });
    expect(config.throttling).toEqual({ rateLimit: 50, burstLimit: 100 });
    expect(config.awsEnv).toBeUndefined();
  });

  it('registers the callback and sign-out URLs under the base path of the callback (an API Gateway stage)', () => {
    const config = configFrom({ webOrigins: 'https://abc123.execute-api.eu-west-1.amazonaws.com', callbackPath: '/dev/auth/callback' });
    expect(config.auth).toMatchObject({
      callbackUrls: ['https://abc123.execute-api.eu-west-1.amazonaws.com/dev/auth/callback'],
      logoutUrls: ['https://abc123.execute-api.eu-west-1.amazonaws.com/dev/'],
    });
  });

  it('applies the preset of the selected environment from cdk.json', () => {
    const config = configFrom({ env: 'local' });
    expect(config.auth).toEqual({ provider: 'local', issuer: LOCAL_ISSUER, jwks: TEST_JWKS });
    expect(config.s3.forcePathStyle).toBe(true);
  });

  it('lets context win over environment variables, and environment variables over presets', () => {
    const config = loadInfraConfig({
      context: (key) => ({ env: 'local', throttleRateLimit: '7' })[key],
      env: { ALLIANCE_THROTTLE_RATE_LIMIT: '9', ALLIANCE_THROTTLE_BURST_LIMIT: '11', ALLIANCE_S3_FORCE_PATH_STYLE: 'false' },
      readLocalJwks: () => TEST_JWKS,
    });
    expect(config.throttling).toEqual({ rateLimit: 7, burstLimit: 11 });
    expect(config.s3.forcePathStyle).toBe(false);
  });

  it('configures any OIDC issuer by its issuer, JWKS URL and audience', () => {
    const config = configFrom({ authProvider: 'oidc', oidcIssuer: 'https://id.example.org', oidcJwksUrl: 'https://id.example.org/jwks', oidcAudience: 'alliance' });
    expect(config.auth).toEqual({ provider: 'oidc', issuer: 'https://id.example.org', jwksUrl: 'https://id.example.org/jwks', audience: 'alliance' });
  });

  it('refuses an OIDC provider without issuer, JWKS URL or audience, naming them', () => {
    expect(() => configFrom({ authProvider: 'oidc' })).toThrow(/oidcIssuer.*oidcJwksUrl.*oidcAudience/s);
  });

  it.each([
    [{ authProvider: 'saml' }, /authProvider/],
    [{ webOrigins: 'https://example.org/app' }, /webOrigins.*origin/],
    [{ logRetentionDays: '8' }, /logRetentionDays/],
    [{ env: 'Prod' }, /env/],
  ])('rejects invalid settings %j', (settings, message) => {
    expect(() => configFrom(settings)).toThrow(message);
  });

  it('parses web origins given as comma-separated text or as a JSON array', () => {
    expect(configFrom({ webOrigins: 'https://a.example, https://b.example' }).webOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(configFrom({ webOrigins: '["https://a.example"]' }).webOrigins).toEqual(['https://a.example']);
  });

  it('tells to run npm start when the local issuer keys do not exist yet', () => {
    expect(() => readLocalJwksFile('/nonexistent-data-dir')).toThrow(/nonexistent-data-dir\/keys\/jwks\.json.*npm start/s);
  });

  it('refuses a local JWKS without keys', () => {
    expect(() => loadInfraConfig({ context: (key) => ({ authProvider: 'local' })[key], env: {}, readLocalJwks: () => '{"keys":[]}' })).toThrow(/no keys/);
  });
});
