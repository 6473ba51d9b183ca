/**
 * Reporting cycles in the table, and the catalog every use case reads them through.
 *
 * Items: pk `CYCLES`, sk `CYCLE#<id>` (keys.ts), the whole cycle (form, participants, deadline,
 * extensions, status, previous) plus the item's `version`. Every cycle is one Query; there is one a year.
 *
 * The catalog serves the table's cycles merged over the code-held ones (shared/form: 2014, open):
 * a fresh deployment or a new local data folder has 2014 before anything is written, and the first
 * admin change of 2014 writes its item. It keeps every cycle in a per-container cache for
 * `CYCLE_CACHE_TTL_MS`, so reading a cycle on a hot path (a report read, a save) costs no round trip.
 * How a change reaches every Lambda: the container that writes updates its cache at once; every other
 * container reads the table again when its cache is older than the lifetime (at most 30 s later).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { CycleSchema, DEFAULT_CYCLES, cycleInfo, type Cycle, type CycleInfo } from '../form';
import { ConflictError } from '../workflow/errors';
import { queryAll } from './dynamo';
import { CYCLES_PK, CYCLE_PREFIX, cycleSk } from './keys';

/** How long a container trusts its copy of the cycles. */
export const CYCLE_CACHE_TTL_MS = 30_000;

const VersionSchema = z.object({ version: z.number().int().positive() });

export class CycleStore {
  constructor(private readonly options: { doc: DynamoDBDocumentClient; tableName: string }) {}

  /** Every cycle item, in one Query (`consistent` for a read an admin change decides on). */
  async list(options: { consistent?: boolean } = {}): Promise<CycleInfo[]> {
    const items = await queryAll(this.options.doc, {
      TableName: this.options.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': CYCLES_PK, ':prefix': CYCLE_PREFIX },
      ...(options.consistent ? { ConsistentRead: true } : {}),
    });
    // A corrupt item fails loudly here rather than reaching a page.
    return items.map((item) => cycleInfo(CycleSchema.parse(item), VersionSchema.parse(item).version));
  }

  /** Writes a whole cycle on the condition that its item is still at `expectedVersion` (0: no item yet); 409 otherwise. */
  async save(cycle: Cycle, expectedVersion: number): Promise<CycleInfo> {
    const parsed = CycleSchema.parse(cycle);
    const version = expectedVersion + 1;
    try {
      await this.options.doc.send(
        new PutCommand({
          TableName: this.options.tableName,
          Item: { ...parsed, pk: CYCLES_PK, sk: cycleSk(parsed.id), type: 'cycle', version },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError(`The ${parsed.id} cycle was changed by someone else meanwhile; reload it and make your change again.`);
      }
      throw error;
    }
    return cycleInfo(parsed, version);
  }
}

export interface CycleCatalogOptions {
  ttlMs?: number;
  /** Milliseconds now (tests move time on). */
  clock?: () => number;
  /** The cycles held in code, served while the table has no item for them. */
  defaults?: readonly Cycle[];
}

/** The cycles, oldest year first: the table's items over the code-held defaults. */
function merge(defaults: readonly Cycle[], stored: readonly CycleInfo[]): CycleInfo[] {
  const byId = new Map<string, CycleInfo>(defaults.map((cycle) => [cycle.id, cycleInfo(cycle)]));
  for (const info of stored) byId.set(info.cycle.id, info);
  return [...byId.values()].sort((a, b) => a.cycle.year - b.cycle.year || a.cycle.id.localeCompare(b.cycle.id));
}

/** The table-backed catalog with its per-container cache (see the module's comment). */
export function createCycleCatalog(store: CycleStore, options: CycleCatalogOptions = {}) {
  const ttl = options.ttlMs ?? CYCLE_CACHE_TTL_MS;
  const now = options.clock ?? Date.now;
  const defaults = options.defaults ?? DEFAULT_CYCLES;
  let cached: { at: number; infos: CycleInfo[] } | undefined;
  let loading: Promise<CycleInfo[]> | undefined;
  // Bumped by every write of this container: a read begun before it must not put older data back in the cache.
  let generation = 0;

  async function load(consistent: boolean): Promise<CycleInfo[]> {
    const started = generation;
    const at = now();
    const infos = merge(defaults, await store.list({ consistent }));
    if (generation === started) cached = { at, infos };
    return infos;
  }

  async function list(): Promise<CycleInfo[]> {
    if (cached && now() - cached.at < ttl) return cached.infos;
    // One read at a time per container, however many requests ask at once.
    loading ??= load(false).finally(() => {
      loading = undefined;
    });
    return loading;
  }

  return {
    list,
    async get(id: string): Promise<CycleInfo | undefined> {
      return (await list()).find((info) => info.cycle.id === id);
    },
    /** Every cycle read consistently from the table (refreshing this container's cache): what an admin change decides on. */
    fresh(): Promise<CycleInfo[]> {
      return load(true);
    },
    /** Writes a cycle at `expectedVersion` and puts it in this container's cache at once. */
    async save(cycle: Cycle, expectedVersion: number): Promise<CycleInfo> {
      const info = await store.save(cycle, expectedVersion);
      generation++;
      if (cached) cached = { at: cached.at, infos: merge(defaults, [...cached.infos.filter((i) => i.cycle.id !== info.cycle.id && i.version > 0), info]) };
      return info;
    },
    /** Forgets the cached cycles (the next read goes to the table). */
    invalidate(): void {
      generation++;
      cached = undefined;
    },
  };
}
