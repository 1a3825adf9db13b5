import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { levelToDocument, type NetworkSpec } from '../../src/spec';
import { DB_NAME, DB_VERSION, openDatabase, type PlayerStore, STORE_NAMES } from '../../src/storage';
import { networkDocument, openTestStore, sampleLevel, sampleNetwork, sampleWeights, win } from './helpers';

describe('the version-1 schema', () => {
  it('creates every store on a browser that never saw ConvBlocks', async () => {
    const factory = new IDBFactory();
    await openTestStore(factory);
    const db = await openDatabase(factory, DB_NAME);
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it.each([
    ['progress', 'levelId'],
    ['workspaces', 'levelId'],
    ['networks', 'id'],
    ['customLevels', 'id'],
    ['settings', 'name'],
  ] as const)('keys the %s store by %s', async (store, keyPath) => {
    const factory = new IDBFactory();
    await openTestStore(factory);
    const db = await openDatabase(factory, DB_NAME);
    expect(db.transaction(store).store.keyPath).toBe(keyPath);
    db.close();
  });
});

/** Writes with one store, closes it, and reads with a fresh store on the same database. */
async function reopened(write: (store: PlayerStore) => Promise<unknown>): Promise<PlayerStore> {
  const factory = new IDBFactory();
  const first = await openTestStore(factory);
  await write(first);
  await first.close();
  return openTestStore(factory);
}

describe('what survives a reload', () => {
  it('keeps a won level', async () => {
    const store = await reopened((s) => s.recordResult('x-vs-o', win({ stars: 3, params: 90 })));
    expect(store.progress('x-vs-o')).toMatchObject({ won: true, stars: 3, fewestParams: 90 });
  });

  it('keeps a workbench', async () => {
    const store = await reopened(async (s) => s.saveWorkspace('x-vs-o', sampleNetwork({ name: 'draft 3' })));
    expect(store.workspace('x-vs-o')).toEqual(sampleNetwork({ name: 'draft 3' }));
  });

  it('keeps a workbench whose stack does not run yet', async () => {
    const unfinished: NetworkSpec = {
      ...sampleNetwork(),
      layers: [{ type: 'dense', units: 2 }, { type: 'flatten' }],
    };
    const store = await reopened(async (s) => s.saveWorkspace('x-vs-o', unfinished));
    expect(store.workspace('x-vs-o')?.layers).toEqual([{ type: 'dense', units: 2 }, { type: 'flatten' }]);
  });

  it('keeps a saved network with its weights', async () => {
    const trained = sampleNetwork({ weights: sampleWeights() });
    const store = await reopened((s) => s.saveNetwork(trained));
    expect(store.networks().map((n) => n.network)).toEqual([trained]);
  });

  it('keeps a saved network without weights', async () => {
    const store = await reopened((s) => s.saveNetwork(sampleNetwork()));
    expect(store.networks()[0]?.network.weights).toBeUndefined();
  });

  it('keeps a custom level', async () => {
    const store = await reopened((s) => s.saveCustomLevel(sampleLevel()));
    expect(store.customLevels().map((c) => c.level)).toEqual([sampleLevel()]);
  });

  it('keeps the settings the player changed', async () => {
    const store = await reopened((s) => s.updateSettings({ speed: 'slow-motion', backend: 'wasm' }));
    expect(store.settings()).toEqual({ speed: 'slow-motion', backend: 'wasm' });
  });

  it('forgets a deleted network', async () => {
    const store = await reopened(async (s) => {
      const saved = await s.saveNetwork(sampleNetwork());
      await s.deleteNetwork(saved.id);
    });
    expect(store.networks()).toEqual([]);
  });

  it('forgets a deleted custom level', async () => {
    const store = await reopened(async (s) => {
      await s.saveCustomLevel(sampleLevel());
      await s.deleteCustomLevel('my-slashes');
    });
    expect(store.customLevels()).toEqual([]);
  });
});

describe('what the store refuses to keep', () => {
  it('refuses to save a network that would not open again, naming the field', async () => {
    const store = await openTestStore(new IDBFactory());
    const broken = { ...sampleNetwork(), layers: [{ type: 'flatten' }] } as never;
    await expect(store.saveNetwork(broken)).rejects.toThrow('layers');
  });

  it('refuses to save a level that would not open again, naming the field', async () => {
    const store = await openTestStore(new IDBFactory());
    const broken = { ...sampleLevel(), title: '' };
    await expect(store.saveCustomLevel(broken)).rejects.toThrow('title: must not be empty');
  });

  it('refuses an unknown setting value, naming it', async () => {
    const store = await openTestStore(new IDBFactory());
    await expect(store.updateSettings({ speed: 'warp' } as never)).rejects.toThrow(
      'settings.speed: expected one of "slow-motion", "slow", "normal", "fast", "fastest" but got "warp"',
    );
  });

  it('keeps documents as their JSON form, not as parsed objects', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.saveCustomLevel(sampleLevel());
    await store.saveNetwork(sampleNetwork());
    const db = await openDatabase(factory, DB_NAME);
    const [level] = await db.getAll('customLevels');
    const [network] = await db.getAll('networks');
    db.close();
    expect(level?.level).toEqual(levelToDocument(sampleLevel()));
    expect(network?.network).toEqual(networkDocument());
  });
});
