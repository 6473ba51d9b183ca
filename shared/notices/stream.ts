/**
 * The notifier's handler of DynamoDB stream records, the same on AWS (the notifier Lambda, behind an
 * event source filter) and locally (functions/local/stream-consumer.ts polls DynamoDB Local's stream
 * and applies the same filter): new notice items only, each delivered (shared/notices/deliver.ts).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { NoticeItemSchema } from '../store/notice-items';
import { deliverNotice, type NotifierDeps } from './deliver';

/** The event source mapping's filter (Lambda's filter syntax): inserted items whose `type` is `notice`. */
export const NOTICE_FILTER_PATTERN = { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['notice'] } } } } as const;

export interface StreamRecord {
  eventID?: string | undefined;
  eventName?: string | undefined;
  dynamodb?: { NewImage?: Record<string, AttributeValue> | Record<string, unknown> | undefined; SequenceNumber?: string | undefined } | undefined;
}

/** The filter above, applied in code (the local stream consumer; Lambda applies it before invoking). */
export function matchesNoticeFilter(record: StreamRecord): boolean {
  const type = (record.dynamodb?.NewImage as Record<string, { S?: string }> | undefined)?.type?.S;
  return record.eventName === 'INSERT' && type === 'notice';
}

/**
 * Delivers the notices of a batch, in order. A record whose delivery throws (the table unreachable)
 * is reported as a batch item failure, so the stream gives it (and what follows) again: delivery
 * records keep that from mailing anyone twice.
 */
export async function handleStreamRecords(deps: NotifierDeps, records: readonly StreamRecord[]): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }> }> {
  for (const record of records) {
    if (!matchesNoticeFilter(record)) continue;
    try {
      const notice = NoticeItemSchema.parse(unmarshall(record.dynamodb!.NewImage as Record<string, AttributeValue>));
      await deliverNotice(deps, notice);
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'notice delivery failed', eventID: record.eventID, error: error instanceof Error ? error.message : String(error) }));
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
