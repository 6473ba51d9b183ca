/**
 * The store's DynamoDB helpers: one Query followed past the 1 MB page limit, and the reading of
 * a cancelled transaction's per-item reasons. Only store modules import this.
 */
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

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

/** Most keys DynamoDB takes in one BatchGetItem. */
export const BATCH_GET_LIMIT = 100;
const MAX_BATCH_ATTEMPTS = 8;

export interface ItemKey {
  pk: string;
  sk: string;
}

/**
 * Items by key in as few round trips as DynamoDB allows: one BatchGetItem per 100 keys, sent in
 * parallel; keys DynamoDB leaves unprocessed (throttling, 16 MB) are asked again with backoff.
 * Duplicate keys are asked once. Missing items are simply absent from the result.
 */
export async function batchGetAll(doc: DynamoDBDocumentClient, tableName: string, keys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, { pk: k.pk, sk: k.sk }])).values()];
  const chunks: ItemKey[][] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) chunks.push(unique.slice(i, i + BATCH_GET_LIMIT));
  const pages = await Promise.all(
    chunks.map(async (chunk) => {
      const items: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] = chunk.map((k) => ({ pk: k.pk, sk: k.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt === MAX_BATCH_ATTEMPTS) throw new Error(`DynamoDB left ${pending.length} key(s) unprocessed after ${attempt} attempts`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 20 * 2 ** attempt)));
        const out = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
        items.push(...(out.Responses?.[tableName] ?? []));
        pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
      return items;
    }),
  );
  return pages.flat();
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
