/**
 * Issue 18, failure 3: an import is all or nothing. When a write throws (the browser's storage is
 * full) or the transaction aborts, the database and the page keep everything they had.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { type ImportMode, type PlayerStore, parseBackup } from '../../src/storage';
import { instrumentedFactory, throwingPutFactory } from './fault-factories';
import { openTestStore, sampleLevel, sampleNetwork, win } from './helpers';

/** A backup with a win on another level and a level of its own. */
async function someBackup() {
  const source = await openTestStore(new IDBFactory());
  await source.recordResult('slash-2x2', win());
  await source.saveCustomLevel(sampleLevel({ id: 'from-backup', title: 'From a backup' }));
  return parseBackup(JSON.stringify(source.exportBackup()));
}

/** What a store holds, in a form to compare. */
const snapshot = (store: PlayerStore) => ({
  progress: store.allProgress().map((p) => [p.levelId, p.won]),
  levels: store.customLevels().map((c) => c.level.id),
  networks: store.networks().length,
  workspace: store.workspace('x-vs-o')?.name,
});

async function filled(store: PlayerStore): Promise<void> {
  await store.recordResult('x-vs-o', win());
  await store.saveCustomLevel(sampleLevel());
  await store.saveNetwork(sampleNetwork());
  store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'on the bench' }));
  await store.flush();
}

const kept = {
  progress: [['x-vs-o', true]],
  levels: ['my-slashes'],
  networks: 1,
  workspace: 'on the bench',
};

describe.each(['merge', 'replace'] as const)('an import (%s) that cannot be written', (mode: ImportMode) => {
  it('keeps every store when put throws QuotaExceededError', async () => {
    const { factory, breakPuts, real } = throwingPutFactory(new IDBFactory(), 'QuotaExceededError');
    const store = await openTestStore(factory);
    await filled(store);
    breakPuts();
    await expect(store.importBackup(await someBackup(), mode)).rejects.toThrow(/Nothing was imported/);
    expect(snapshot(store)).toEqual(kept);
    expect(snapshot(await openTestStore(real))).toEqual(kept);
  });

  it('keeps every store when the transaction aborts', async () => {
    const real = new IDBFactory();
    const { factory, fillUp } = instrumentedFactory(real);
    const store = await openTestStore(factory);
    await filled(store);
    fillUp();
    await expect(store.importBackup(await someBackup(), mode)).rejects.toThrow(/Nothing was imported/);
    expect(snapshot(store)).toEqual(kept);
    expect(snapshot(await openTestStore(real))).toEqual(kept);
  });
});
