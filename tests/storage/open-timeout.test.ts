/**
 * Issue 18, failure 6: an IndexedDB whose open never answers. The store gives up after a while (on
 * the injected timers, so the test does not wait), says why, and the game runs from memory.
 */
import { describe, expect, it } from 'vitest';
import { MEMORY_ONLY_REASONS, OPEN_TIMEOUT_MS, type PlayerStore } from '../../src/storage';
import { ManualTimers } from '../fixtures/manual-timers';
import { silentFactory } from './fault-factories';
import { openTestStore, win } from './helpers';

/** The store, or 'still waiting' when opening has not settled once the event loop has turned. */
async function settled(opening: Promise<PlayerStore>): Promise<PlayerStore | 'still waiting'> {
  const turn = new Promise<'still waiting'>((resolve) => setImmediate(() => resolve('still waiting')));
  return Promise.race([opening, turn]);
}

describe('when IndexedDB never answers', () => {
  it('waits no longer than the timeout, then works from memory and says why', async () => {
    const timers = new ManualTimers();
    const opening = openTestStore(silentFactory().factory, timers);
    timers.advance(OPEN_TIMEOUT_MS);
    const store = await settled(opening);
    expect(store === 'still waiting' ? store : store.status).toEqual({
      state: 'memory-only',
      reason: MEMORY_ONLY_REASONS.timeout,
    });
  });

  it('is still waiting just before the timeout', async () => {
    const timers = new ManualTimers();
    const opening = openTestStore(silentFactory().factory, timers);
    timers.advance(OPEN_TIMEOUT_MS - 1);
    expect(await settled(opening)).toBe('still waiting');
  });

  it('keeps a win in memory', async () => {
    const timers = new ManualTimers();
    const opening = openTestStore(silentFactory().factory, timers);
    timers.advance(OPEN_TIMEOUT_MS);
    const store = await settled(opening);
    if (store === 'still waiting') throw new Error('the store is still waiting for IndexedDB');
    await store.recordResult('x-vs-o', win());
    expect(store.progress('x-vs-o')?.won).toBe(true);
  });
});
