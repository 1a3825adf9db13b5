import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { type PlayerStore, parseBackup } from '../../src/storage';
import { levelDocument, openTestStore, readRows, sampleLevel, writeRows } from './helpers';

/** Does `work` on a fresh store, then opens the same database again, as a reload would. */
async function reopened(work: (store: PlayerStore) => Promise<unknown>): Promise<PlayerStore> {
  const factory = new IDBFactory();
  const first = await openTestStore(factory);
  await work(first);
  await first.close();
  return openTestStore(factory);
}

const origins = (store: PlayerStore) => store.customLevels().map((c) => [c.level.id, c.origin]);

describe('where a saved level came from', () => {
  it('counts a level saved without an origin as made here', async () => {
    const store = await reopened((s) => s.saveCustomLevel(sampleLevel()));
    expect(origins(store)).toEqual([['my-slashes', 'mine']]);
  });

  it('keeps a level opened from a link as shared', async () => {
    const store = await reopened((s) => s.saveCustomLevel(sampleLevel(), 'shared'));
    expect(origins(store)).toEqual([['my-slashes', 'shared']]);
  });

  it('keeps the origin when the level is saved again without one', async () => {
    const store = await reopened(async (s) => {
      await s.saveCustomLevel(sampleLevel(), 'shared');
      await s.saveCustomLevel(sampleLevel({ title: 'Edited' }));
    });
    expect(origins(store)).toEqual([['my-slashes', 'shared']]);
  });

  it('lists only the levels of the origin asked for', async () => {
    const store = await reopened(async (s) => {
      await s.saveCustomLevel(sampleLevel());
      await s.saveCustomLevel(sampleLevel({ id: 'from-a-friend', title: 'From a friend' }), 'shared');
    });
    expect(store.customLevels('shared').map((c) => c.level.id)).toEqual(['from-a-friend']);
    expect(store.customLevels('mine').map((c) => c.level.id)).toEqual(['my-slashes']);
  });

  it('writes the origin only for a shared level, so rows of levels made here stay as version 1 wrote them', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.saveCustomLevel(sampleLevel());
    await store.saveCustomLevel(sampleLevel({ id: 'from-a-friend' }), 'shared');
    const rows = (await readRows(factory, 'customLevels')) as Record<string, unknown>[];
    expect(rows.map((r) => [r.id, r.origin])).toEqual([
      ['from-a-friend', 'shared'],
      ['my-slashes', undefined],
    ]);
  });

  it('carries the origin through a backup', async () => {
    const source = await openTestStore(new IDBFactory());
    await source.saveCustomLevel(sampleLevel(), 'shared');
    const restored = await openTestStore(new IDBFactory());
    await restored.importBackup(parseBackup(JSON.stringify(source.exportBackup())), 'replace');
    expect(origins(restored)).toEqual([['my-slashes', 'shared']]);
  });

  it('skips a stored level with an unknown origin, naming the field and the value', async () => {
    const factory = new IDBFactory();
    await (await openTestStore(factory)).close();
    const row = {
      id: 'my-slashes',
      savedAt: '2025-01-01T00:00:00.000Z',
      level: levelDocument(),
      origin: 'stolen',
    };
    await writeRows(factory, 'customLevels', [row]);
    const store = await openTestStore(factory);
    expect(store.customLevels()).toEqual([]);
    expect(store.skipped).toEqual([
      { store: 'customLevels', key: 'my-slashes', message: expect.stringMatching(/^origin: .*"stolen"/) },
    ]);
  });
});
