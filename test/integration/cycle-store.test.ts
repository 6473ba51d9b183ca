/**
 * The cycle catalog over DynamoDB Local, as two Lambda containers would hold it: the code-held 2014
 * until an admin writes it, one Query per cache lifetime (one at a time, however many ask), a write
 * seen at once by the container that made it and by the others once their cache is older than its
 * lifetime, and a write on a stale version refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CycleStore, CYCLE_CACHE_TTL_MS, createCycleCatalog } from '../../shared/store/cycle-store';
import { ConflictError } from '../../shared/workflow';
import { countingDocumentClient, createTestTable, type CountingClient } from '../support/dynamo';
import { testClock, type TestClock } from '../support/deps';

let dynamo: CountingClient;
let store: CycleStore;
let clock: TestClock;

beforeAll(async () => {
  dynamo = countingDocumentClient();
  store = new CycleStore({ doc: dynamo.doc, tableName: await createTestTable('cycles') });
  clock = testClock();
});

describe('the cycle catalog', () => {
  it('serves the code-held 2014, open, from an empty table, reading it once per lifetime', async () => {
    const catalog = createCycleCatalog(store, { clock: clock.now });
    dynamo.reset();
    const [a, b, c] = await Promise.all([catalog.get('2014'), catalog.list(), catalog.get('2015')]);
    expect(a).toMatchObject({ version: 0, cycle: { id: '2014', status: 'open' } });
    expect(b.map((i) => i.cycle.id)).toEqual(['2014']);
    expect(c).toBeUndefined();
    await catalog.get('2014');
    expect(dynamo.calls).toEqual(['QueryCommand']);
    clock.advance(CYCLE_CACHE_TTL_MS + 1);
    await catalog.get('2014');
    expect(dynamo.calls).toEqual(['QueryCommand', 'QueryCommand']);
  });

  it('shows a change at once in the container that made it, and in the others once their cache has expired', async () => {
    const writer = createCycleCatalog(store, { clock: clock.now });
    const other = createCycleCatalog(store, { clock: clock.now });
    const [before] = await Promise.all([writer.get('2014'), other.get('2014')]);
    dynamo.reset();
    const saved = await writer.save({ ...before!.cycle, status: 'closed' }, before!.version);
    expect(saved.version).toBe(1);
    expect((await writer.get('2014'))!.cycle.status).toBe('closed');
    expect((await other.get('2014'))!.cycle.status).toBe('open');
    expect(dynamo.calls).toEqual(['PutItemCommand']);
    clock.advance(CYCLE_CACHE_TTL_MS + 1);
    expect((await other.get('2014'))!).toMatchObject({ version: 1, cycle: { status: 'closed' } });
  });

  it('refuses a write on a version that is no longer the item’s, changing nothing', async () => {
    const catalog = createCycleCatalog(store, { clock: clock.now });
    const current = (await catalog.fresh()).find((i) => i.cycle.id === '2014')!;
    await expect(catalog.save({ ...current.cycle, status: 'open' }, 0)).rejects.toThrow(ConflictError);
    await expect(catalog.save({ ...current.cycle, title: 'x' }, current.version - 1)).rejects.toThrow(/changed by someone else meanwhile/);
    expect((await catalog.fresh()).find((i) => i.cycle.id === '2014')).toEqual(current);
  });
});
