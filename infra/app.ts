/**
 * CDK entry point: parses the configuration once, builds the stacks and runs cdk-nag's AWS
 * Solutions checks, which fail the synthesis on any unacknowledged finding.
 *
 * Run by the CDK CLI (cdk.json `app`) or directly (`npm run synth`): directly, it reads cdk.json's
 * context itself and writes the cloud assembly to cdk.out; settings then come from ALLIANCE_* variables.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { cdkJsonContext } from './cdk-context';
import { loadInfraConfig } from './config';
import { buildStacks } from './stacks';

// Under the CLI, CDK_OUTDIR is set and CDK_CONTEXT_JSON (which wins over these props) carries the context.
const runByCli = process.env.CDK_OUTDIR !== undefined;
const app = new App({ context: cdkJsonContext(), ...(runByCli ? {} : { outdir: 'cdk.out' }) });
const config = loadInfraConfig({ context: (key) => app.node.tryGetContext(key) });
buildStacks(app, config);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
