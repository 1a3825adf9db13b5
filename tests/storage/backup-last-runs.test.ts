/**
 * Issue 13: each level's last judged run (its trained network, verdict and curves) travels in the
 * backup since backup version 3; older backups still import (with none), and a hostile run in a
 * backup refuses the whole file, naming the field.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { type CurvePoint, parseBackup } from '../../src/storage';
import {
  networkDocument,
  openTestStore,
  sampleNetwork,
  sampleWeights,
  sampleVerdict as verdict,
} from './helpers';

const curve: CurvePoint[] = [
  { step: 10, loss: 0.69, trainAccuracy: 0.5 },
  { step: 70, loss: 0.31, trainAccuracy: 0.75 },
  { step: 140, loss: 0.05, trainAccuracy: 1, testAccuracy: 0.75 },
];

const trained = () => sampleNetwork({ weights: sampleWeights() });

/** A version 3 backup holding one last run, as the game writes it. */
async function exported() {
  const store = await openTestStore(new IDBFactory());
  await store.saveLastRun({ levelId: 'x-vs-o', network: trained(), verdict, curve });
  return store.exportBackup();
}

/** The exported backup with its first last run changed by `change`. */
async function withRun(change: (run: Record<string, unknown>) => Record<string, unknown>): Promise<string> {
  const doc = JSON.parse(JSON.stringify(await exported()));
  doc.lastRuns[0] = change(doc.lastRuns[0]);
  return JSON.stringify(doc);
}

describe('last runs in a backup', () => {
  it('go out with the backup and come back, weights, verdict and curves, into the database', async () => {
    const backup = await exported();
    expect(backup.version).toBe(3);
    expect(backup.lastRuns.map((r) => r.levelId)).toEqual(['x-vs-o']);
    const factory = new IDBFactory();
    const target = await openTestStore(factory);
    await target.importBackup(parseBackup(JSON.stringify(backup)), 'replace');
    await target.close();
    // Read back from the database, not from memory.
    const run = (await openTestStore(factory)).lastRun('x-vs-o');
    expect(run?.verdict).toEqual(verdict);
    expect(run?.curve).toEqual(curve);
    expect(run?.network.weights?.[4]?.bias).toEqual([0.1, -0.1]);
  });

  it('merge keeps the newer run of the two', async () => {
    const backup = parseBackup(JSON.stringify(await exported()));
    const store = await openTestStore(new IDBFactory());
    await store.importBackup(backup, 'merge');
    expect(store.lastRun('x-vs-o')?.verdict.step).toBe(140);
  });

  it('opens a version 2 backup (made before last runs were backed up) with none', async () => {
    const { lastRuns: _runs, ...rest } = await exported();
    const backup = parseBackup(JSON.stringify({ ...rest, version: 2 }));
    expect(backup.contents.lastRuns.size).toBe(0);
    expect(() => parseBackup(JSON.stringify({ ...(rest as object), version: 2, lastRuns: [] }))).toThrow(
      'lastRuns: unknown field "lastRuns"',
    );
    expect(() => parseBackup(JSON.stringify(rest))).toThrow('lastRuns: is missing');
  });

  it('opens a run kept before curves were kept, without curves', async () => {
    const text = await withRun(({ curve: _c, ...run }) => run);
    expect(parseBackup(text).contents.lastRuns.get('x-vs-o')?.curve).toBeUndefined();
  });

  const point = (step: number) => ({ step, loss: 0.5, trainAccuracy: 0.5 });
  it.each<[string, (run: Record<string, unknown>) => Record<string, unknown>, string]>([
    [
      'a verdict with stars on a loss',
      (run) => ({ ...run, verdict: { ...verdict, won: false } }),
      'lastRuns[0].verdict.stars: a lost run cannot have 2 stars',
    ],
    [
      'a network without its weights',
      (run) => ({ ...run, network: networkDocument() }),
      'lastRuns[0].network.weights: is missing',
    ],
    [
      'a network for another level',
      (run) => ({ ...run, levelId: 'slash-2x2' }),
      'lastRuns[0].network.level: expected "slash-2x2" but got "x-vs-o"',
    ],
    [
      'a curve too long to be a kept one',
      (run) => ({ ...run, curve: Array.from({ length: 201 }, (_, i) => point(i)) }),
      'lastRuns[0].curve: may hold at most 200 items but has 201',
    ],
    [
      'a curve whose steps go back',
      (run) => ({ ...run, curve: [point(5), point(5)] }),
      'lastRuns[0].curve[1].step: expected a step after 5 but got 5',
    ],
    [
      'a curve past the judged step',
      (run) => ({ ...run, curve: [point(141)] }),
      'lastRuns[0].curve[0].step: expected a whole number from 0 to 140 but got 141',
    ],
    [
      'a loss that is not a number',
      (run) => ({ ...run, curve: [{ ...point(1), loss: 'NaN' }] }),
      'lastRuns[0].curve[0].loss: expected a number from 0 to 1000000 but got "NaN"',
    ],
    [
      'an accuracy over 1',
      (run) => ({ ...run, curve: [{ ...point(1), testAccuracy: 3 }] }),
      'lastRuns[0].curve[0].testAccuracy: expected a number from 0 to 1 but got 3',
    ],
    ['an unknown field', (run) => ({ ...run, notes: 'hi' }), 'lastRuns[0].notes: unknown field "notes"'],
  ])('refuses %s, naming the field', async (_what, change, message) => {
    const text = await withRun(change);
    expect(() => parseBackup(text)).toThrow(message);
  });

  it('refuses the same level twice', async () => {
    const doc = JSON.parse(JSON.stringify(await exported()));
    doc.lastRuns.push(doc.lastRuns[0]);
    expect(() => parseBackup(JSON.stringify(doc))).toThrow(
      'lastRuns[1].levelId: "x-vs-o" appears twice in lastRuns',
    );
  });
});
