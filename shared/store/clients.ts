/**
 * AWS SDK clients, built once per process and configured by the environment only
 * (`AWS_REGION`, `AWS_ENDPOINT_URL[_DYNAMODB|_S3]`): the same code runs in Lambda, on LocalStack
 * and against the embedded local servers.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let doc: DynamoDBDocumentClient | undefined;

/** The DynamoDB document client of this process (marshalling plain JS objects, dropping undefined). */
export function documentClient(): DynamoDBDocumentClient {
  doc ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return doc;
}
