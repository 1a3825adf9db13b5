import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, NEW_LEVEL_DRAFT, openDatabase, type PlayerStore } from '../../src/storage';
import { openTestStore, readRows, writeRows } from './helpers';
import { OLD_DATABASES } from './old-databases';

const draft = { title: '', side: 5, classes: [{ name: 'A', train: [{ side: 5, values: [0, 1] }] }] };

async function reopened(work: (store: PlayerStore) => Promise<unknown>): Promise<PlayerStore> {
  const factory = new IDBFactory();
  const first = await openTestStore(factory);
  await work(first);
  await first.close();
  return openTestStore(factory);
}

describe("the level editor's unfinished levels", () => {
  it('keeps the draft of a level not saved yet across a reopen', async () => {
    const store = await reopened((s) => s.saveLevelDraft(NEW_LEVEL_DRAFT, draft));
    expect(store.levelDraft(NEW_LEVEL_DRAFT)?.draft).toEqual(draft);
  });

  it('keeps the draft of a saved level under its id', async () => {
    const store = await reopened((s) => s.saveLevelDraft('my-bars', draft));
    expect(store.levelDraft('my-bars')?.key).toBe('my-bars');
  });

  it('forgets a deleted draft', async () => {
    const store = await reopened(async (s) => {
      await s.saveLevelDraft('my-bars', draft);
      await s.deleteLevelDraft('my-bars');
    });
    expect(store.levelDraft('my-bars')).toBeUndefined();
  });

  it.each([
    { what: 'a key that is not an id', key: 'My Bars', value: draft, message: /^key: expected an id/ },
    {
      what: 'a number that JSON cannot hold',
      key: 'a',
      value: { side: Number.NaN },
      message: /^draft\.side: expected a finite number/,
    },
    {
      what: 'a date',
      key: 'a',
      value: { when: new Date(0) },
      message: /^draft\.when: expected plain JSON data/,
    },
  ])('refuses $what', async ({ key, value, message }) => {
    const store = await openTestStore(new IDBFactory());
    await expect(store.saveLevelDraft(key, value)).rejects.toThrow(message);
  });

  it('skips a stored draft that is not an object, naming the field', async () => {
    const factory = new IDBFactory();
    await (await openTestStore(factory)).close();
    await writeRows(factory, 'levelDrafts', [
      { key: 'my-bars', savedAt: '2025-01-01T00:00:00.000Z', draft: [1, 2] },
    ]);
    const store = await openTestStore(factory);
    expect(store.skipped).toEqual([
      {
        store: 'levelDrafts',
        key: 'my-bars',
        message: 'draft: expected an object but got a list of 2',
      },
    ]);
  });

  it('puts drafts in backups (issue 17: nothing lost when a browser is wiped)', async () => {
    const store = await openTestStore(new IDBFactory());
    await store.saveLevelDraft(NEW_LEVEL_DRAFT, draft);
    expect(store.exportBackup().levelDrafts.map((d) => [d.key, d.draft])).toEqual([[NEW_LEVEL_DRAFT, draft]]);
  });

  it('gives a version-1 database an empty drafts store that takes drafts', async () => {
    const factory = new IDBFactory();
    const old = await openDatabase(factory, DB_NAME, 1);
    await old.put('settings', { name: 'speed', value: 'fast' });
    old.close();
    const store = await openTestStore(factory);
    expect(await readRows(factory, 'levelDrafts')).toEqual([]);
    await store.saveLevelDraft(NEW_LEVEL_DRAFT, draft);
    expect(await readRows(factory, 'levelDrafts')).toHaveLength(1);
    expect(store.settings().speed).toBe('fast');
  });

  it('reads the drafts a version-2 database holds', async () => {
    const factory = new IDBFactory();
    const rows = OLD_DATABASES[2]?.rows.levelDrafts ?? [];
    await (await openTestStore(factory)).close();
    await writeRows(factory, 'levelDrafts', [...rows]);
    const store = await openTestStore(factory);
    expect(store.levelDraft(NEW_LEVEL_DRAFT)).toEqual(rows[0]);
  });
});
