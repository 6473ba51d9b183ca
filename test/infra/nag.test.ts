import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthCached } from './synth';

const CONFIGS: Record<string, Record<string, unknown>> = {
  'Cognito (default)': {},
  'Cognito with optional MFA and tracing': { mfa: 'optional', tracing: 'true' },
  OIDC: { authProvider: 'oidc', oidcIssuer: 'https://id.example.org', oidcJwksUrl: 'https://id.example.org/jwks', oidcAudience: 'alliance' },
  'local (LocalStack)': { env: 'local' },
};

function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))),
  );
}

describe('cdk-nag AWS Solutions checks', { timeout: 60_000 }, () => {
  it.each(Object.keys(CONFIGS))('finds no unacknowledged error or warning: %s', (name) => {
    const { app } = synthCached(CONFIGS[name]);
    const report = new AwsSolutionsChecks().validateScope(app);
    const findings = report.violations.map((v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}: ${v.description}`);
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it.each(Object.keys(CONFIGS))('leaves no CDK warning or error annotation: %s', (name) => {
    const { stateful, api } = synthCached(CONFIGS[name]);
    for (const stack of [stateful, api]) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    }
  });

  it('gives every acknowledgement a real reason', () => {
    const acks = Object.keys(CONFIGS).flatMap((name) => acknowledgements(synthCached(CONFIGS[name]).app));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });
});
