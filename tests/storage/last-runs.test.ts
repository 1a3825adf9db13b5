/**
 * Issue 13, point 9: a level's last judged run (the network with its trained weights, and the
 * verdict) is kept, so a reload brings back what was won. Read back as untrusted input, written
 * without replacing a newer run another tab kept, and old databases open with it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/spec';
import {
  type CurvePoint,
  DB_NAME,
  type KeptVerdict,
  keptCurve,
  MAX_CURVE_POINTS,
  openDatabase,
} from '../../src/storage';
import {
  ManualClock,
  openTestStore,
  readRows,
  sampleNetwork,
  sampleWeights,
  sampleVerdict as verdict,
  writeRows,
} from './helpers';
import { lastRunRows, OLD_DATABASES } from './old-databases';

const trained = () => parseNetwork({ ...(sampleNetwork() as object), weights: sampleWeights() });

/** A stored row for level `levelId` (its network built for that level unless `changes` says otherwise). */
const row = (
  levelId: string,
  changes: Record<string, unknown> = {},
  verdictChanges: Record<string, unknown> = {},
) => ({
  levelId,
  savedAt: '2025-03-01T10:00:00.000Z',
  network: { ...(sampleNetwork() as object), level: levelId, weights: sampleWeights() },
  verdict: { ...verdict, ...verdictChanges },
  ...changes,
});

describe("a level's last judged run", () => {
  it('is written with its weights and verdict and read back the same after a reopen', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict });
    await store.close();
    const reopened = await openTestStore(factory);
    const run = reopened.lastRun('x-vs-o');
    expect(run?.verdict).toEqual(verdict);
    expect(run?.network.weights?.[0]?.kernel[3]).toBeCloseTo(3 / 10 - 0.9, 12);
    expect(run?.network.weights?.[4]?.bias).toEqual([0.1, -0.1]);
    expect(run?.network.layers).toEqual(sampleNetwork().layers);
    expect(reopened.skipped).toEqual([]);
  });

  it('refuses hostile rows, naming the field, and loads none of them', async () => {
    const factory = new IDBFactory();
    await (await openTestStore(factory)).close();
    const { weights: _w, ...untrained } = row('f').network as Record<string, unknown>;
    const cases: [Record<string, unknown>, string][] = [
      [row('a', {}, { stars: 1, won: false }), 'verdict.stars: a lost run cannot have 1 stars'],
      [row('b', {}, { probabilities: [0.5, 0.5, 0.5] }), 'verdict.probabilities: expected a whole number'],
      [
        row('c', {}, { probabilities: [...verdict.probabilities.slice(1), 1.5] }),
        'verdict.probabilities[7]:',
      ],
      [row('d', {}, { predicted: [0, 1, 'x', 0] }), 'verdict.predicted[2]:'],
      [row('e', {}, { reason: 'stopped' }), 'verdict.reason:'],
      [row('f', { network: untrained }), 'network.weights: is missing'],
      [
        row('g', { network: { ...(sampleNetwork() as object), weights: sampleWeights() } }),
        'network.level: expected "g" but got "x-vs-o"',
      ],
      [row('h', {}, { step: -1 }), 'verdict.step:'],
    ];
    await writeRows(
      factory,
      'lastRuns',
      cases.map(([r]) => r),
    );
    const store = await openTestStore(factory);
    for (const [r, message] of cases) {
      const id = String(r.levelId);
      expect(store.lastRun(id)).toBeUndefined();
      const skipped = store.skipped.find((s) => s.key === id);
      expect(skipped?.store).toBe('lastRuns');
      expect(skipped?.message).toContain(message);
    }
    expect(store.skipped).toHaveLength(cases.length);
  });

  it('never replaces a newer run another tab kept meanwhile', async () => {
    const factory = new IDBFactory();
    const early = new ManualClock('2025-03-01T10:00:00.000Z');
    const late = new ManualClock('2025-03-01T10:05:00.000Z');
    const tabA = await openTestStore(factory, undefined, late);
    const tabB = await openTestStore(factory, undefined, early);
    await tabA.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict });
    await tabB.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict: { ...verdict, step: 9 } });
    const rows = (await readRows(factory, 'lastRuns')) as { savedAt: string; verdict: KeptVerdict }[];
    expect(rows.map((r) => [r.savedAt, r.verdict.step])).toEqual([['2025-03-01T10:05:00.000Z', 140]]);
    // A later run of the same tab does replace its own earlier one.
    late.advance(1000);
    await tabA.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict: { ...verdict, step: 77 } });
    const after = (await readRows(factory, 'lastRuns')) as { verdict: KeptVerdict }[];
    expect(after.map((r) => r.verdict.step)).toEqual([77]);
  });

  it('has a place in a version-2 database once opened, and a version-3 run reads back', async () => {
    const factory = new IDBFactory();
    const old = await openDatabase(factory, DB_NAME, 2);
    expect([...old.objectStoreNames]).not.toContain('lastRuns');
    old.close();
    const store = await openTestStore(factory);
    expect(store.lastRun('x-vs-o')).toBeUndefined();
    await store.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict });
    expect(await readRows(factory, 'lastRuns')).toHaveLength(1);

    const v3 = new IDBFactory();
    const db = await openDatabase(v3, DB_NAME, 3);
    db.close();
    await writeRows(v3, 'lastRuns', [...(OLD_DATABASES[3]?.rows.lastRuns ?? [])]);
    const reopened = await openTestStore(v3);
    expect(reopened.skipped).toEqual([]);
    const kept = lastRunRows[0];
    expect(reopened.lastRun('x-vs-o')?.verdict).toEqual(kept?.verdict);
    expect(reopened.lastRun('x-vs-o')?.network.weights?.[0]?.bias).toEqual([0, 0.5]);
  });
});

describe("a last run's curves", () => {
  const point = (step: number, loss = 1 / (step + 1)): CurvePoint => ({ step, loss, trainAccuracy: 0.5 });

  it('are kept with the run and read back, and a run kept before curves opens without them', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    const curve = [point(10), point(20), { ...point(140), testAccuracy: 0.75 }];
    await store.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict, curve });
    await writeRows(factory, 'lastRuns', [row('slash-2x2')]);
    await store.close();
    const reopened = await openTestStore(factory);
    expect(reopened.lastRun('x-vs-o')?.curve).toEqual(curve);
    expect(reopened.lastRun('slash-2x2')?.curve).toBeUndefined();
    expect(reopened.lastRun('slash-2x2')?.verdict).toEqual(verdict);
    expect(reopened.skipped).toEqual([]);
  });

  it('keep at most 200 points of a long run, its first and last among them, steps rising', () => {
    const long = Array.from({ length: 1000 }, (_, i) => point(i + 1));
    const kept = keptCurve(long, 1000);
    expect(kept).toHaveLength(MAX_CURVE_POINTS);
    expect(kept[0]).toEqual(long[0]);
    expect(kept.at(-1)).toEqual(long.at(-1));
    expect(kept.every((p, i) => i === 0 || p.step > (kept[i - 1] as CurvePoint).step)).toBe(true);
    expect(keptCurve(long.slice(0, 50), 1000)).toEqual(long.slice(0, 50));
  });

  it('keep only the judged run: none from before a restart, none past the verdict, none out of range', () => {
    const curve = [point(1), point(2), point(3), point(1), point(2), point(3), point(4)];
    expect(keptCurve(curve, 3).map((p) => p.step)).toEqual([1, 2, 3]);
    const odd = [point(1), { ...point(2), loss: Number.NaN }, { ...point(3), trainAccuracy: 2 }, point(4)];
    expect(keptCurve(odd, 10).map((p) => p.step)).toEqual([1, 4]);
  });

  it('refuse a stored curve that a reader should not trust, naming the field', async () => {
    const factory = new IDBFactory();
    await (await openTestStore(factory)).close();
    await writeRows(factory, 'lastRuns', [
      row('a', { curve: Array.from({ length: 201 }, (_, i) => point(i)) }),
      row('b', { curve: [point(3), point(2)] }),
      row('c', { curve: [{ ...point(3), loss: -1 }] }),
    ]);
    const store = await openTestStore(factory);
    expect(store.skipped.map((s) => s.message)).toEqual([
      expect.stringContaining('curve: may hold at most 200 items'),
      expect.stringContaining('curve[1].step: expected a step after 3 but got 2'),
      expect.stringContaining('curve[0].loss: expected a number from 0 to 1000000 but got -1'),
    ]);
  });
});
