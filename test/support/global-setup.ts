/**
 * Starts the real local services once per test run: DynamoDB Local in memory. Their endpoints
 * reach the test workers through the environment, as the SDK reads them in production.
 */
import { startDynamoDbLocal, type RunningService } from '../../functions/local/dynamodb-local';

let dynamo: RunningService | undefined;

export async function setup(): Promise<void> {
  dynamo = await startDynamoDbLocal();
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
  });
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}
