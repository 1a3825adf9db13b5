/**
 * Issue 18, failure 1: two tabs on one database. Each tab holds its own copy in memory, so a tab
 * that writes what it remembers would overwrite what the other tab won since; progress is merged
 * with what the database holds in the same transaction instead, and tabs tell each other.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { PlayerStore } from '../../src/storage';
import { ManualClock, openTestStore, sampleLevel, sampleNetwork, win } from './helpers';

const loss = { won: false, stars: 0, accuracy: 0.5, params: 40, steps: 300 };

/** Resolves the next time `store` hears that another tab changed something. */
const nextChange = (store: PlayerStore) =>
  new Promise<void>((resolve) => {
    const stop = store.onContentsChange(() => {
      stop();
      resolve();
    });
  });

describe('two tabs on one database', () => {
  it('never lets a stale tab write a loss over the other tab’s win', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    await tabA.recordResult('slash-2x2', win({ stars: 3 }));
    await tabB.recordResult('slash-2x2', loss);
    const reopened = await openTestStore(factory);
    expect(reopened.progress('slash-2x2')).toMatchObject({ won: true, stars: 3 });
  });

  it('never lets fewer stars replace more', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    await tabA.recordResult('x-vs-o', win({ stars: 3, params: 90, steps: 50 }));
    await tabB.recordResult('x-vs-o', win({ stars: 1, params: 200, steps: 40 }));
    const reopened = await openTestStore(factory);
    expect(reopened.progress('x-vs-o')).toMatchObject({ stars: 3, fewestParams: 90, fewestSteps: 40 });
  });

  it('gives the stale tab the merged record back', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    await tabA.recordResult('slash-2x2', win());
    expect(await tabB.recordResult('slash-2x2', loss)).toMatchObject({ won: true });
  });

  it('tells the other tab, which then shows the win without a reload', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    const heard = nextChange(tabB);
    await tabA.recordResult('slash-2x2', win());
    await heard;
    expect(tabB.progress('slash-2x2')?.won).toBe(true);
  });

  it('tells the other tab of a level saved there', async () => {
    const factory = new IDBFactory();
    const tabA = await openTestStore(factory);
    const tabB = await openTestStore(factory);
    const heard = nextChange(tabB);
    await tabA.saveCustomLevel(sampleLevel());
    await heard;
    expect(tabB.customLevels().map((c) => c.level.id)).toEqual(['my-slashes']);
  });

  describe('editing one level’s workbench', () => {
    /** Two tabs on one database and one clock (one computer); A edits first, B a second later. */
    async function twoEdits() {
      const factory = new IDBFactory();
      const clock = new ManualClock();
      const tabA = await openTestStore(factory, undefined, clock);
      const tabB = await openTestStore(factory, undefined, clock);
      tabA.saveWorkspace('x-vs-o', sampleNetwork({ name: 'older, from A' }));
      clock.advance(1000);
      tabB.saveWorkspace('x-vs-o', sampleNetwork({ name: 'newer, from B' }));
      return { factory, tabA, tabB };
    }

    it('keeps the newer edit when the older one is written last', async () => {
      const { factory, tabA, tabB } = await twoEdits();
      expect(await tabB.flush()).toBe(true);
      expect(await tabA.flush()).toBe(true);
      const reopened = await openTestStore(factory);
      expect(reopened.workspace('x-vs-o')?.name).toBe('newer, from B');
    });

    it('keeps the newer edit when it is written last', async () => {
      const { factory, tabA, tabB } = await twoEdits();
      expect(await tabA.flush()).toBe(true);
      expect(await tabB.flush()).toBe(true);
      const reopened = await openTestStore(factory);
      expect(reopened.workspace('x-vs-o')?.name).toBe('newer, from B');
    });

    it('gives a tab holding an older unwritten edit the newer one it hears of', async () => {
      const { tabA, tabB } = await twoEdits();
      const heard = nextChange(tabA);
      await tabB.flush();
      await heard;
      expect(tabA.workspace('x-vs-o')?.name).toBe('newer, from B');
    });

    it('keeps a tab’s own newer unwritten edit over an older one it hears of', async () => {
      const factory = new IDBFactory();
      const clock = new ManualClock();
      const tabA = await openTestStore(factory, undefined, clock);
      const tabB = await openTestStore(factory, undefined, clock);
      tabB.saveWorkspace('x-vs-o', sampleNetwork({ name: 'older, from B' }));
      clock.advance(1000);
      tabA.saveWorkspace('x-vs-o', sampleNetwork({ name: 'newer, from A' }));
      const heard = nextChange(tabA);
      await tabB.flush();
      await heard;
      expect(tabA.workspace('x-vs-o')?.name).toBe('newer, from A');
      await tabA.flush();
      expect((await openTestStore(factory)).workspace('x-vs-o')?.name).toBe('newer, from A');
    });
  });
});
