/**
 * Issue 18, failure 2: a level that arrives (a link, a file, a backup) never replaces a different
 * level that has the same id; it is kept beside it under a new id. Identical content is the same level.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/storage';
import { levelDocument, openTestStore, sampleLevel } from './helpers';

const homework = () => sampleLevel({ id: 'my-homework', title: 'My homework' });
const intruder = () => sampleLevel({ id: 'my-homework', title: 'Not yours' });

describe('a shared level whose id is taken', () => {
  it('is kept beside the player’s own level under a new id', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.saveCustomLevel(homework());
    const saved = await store.saveCustomLevel(intruder(), 'shared');
    const reopened = await openTestStore(factory);
    expect(saved.level.id).not.toBe('my-homework');
    expect(reopened.customLevels().map((c) => [c.level.id, c.level.title])).toEqual([
      ['my-homework', 'My homework'],
      [saved.level.id, 'Not yours'],
    ]);
  });

  it('is the same level when its content is identical', async () => {
    const store = await openTestStore(new IDBFactory());
    await store.saveCustomLevel(homework());
    const saved = await store.saveCustomLevel(homework(), 'shared');
    expect([saved.level.id, store.customLevels().length]).toEqual(['my-homework', 1]);
  });
});

describe('a backup whose level id is taken', () => {
  const backupWith = (level: Record<string, unknown>) =>
    JSON.stringify({
      kind: 'convblocks/backup',
      version: 1,
      exportedAt: '2030-01-01T00:00:00.000Z',
      progress: [],
      workspaces: [],
      networks: [],
      customLevels: [{ id: level.id, savedAt: '2030-01-01T00:00:00.000Z', level }],
      settings: {},
    });

  it('keeps both levels when merged', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.saveCustomLevel(homework());
    const backup = parseBackup(backupWith(levelDocument({ id: 'my-homework', title: 'Not yours' })));
    await store.importBackup(backup, 'merge');
    const reopened = await openTestStore(factory);
    expect(reopened.customLevels().map((c) => c.level.title)).toEqual(['My homework', 'Not yours']);
  });

  it('refuses a level with a built-in id, naming it', () => {
    const text = backupWith(levelDocument({ id: 'slash-2x2' }));
    expect(() => parseBackup(text, { builtInLevelIds: ['slash-2x2'] })).toThrow(
      'customLevels[0].id: "slash-2x2" is the id of a built-in level; a backup cannot replace it',
    );
  });
});
