import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { mergeProgress, type ProgressRecord } from '../../src/storage';
import { ManualClock, openTestStore, readRows, win } from './helpers';

const record = (changes: Partial<ProgressRecord> = {}): ProgressRecord => ({
  levelId: 'x-vs-o',
  won: true,
  stars: 1,
  bestAccuracy: 0.9,
  fewestParams: 200,
  fewestSteps: 100,
  wonAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...changes,
});

describe('mergeProgress', () => {
  it.each([
    ['more stars', { stars: 3 }, 'stars', 3],
    ['better accuracy', { bestAccuracy: 1 }, 'bestAccuracy', 1],
    ['fewer parameters', { fewestParams: 50 }, 'fewestParams', 50],
    ['fewer steps', { fewestSteps: 20 }, 'fewestSteps', 20],
    ['the first win', { wonAt: '2024-12-24T00:00:00.000Z' }, 'wonAt', '2024-12-24T00:00:00.000Z'],
    [
      'the last improvement',
      { updatedAt: '2025-06-01T00:00:00.000Z' },
      'updatedAt',
      '2025-06-01T00:00:00.000Z',
    ],
  ] as const)('keeps %s from either side', (_what, better, field, value) => {
    expect(mergeProgress(record(), record(better))[field]).toBe(value);
    expect(mergeProgress(record(better), record())[field]).toBe(value);
  });

  it('never forgets a win for a later loss', () => {
    const lost = record({ won: false, stars: 0, fewestParams: null, fewestSteps: null, wonAt: null });
    expect(mergeProgress(record(), lost)).toEqual(record());
  });
});

describe('recording results', () => {
  it('writes a win at once, with no timer to wait for', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.recordResult('x-vs-o', win());
    expect(await readRows(factory, 'progress')).toEqual([store.progress('x-vs-o')]);
  });

  it('stamps the first win with the clock', async () => {
    const clock = new ManualClock('2025-05-05T05:05:05.000Z');
    const store = await openTestStore(new IDBFactory(), undefined, clock);
    expect((await store.recordResult('x-vs-o', win())).wonAt).toBe('2025-05-05T05:05:05.000Z');
  });

  it('keeps the better of an old and a new attempt, field by field', async () => {
    const store = await openTestStore(new IDBFactory());
    await store.recordResult('x-vs-o', win({ stars: 3, params: 300, steps: 50 }));
    const merged = await store.recordResult('x-vs-o', win({ stars: 1, params: 100, steps: 90 }));
    expect(merged).toMatchObject({ stars: 3, fewestParams: 100, fewestSteps: 50 });
  });

  it('keeps the first win date when a later attempt is no better', async () => {
    const clock = new ManualClock('2025-01-01T00:00:00.000Z');
    const store = await openTestStore(new IDBFactory(), undefined, clock);
    await store.recordResult('x-vs-o', win());
    clock.advance(60_000);
    expect((await store.recordResult('x-vs-o', win())).updatedAt).toBe('2025-01-01T00:00:00.000Z');
  });

  it('records the best accuracy of a level not won yet, with no stars or bests', async () => {
    const store = await openTestStore(new IDBFactory());
    const result = await store.recordResult('x-vs-o', {
      won: false,
      stars: 2,
      accuracy: 0.5,
      params: 9,
      steps: 9,
    });
    expect(result).toMatchObject({
      won: false,
      stars: 0,
      bestAccuracy: 0.5,
      fewestParams: null,
      wonAt: null,
    });
  });

  it('refuses a result that makes no sense, naming the field', async () => {
    const store = await openTestStore(new IDBFactory());
    await expect(store.recordResult('x-vs-o', win({ accuracy: 1.5 }))).rejects.toThrow(
      'bestAccuracy: expected a number from 0 to 1 but got 1.5',
    );
  });
});
