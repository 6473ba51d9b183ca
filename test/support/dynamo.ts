/**
 * Real DynamoDB Local access for tests: a fresh table per test file (files run in parallel), and a
 * document client that counts the commands it sends, to hold request paths to their round trips.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '../../shared/store/table';

export interface CountingClient {
  doc: DynamoDBDocumentClient;
  /** Command names sent since the last reset, in order. */
  calls: string[];
  /** Items each Query returned since the last reset, in order. */
  queryItems: number[];
  reset(): void;
}

export function countingDocumentClient(): CountingClient {
  const calls: string[] = [];
  const queryItems: number[] = [];
  const client = new DynamoDBClient({});
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(context.commandName as string);
      const result = await next(args);
      if (context.commandName === 'QueryCommand') queryItems.push((result.output as { Count?: number }).Count ?? 0);
      return result;
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  return { doc, calls, queryItems, reset: () => void (calls.splice(0), queryItems.splice(0)) };
}

export async function createTestTable(prefix = 'test'): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(new DynamoDBClient({}), name);
  return name;
}
