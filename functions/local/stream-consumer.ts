/**
 * Locally, DynamoDB Local's stream stands in for the Lambda event source mapping: this polls the
 * table's stream (every shard, from its oldest record) and hands each batch to the notifier's own
 * handler, which applies the same filter as the mapping. Delivery records make a batch given again
 * (a restart reads the shards from their start) mail nobody twice.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { StreamRecord } from '../../shared/notices/stream';

export interface StreamConsumer {
  stop(): Promise<void>;
  /** Resolves once every record written so far has been handled (a poll found nothing new). */
  drained(): Promise<void>;
}

export async function startStreamConsumer(options: { tableName: string; handle: (records: StreamRecord[]) => Promise<unknown>; pollMs?: number }): Promise<StreamConsumer> {
  const dynamo = new DynamoDBClient({});
  // DynamoDB Local serves its streams on its own endpoint (the SDK's variable for them is AWS_ENDPOINT_URL_DYNAMODB_STREAMS).
  const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS ?? process.env.AWS_ENDPOINT_URL_DYNAMODB;
  const streams = new DynamoDBStreamsClient(endpoint ? { endpoint } : {});
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream: create it with tableDefinition (shared/store/table.ts).`);
  const pollMs = options.pollMs ?? 250;
  const iterators = new Map<string, string | undefined>();
  let stopped = false;
  let waiters: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;

  const poll = async (): Promise<boolean> => {
    let found = false;
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
    for (const shard of shards) {
      if (!iterators.has(shard.ShardId!)) {
        const out = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }));
        iterators.set(shard.ShardId!, out.ShardIterator);
      }
    }
    for (const [shard, iterator] of iterators) {
      if (!iterator) continue; // a closed shard, read to its end
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      iterators.set(shard, out.NextShardIterator);
      if (out.Records?.length) {
        found = true;
        await options.handle(out.Records as StreamRecord[]);
      }
    }
    return found;
  };

  const loop = async () => {
    if (stopped) return;
    let found = false;
    try {
      found = await poll();
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', msg: 'stream poll failed', error: error instanceof Error ? error.message : String(error) }));
    }
    if (!found) {
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    }
    if (!stopped) timer = setTimeout(() => void loop(), found ? 0 : pollMs);
  };
  timer = setTimeout(() => void loop(), 0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const w of waiters) w();
      dynamo.destroy();
      streams.destroy();
    },
    drained: () =>
      new Promise<void>((resolve) => {
        // A poll that starts after this call must find nothing new.
        let armed = false;
        waiters.push(() => (armed ? resolve() : ((armed = true), waiters.push(() => resolve()))));
      }),
  };
}
