import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DB_NAME, DB_VERSION, MEMORY_ONLY_REASONS, openDatabase } from '../../src/storage';
import { ManualTimers } from '../fixtures/manual-timers';
import { instrumentedFactory, scriptedFactory, throwingFactory } from './fault-factories';
import { openTestStore, readRows, sampleNetwork, win } from './helpers';

const memoryOnly = (reason: string) => ({ state: 'memory-only', reason });

describe('when the browser gives no storage', () => {
  it('says so when there is no IndexedDB at all', async () => {
    const store = await openTestStore(undefined);
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.missing));
  });

  it('still keeps everything in memory', async () => {
    const store = await openTestStore(undefined);
    await store.recordResult('x-vs-o', win());
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'kept' }));
    await store.flush();
    expect([store.progress('x-vs-o')?.won, store.workspace('x-vs-o')?.name]).toEqual([true, 'kept']);
  });

  it('says storage was refused when opening throws', async () => {
    const store = await openTestStore(throwingFactory('SecurityError'));
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.refused));
  });

  it('says storage was refused when the open request fails', async () => {
    const { factory, request } = scriptedFactory();
    const opening = openTestStore(factory);
    request.fail('UnknownError');
    expect((await opening).status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.refused));
  });

  it('asks for a reload when a newer ConvBlocks already upgraded the database', async () => {
    const factory = new IDBFactory();
    (await openDatabase(factory, DB_NAME, DB_VERSION + 1)).close();
    const store = await openTestStore(factory);
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.newer));
  });
});

describe('when another tab blocks the upgrade', () => {
  it('works from memory rather than wait', async () => {
    const { factory, request } = scriptedFactory();
    const opening = openTestStore(factory);
    request.block();
    expect((await opening).status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.blocked));
  });

  it('closes the database if it opens after all, so it blocks no one in turn', async () => {
    const real = new IDBFactory();
    const { factory, request } = scriptedFactory();
    const opening = openTestStore(factory);
    request.block();
    await opening;
    request.succeed((await openDatabase(real, DB_NAME)) as unknown);
    const upgrade = await new Promise((resolve) => {
      openDatabase(real, DB_NAME, DB_VERSION + 1, () => resolve('blocked')).then((db) => {
        db.close();
        resolve('opened');
      });
    });
    expect(upgrade).toBe('opened');
  });
});

describe('when the storage is full', () => {
  async function fullStore() {
    const { factory, fillUp } = instrumentedFactory(new IDBFactory());
    const store = await openTestStore(factory);
    fillUp();
    return store;
  }

  it('turns memory-only on the first write that does not fit', async () => {
    const store = await fullStore();
    await store.recordResult('x-vs-o', win());
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.full));
  });

  it('tells the page once', async () => {
    const store = await fullStore();
    const heard = vi.fn();
    store.onStatusChange(heard);
    await store.recordResult('x-vs-o', win());
    await store.recordResult('slash-2x2', win());
    expect(heard.mock.calls).toEqual([[memoryOnly(MEMORY_ONLY_REASONS.full)]]);
  });

  it('keeps the result that did not fit in memory', async () => {
    const store = await fullStore();
    await store.recordResult('x-vs-o', win({ stars: 3 }));
    expect(store.progress('x-vs-o')?.stars).toBe(3);
  });

  it('stops telling a page that stopped listening', async () => {
    const store = await fullStore();
    const heard = vi.fn();
    store.onStatusChange(heard)();
    await store.recordResult('x-vs-o', win());
    expect(heard).not.toHaveBeenCalled();
  });
});

describe('when a newer ConvBlocks opens in another tab', () => {
  async function upgradeElsewhere() {
    const factory = new IDBFactory();
    const store = await openTestStore(factory, new ManualTimers());
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'waiting' }));
    const newer = await openDatabase(factory, DB_NAME, DB_VERSION + 1);
    return { store, newer };
  }

  it('writes what was waiting before stepping aside', async () => {
    const { newer } = await upgradeElsewhere();
    const rows = (await newer.getAll('workspaces')) as unknown as { network: { name: string } }[];
    newer.close();
    expect(rows.map((row) => row.network.name)).toEqual(['waiting']);
  });

  it('turns memory-only and says why', async () => {
    const { store, newer } = await upgradeElsewhere();
    newer.close();
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.upgrading));
  });

  it('keeps later changes in memory only', async () => {
    const { store, newer } = await upgradeElsewhere();
    await store.recordResult('x-vs-o', win());
    const rows = await newer.getAll('progress');
    newer.close();
    expect([rows.length, store.progress('x-vs-o')?.won]).toEqual([0, true]);
  });
});

describe('when the browser closes the database', () => {
  it('turns memory-only and says why', async () => {
    const { factory, connections } = instrumentedFactory(new IDBFactory());
    const store = await openTestStore(factory);
    for (const db of connections) forceCloseDatabase(db as never);
    expect(store.status).toEqual(memoryOnly(MEMORY_ONLY_REASONS.closed));
  });
});

describe('reading back what was stored', () => {
  it('skips a bad record and reports it, naming the field and the value', async () => {
    const factory = new IDBFactory();
    (await openTestStore(factory)).close();
    const db = await openDatabase(factory, DB_NAME);
    await db.put('progress', { levelId: 'x-vs-o', won: true, stars: 9 } as never);
    db.close();
    const store = await openTestStore(factory);
    expect(store.skipped).toEqual([
      { store: 'progress', key: 'x-vs-o', message: 'bestAccuracy: is missing' },
    ]);
  });

  it.each([
    ['progress', { levelId: 'x-vs-o', won: 'yes' }, 'x-vs-o'],
    [
      'workspaces',
      { levelId: 'x-vs-o', savedAt: '2025-01-01T00:00:00.000Z', network: { kind: 'virus' } },
      'x-vs-o',
    ],
    ['networks', { id: 'net-1', savedAt: 'yesterday', network: {} }, 'net-1'],
    ['customLevels', { id: 'my-level', savedAt: '2025-01-01T00:00:00.000Z', level: null }, 'my-level'],
    ['settings', { name: 'speed', value: 'ludicrous' }, 'speed'],
  ] as const)('loads the good records around a bad one in %s', async (storeName, bad, key) => {
    const factory = new IDBFactory();
    const first = await openTestStore(factory);
    await first.recordResult('slash-2x2', win());
    await first.close();
    const db = await openDatabase(factory, DB_NAME);
    await db.put(storeName, bad as never);
    db.close();
    const store = await openTestStore(factory);
    expect([store.progress('slash-2x2')?.won, store.skipped.map((s) => s.key)]).toEqual([true, [key]]);
  });

  it('leaves a bad record in the database for a later version to read', async () => {
    const factory = new IDBFactory();
    (await openTestStore(factory)).close();
    const db = await openDatabase(factory, DB_NAME);
    await db.put('settings', { name: 'speed', value: 'ludicrous' });
    db.close();
    await openTestStore(factory);
    expect(await readRows(factory, 'settings')).toEqual([{ name: 'speed', value: 'ludicrous' }]);
  });
});
