import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { packLevelId, parsePack } from '../../src/spec';
import { parseBackup } from '../../src/storage';
import { packDocument } from '../fixtures/packs';
import { openTestStore, readRows, win } from './helpers';

const pack = parsePack(packDocument());

describe('packs in storage', () => {
  it('keeps an opened pack once, under its id, and finds it after a reload', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.savePack(pack);
    await store.savePack(pack);
    expect(await readRows(factory, 'packs')).toHaveLength(1);
    const again = await openTestStore(factory);
    expect(again.packs().map((p) => [p.id, p.pack])).toEqual([[pack.id, pack]]);
  });

  it('keeps progress in a pack apart from the same level elsewhere', async () => {
    const store = await openTestStore(new IDBFactory());
    await store.savePack(pack);
    await store.recordResult(packLevelId(pack.id, 0), win({ stars: 2 }));
    expect(store.progress(packLevelId(pack.id, 0))?.stars).toBe(2);
    expect(store.progress('my-slashes')).toBeUndefined();
    expect(store.progress(packLevelId(pack.id, 1))).toBeUndefined();
  });

  it('keeps the packs opened here when a backup replaces everything', async () => {
    const store = await openTestStore(new IDBFactory());
    await store.savePack(pack);
    const backup = parseBackup(JSON.stringify(store.exportBackup()));
    await store.importBackup(backup, 'replace');
    expect(store.packs().map((p) => p.id)).toEqual([pack.id]);
  });
});
