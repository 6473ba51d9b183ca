/**
 * Test helpers: build the stacks from a configuration, without bundling (the `aws:cdk:bundling-stacks`
 * context set to no stack makes NodejsFunction skip esbuild), and read their templates.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { cdkJsonContext } from '../../infra/cdk-context';
import { loadInfraConfig, type InfraConfig } from '../../infra/config';
import type { FunctionSpec } from '../../infra/function-table';
import { buildStacks, type AllianceStacks } from '../../infra/stacks';

/** A JWKS shaped like the local issuer's (one EC P-256 public key). */
export const TEST_JWKS = JSON.stringify({
  keys: [{ kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'local-1', alg: 'ES256', use: 'sig' }],
});

/** Parses a configuration from settings, as the CLI context would carry them. */
export function configFrom(settings: Record<string, unknown> = {}): InfraConfig {
  const context = { ...cdkJsonContext(), ...settings };
  return loadInfraConfig({ context: (key) => context[key], env: {}, readLocalJwks: () => TEST_JWKS });
}

export interface Synthesized extends AllianceStacks {
  app: App;
  statefulTemplate: Template;
  apiTemplate: Template;
}

export function synth(config: InfraConfig, options: { bundle?: boolean; outdir?: string; functions?: readonly FunctionSpec[] } = {}): Synthesized {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // cdk.json's feature flags, as the CLI would pass them.
    context: { ...cdkJsonContext(), ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stacks = buildStacks(app, config, options.functions);
  return {
    app,
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    apiTemplate: Template.fromStack(stacks.api),
  };
}

const cache = new Map<string, Synthesized>();
/** Synthesizes each configuration once per test file (a synth takes about a second). */
export function synthCached(settings: Record<string, unknown> = {}): Synthesized {
  const key = JSON.stringify(settings);
  let result = cache.get(key);
  if (!result) {
    result = synth(configFrom(settings));
    cache.set(key, result);
  }
  return result;
}

/** Logical id of the Lambda function of a function-table entry. */
export function functionId(t: Template, name: string): string {
  const ids = Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp(` ${name} (API|job) `) } }));
  expect(ids, name).toHaveLength(1);
  return ids[0]!;
}

/** Every IAM statement attached to a function's role. */
export function statementsOf(t: Template, name: string): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const fn = t.toJSON().Resources[functionId(t, name)];
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(t.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}

