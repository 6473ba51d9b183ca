/**
 * The store's DynamoDB helpers: one Query followed past the 1 MB page limit, and the reading of
 * a cancelled transaction's per-item reasons. Only store modules import this.
 */
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** A Query followed past DynamoDB's 1 MB page limit (one round trip for every report of normal size). */
export async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** One item's outcome in a cancelled transaction (`Item` in DynamoDB's attribute-value form, when asked for). */
export interface CancellationReason {
  Code?: string;
  Item?: Record<string, { S?: string; N?: string } | undefined>;
}

/** The per-item reasons of a cancelled transaction, in the order of its items; undefined for any other error. */
export function cancellationReasons(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  return (error as Error & { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
}

/** DynamoDB refuses a write that collides with a transaction in flight on the same items; the caller may retry. */
export function isTransactionConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException' || error.name === 'TransactionInProgressException') return true;
  return cancellationReasons(error)?.some((r) => r.Code === 'TransactionConflict') ?? false;
}
