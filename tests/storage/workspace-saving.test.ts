import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_SAVE_DELAY_MS } from '../../src/storage';
import { ManualTimers } from '../fixtures/manual-timers';
import { openTestStore, readRows, sampleNetwork } from './helpers';

async function setup() {
  const factory = new IDBFactory();
  const timers = new ManualTimers();
  const store = await openTestStore(factory, timers);
  const savedNames = async () =>
    ((await readRows(factory, 'workspaces')) as { network: { name: string } }[]).map(
      (row) => row.network.name,
    );
  return { factory, timers, store, savedNames };
}

describe('saving the workbench', () => {
  it('shows a change at once, before it is written', async () => {
    const { store } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v1' }));
    expect(store.workspace('x-vs-o')?.name).toBe('v1');
  });

  it('does not write before the delay is over', async () => {
    const { store, timers, savedNames } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v1' }));
    timers.advance(WORKSPACE_SAVE_DELAY_MS - 1);
    expect(await savedNames()).toEqual([]);
  });

  it('writes when the delay is over', async () => {
    const { store, timers, savedNames } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v1' }));
    timers.advance(WORKSPACE_SAVE_DELAY_MS);
    expect(await savedNames()).toEqual(['v1']);
  });

  it('writes the latest of several quick changes together, once', async () => {
    const { store, timers, savedNames } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v1' }));
    timers.advance(200);
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v2' }));
    expect(timers.pending).toBe(1);
    timers.advance(WORKSPACE_SAVE_DELAY_MS - 200);
    expect(await savedNames()).toEqual(['v2']);
  });

  it('keeps writing every half second while the player keeps editing', async () => {
    const { store, timers, savedNames } = await setup();
    for (let i = 1; i <= 12; i++) {
      store.saveWorkspace('x-vs-o', sampleNetwork({ name: `v${i}` }));
      timers.advance(100);
    }
    expect(await savedNames()).toEqual(['v10']);
  });

  it('writes the workbenches of several levels in one go', async () => {
    const { store, timers, factory } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork());
    store.saveWorkspace('happy-face', sampleNetwork({ level: 'happy-face' }));
    timers.advance(WORKSPACE_SAVE_DELAY_MS);
    const rows = (await readRows(factory, 'workspaces')) as { levelId: string }[];
    expect(rows.map((row) => row.levelId)).toEqual(['happy-face', 'x-vs-o']);
  });

  it('writes at once when flushed, and cancels the timer', async () => {
    const { store, timers, savedNames } = await setup();
    store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'v1' }));
    await store.flush();
    expect({ saved: await savedNames(), pending: timers.pending }).toEqual({ saved: ['v1'], pending: 0 });
  });

  it('flushes with nothing waiting without writing anything', async () => {
    const { store, savedNames } = await setup();
    await store.flush();
    expect(await savedNames()).toEqual([]);
  });

  it('refuses a level id that is not an id, naming it', async () => {
    const { store } = await setup();
    expect(() => store.saveWorkspace('X vs O', sampleNetwork())).toThrow(
      'levelId: expected an id (lowercase letters, digits and dashes) but got "X vs O"',
    );
  });
});
