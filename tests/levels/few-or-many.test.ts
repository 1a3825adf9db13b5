/**
 * The few-or-many level (average pooling): its pictures are built so that a max pool cannot tell
 * the classes apart and an average pool can. Checked on the committed file with the engine's own
 * pooling kernel, so a change of data or of pooling that broke the idea fails here.
 */
import { describe, expect, it } from 'vitest';
import { poolForward, windowGeometry } from '../../src/engine/plain-windows';
import { type Example, inferShapes, type Padding, parseLevel } from '../../src/spec';
import { readLevelFile } from './built-in-levels';

const level = parseLevel(readLevelFile('few-or-many.json'));
const examples = [...level.train, ...level.test];
const SIDE = 8;

/** The engine's pooling of one picture with `size` windows (stride as big), as plain numbers. */
function pooled(
  example: Example,
  op: 'max' | 'avg',
  size: number,
  stride = size,
  padding: Padding = 'valid',
): number[] {
  const geometry = windowGeometry([SIDE, SIDE, 1], size, stride, padding);
  const out = new Float32Array(geometry.outH * geometry.outW);
  poolForward(geometry, op, 1, Float32Array.from(example.pixels), out);
  return [...out];
}

/** The drops of a picture as `[y, x]` points. */
const drops = (example: Example): [number, number][] =>
  example.pixels.flatMap((value, at): [number, number][] =>
    value === 1 ? [[Math.floor(at / SIDE), at % SIDE]] : [],
  );

describe('the few-or-many level', () => {
  it('comes after stride-and-padding, with a hidden test of at least 8 pictures of each class', () => {
    const ids = (readLevelFile('index.json') as { levels: string[] }).levels;
    expect(ids.indexOf('few-or-many')).toBeGreaterThan(ids.indexOf('stride-and-padding'));
    for (const label of level.classes) {
      expect(level.test.filter((example) => example.label === label).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('has drops of 1 on dry 0, 4 to 6 for few and 9 to 12 for many, never touching', () => {
    for (const example of examples) {
      expect(example.pixels.every((value) => value === 0 || value === 1)).toBe(true);
      const points = drops(example);
      const [least, most] = example.label === 'few' ? [4, 6] : [9, 12];
      expect(points.length).toBeGreaterThanOrEqual(least);
      expect(points.length).toBeLessThanOrEqual(most);
      for (const [i, [y, x]] of points.entries()) {
        const touching = points.slice(i + 1).filter(([v, u]) => Math.abs(v - y) <= 1 && Math.abs(u - x) <= 1);
        expect(touching).toEqual([]);
      }
    }
  });

  it('gives a max pool over quarters or the whole screen the same numbers for every picture', () => {
    for (const size of [4, 8]) {
      const seen = new Set(examples.map((example) => JSON.stringify(pooled(example, 'max', size))));
      expect([...seen]).toEqual([JSON.stringify(size === 4 ? [1, 1, 1, 1] : [1])]);
    }
  });

  it('leaves every max pool the budget allows under the goal, even with the best rule for its numbers', () => {
    // A Pool on the pictures, then Flatten and Dense: 2n + 2 parameters for n pooled numbers, so at
    // most 5 numbers fit the 12. A 1x1 Conv before it only flips or shifts what the max keeps.
    const best: string[] = [];
    let checked = 0;
    for (const padding of ['valid', 'same'] as const) {
      for (let size = 1; size <= SIDE; size++) {
        for (let stride = 1; stride <= SIDE; stride++) {
          const shape = inferShapes(level.input, [{ type: 'pool', op: 'max', size, stride, padding }]);
          if (
            shape.errorAt !== -1 ||
            2 * pooled(examples[0] as Example, 'max', size, stride, padding).length + 2 > 12
          )
            continue;
          checked++;
          // The best any rule can do on the hidden test: the commoner class for each set of numbers.
          const votes = new Map<string, Map<string, number>>();
          for (const example of level.test) {
            const key = JSON.stringify(pooled(example, 'max', size, stride, padding));
            const counts = votes.get(key) ?? new Map<string, number>();
            counts.set(example.label, (counts.get(example.label) ?? 0) + 1);
            votes.set(key, counts);
          }
          const right = [...votes.values()].reduce((sum, counts) => sum + Math.max(...counts.values()), 0);
          if (right / level.test.length >= level.goal.testAccuracy) best.push(`${size}/${stride} ${padding}`);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(best).toEqual([]);
  });

  it('gives an average pool over the whole screen a number that splits the classes: drops / 64', () => {
    const wetness = (label: string) =>
      examples
        .filter((example) => example.label === label)
        .map((example) => pooled(example, 'avg', 8)[0] as number);
    expect(Math.max(...wetness('few'))).toBeCloseTo(6 / 64, 6);
    expect(Math.min(...wetness('many'))).toBeCloseTo(9 / 64, 6);
    const first = examples[0] as Example;
    expect(pooled(first, 'avg', 8)[0]).toBeCloseTo(drops(first).length / 64, 6);
  });

  it('keeps its starter a max pool that fits the budget, and its star proof at 4 parameters', () => {
    expect(level.starter?.[0]).toMatchObject({ type: 'pool', op: 'max', size: 4 });
    expect(inferShapes(level.input, level.starter ?? []).totalParams).toBeLessThanOrEqual(12);
    const star = level.stars.find((rule) => 'maxParams' in rule);
    expect(star?.proof?.layers[0]).toMatchObject({ type: 'pool', op: 'avg', size: 8 });
    expect(inferShapes(level.input, star?.proof?.layers ?? []).totalParams).toBe(4);
  });
});
