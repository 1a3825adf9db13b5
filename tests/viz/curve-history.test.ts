import { describe, expect, it } from 'vitest';
import { CURVE_CAPACITY, CurveHistory } from '../../src/viz/curve-history';
import type { HistoryPoint } from '../../src/viz/types';

/** A learning curve: loss falling from ln 2, accuracy rising to 1, a check every 5 steps. */
const check = (i: number): HistoryPoint => ({
  step: 5 * (i + 1),
  loss: Math.log(2) * Math.exp(-i / 3000),
  trainAccuracy: 1 - 0.5 * Math.exp(-i / 2000),
});

describe('the learning curves’ history', () => {
  it('keeps every check while there is room', () => {
    const history = new CurveHistory(8);
    for (let i = 0; i < 7; i++) history.push(check(i));
    expect(history.points).toEqual(Array.from({ length: 7 }, (_, i) => check(i)));
  });

  it('stays bounded after 100,000 checks and keeps the curve’s shape', () => {
    const history = new CurveHistory();
    let most = 0;
    for (let i = 0; i < 100_000; i++) {
      history.push(check(i));
      most = Math.max(most, history.points.length);
    }
    const { points } = history;
    expect(most).toBeLessThanOrEqual(CURVE_CAPACITY);
    // Not thinned to a handful: between half and all of the capacity.
    expect(points.length).toBeGreaterThanOrEqual(CURVE_CAPACITY / 2);
    // The newest check is the last point, exactly.
    expect(points.at(-1)).toEqual(check(99_999));
    // Steps rise, evenly: every kept point but the newest stands for the same number of checks.
    const gaps = points.slice(1, -1).map((p, i) => p.step - (points[i] as HistoryPoint).step);
    expect(new Set(gaps)).toEqual(new Set([5 * history.checksPerPoint]));
    // Each point is its stretch's mean, so it lies on the curve within the curve's change over the stretch.
    const span = history.checksPerPoint;
    for (const p of points) {
      const i = p.step / 5 - 1;
      const first = check(Math.max(0, i - span + 1));
      expect(p.loss).toBeLessThanOrEqual(first.loss + 1e-12);
      expect(p.loss).toBeGreaterThanOrEqual(check(i).loss - 1e-12);
      expect(p.trainAccuracy).toBeGreaterThanOrEqual(first.trainAccuracy - 1e-12);
      expect(p.trainAccuracy).toBeLessThanOrEqual(check(i).trainAccuracy + 1e-12);
    }
  });

  it('carries a judged test accuracy through merges', () => {
    const history = new CurveHistory(4);
    for (let i = 0; i < 40; i++) {
      history.push(i === 20 ? { ...check(i), testAccuracy: 0.75 } : check(i));
    }
    expect(history.points.filter((p) => p.testAccuracy === 0.75)).toHaveLength(1);
  });

  it('refuses a capacity it cannot halve', () => {
    expect(() => new CurveHistory(5)).toThrow('not 5');
  });
});
