import { describe, expect, it } from 'vitest';
import { randomIndex } from '../../src/editor/random';
import { seededRandom } from '../../src/spec';

describe('the seeded generator', () => {
  it('repeats its sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it('stays in [0, 1)', () => {
    const random = seededRandom(1);
    const values = Array.from({ length: 1000 }, random);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('reaches every index of a small range', () => {
    const random = seededRandom(9);
    const seen = new Set(Array.from({ length: 200 }, () => randomIndex(random, 5)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
