/**
 * The colours level forces colour: its pictures are built so that a network blind to colour, or to
 * the red or the blue channel, has identical inputs for pictures of different classes, whatever its
 * blocks. (`convblocks check` proves the reference, the stars and the traps by training.)
 */
import { describe, expect, it } from 'vitest';
import { inferShapes, type LevelSpec, parseLevel } from '../../src/spec';
import { readLevelFile } from './built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('colours.json'));
const examples = [...level.train, ...level.test];

/** Each class's pictures as seen through `view` (one key per picture), sorted. */
function seenAs(view: (pixels: readonly number[]) => number[]): Map<string, string[]> {
  const byClass = new Map<string, string[]>();
  for (const e of examples) {
    const label = level.classes[e.classIndex] ?? '?';
    byClass.set(label, [...(byClass.get(label) ?? []), JSON.stringify(view(e.pixels))].sort());
  }
  return byClass;
}

/** The picture with each pixel's three channels averaged into one grey value. */
const grey = (pixels: readonly number[]) =>
  Array.from({ length: pixels.length / 3 }, (_, i) => {
    const [r = 0, g = 0, b = 0] = pixels.slice(i * 3, i * 3 + 3);
    return (r + g + b) / 3;
  });

/** The picture without one channel. */
const without = (channel: number) => (pixels: readonly number[]) =>
  pixels.filter((_, i) => i % 3 !== channel);

describe('the colours level', () => {
  it('has colour pictures, four classes and a hidden test of at least 8', () => {
    expect(level.input).toEqual([5, 5, 3]);
    expect(level.classes).toEqual(['red standing', 'red lying', 'blue standing', 'blue lying']);
    expect(level.test.length).toBeGreaterThanOrEqual(8);
    for (const classIndex of [0, 1, 2, 3]) {
      expect(level.test.filter((e) => e.classIndex === classIndex).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('draws a red bar and a blue bar equally bright: in grey each red picture is a blue one', () => {
    const seen = seenAs(grey);
    expect(seen.get('red standing')).toEqual(seen.get('blue standing'));
    expect(seen.get('red lying')).toEqual(seen.get('blue lying'));
  });

  it.each([
    { channel: 0, name: 'red', lost: ['red standing', 'red lying'] },
    { channel: 2, name: 'blue', lost: ['blue standing', 'blue lying'] },
  ])(
    'leaves standing and lying $name bars alike to a network that ignores the $name channel',
    ({ channel, lost }) => {
      const seen = seenAs(without(channel));
      const [standing, lying] = lost.map((label) => new Set(seen.get(label)));
      // Every picture of both classes is the same black picture once the channel is gone.
      expect(standing?.size).toBe(1);
      expect([...(standing ?? [])]).toEqual([...(lying ?? [])]);
    },
  );

  it("counts the reference's filters as (3 x 3 x 3 + 1) x 4 parameters", () => {
    const report = inferShapes(level.input, level.reference?.layers ?? []);
    expect(report.layers[0]).toMatchObject({ ok: true, params: (3 * 3 * 3 + 1) * 4 });
  });
});
