import { describe, expect, it } from 'vitest';
import { blankPicture, reshapePicture } from '../../src/editor/picture';
import {
  flipPicture,
  floodFill,
  lineCells,
  noiseFlips,
  noisyVariants,
  rotatePicture,
  setPixel,
  shiftedVariants,
  shiftPicture,
  togglePixel,
} from '../../src/editor/transforms';
import { seededRandom } from '../../src/spec';
import { grey, rowsOf } from './helpers';

const L = grey(['#..', '#..', '##.']);

describe('drawing', () => {
  it('sets one pixel and leaves the original picture as it was', () => {
    const blank = blankPicture(3, 1);
    const drawn = setPixel(blank, 1, 2, [1]);
    expect(rowsOf(drawn)).toEqual(['...', '..#', '...']);
    expect(rowsOf(blank)).toEqual(['...', '...', '...']);
  });

  it.each([
    [-1, 0],
    [0, 3],
  ])('ignores a pixel outside the picture at row %i, column %i', (y, x) => {
    expect(setPixel(L, y, x, [1])).toBe(L);
  });

  it.each([
    { name: 'ink', y: 0, x: 0, after: ['...', '#..', '##.'] },
    { name: 'blank', y: 0, x: 2, after: ['#.#', '#..', '##.'] },
  ])('toggles a $name pixel', ({ y, x, after }) => {
    expect(rowsOf(togglePixel(L, y, x))).toEqual(after);
  });

  it('fills the connected blank area and stops at ink', () => {
    const ring = grey(['.....', '.###.', '.#.#.', '.###.', '.....']);
    expect(rowsOf(floodFill(ring, 0, 0, [1]))).toEqual(['#####', '#####', '##.##', '#####', '#####']);
  });

  it('fills only inside an enclosed area', () => {
    const ring = grey(['.....', '.###.', '.#.#.', '.###.', '.....']);
    expect(rowsOf(floodFill(ring, 2, 2, [1]))).toEqual(['.....', '.###.', '.###.', '.###.', '.....']);
  });

  it('erases a connected stroke with a blank fill', () => {
    expect(rowsOf(floodFill(L, 0, 0, [0]))).toEqual(['...', '...', '...']);
  });
});

describe('lines between two pointer positions', () => {
  it.each([
    {
      from: [0, 0],
      to: [0, 3],
      cells: [
        [0, 0],
        [0, 1],
        [0, 2],
        [0, 3],
      ],
    },
    {
      from: [3, 3],
      to: [0, 0],
      cells: [
        [3, 3],
        [2, 2],
        [1, 1],
        [0, 0],
      ],
    },
    {
      from: [0, 0],
      to: [1, 3],
      cells: [
        [0, 0],
        [0, 1],
        [1, 2],
        [1, 3],
      ],
    },
    { from: [2, 1], to: [2, 1], cells: [[2, 1]] },
  ])('runs from $from to $to without gaps', ({ from, to, cells }) => {
    expect(lineCells(from[0] ?? 0, from[1] ?? 0, to[0] ?? 0, to[1] ?? 0)).toEqual(cells);
  });
});

describe('transforms', () => {
  it.each([
    { dx: 1, dy: 0, after: ['.#.', '.#.', '.##'] },
    { dx: 0, dy: -1, after: ['#..', '##.', '...'] },
    { dx: -1, dy: 0, after: ['...', '...', '#..'] },
  ])('shifts by ($dx, $dy), losing what leaves the frame', ({ dx, dy, after }) => {
    expect(rowsOf(shiftPicture(L, dx, dy))).toEqual(after);
  });

  it.each([
    { direction: 'clockwise' as const, after: ['###', '#..', '...'] },
    { direction: 'anticlockwise' as const, after: ['...', '..#', '###'] },
  ])('rotates $direction', ({ direction, after }) => {
    expect(rowsOf(rotatePicture(L, direction))).toEqual(after);
  });

  it('comes back after four quarter turns', () => {
    let p = L;
    for (let i = 0; i < 4; i++) p = rotatePicture(p, 'clockwise');
    expect(p.values).toEqual(L.values);
  });

  it.each([
    { axis: 'horizontal' as const, after: ['..#', '..#', '.##'] },
    { axis: 'vertical' as const, after: ['##.', '#..', '#..'] },
  ])('flips $axis', ({ axis, after }) => {
    expect(rowsOf(flipPicture(L, axis))).toEqual(after);
  });

  it('rotates every channel of a colour pixel together', () => {
    const colour = setPixel(blankPicture(2, 3), 0, 0, [0.2, 0.4, 0.6]);
    const turned = rotatePicture(colour, 'clockwise');
    expect(turned.values.slice(3, 6)).toEqual([0.2, 0.4, 0.6]);
  });
});

describe('variants', () => {
  it('makes only the shifted copies that keep all the ink', () => {
    const dot = grey(['...', '.#.', '...']);
    expect(shiftedVariants(dot)).toHaveLength(8);
    expect(shiftedVariants(L).map(rowsOf)).toEqual([['.#.', '.#.', '.##']]);
  });

  it('makes the same noisy copies from the same seed', () => {
    const a = noisyVariants(L, 4, 2, seededRandom(7));
    const b = noisyVariants(L, 4, 2, seededRandom(7));
    expect(a.map(rowsOf)).toEqual(b.map(rowsOf));
  });

  it('makes different noisy copies from different seeds', () => {
    const a = noisyVariants(grey(['.....', '.....', '.....', '.....', '.....']), 4, 2, seededRandom(1));
    const b = noisyVariants(grey(['.....', '.....', '.....', '.....', '.....']), 4, 2, seededRandom(2));
    expect(a.map(rowsOf)).not.toEqual(b.map(rowsOf));
  });

  it('changes at most the asked number of pixels in a noisy copy', () => {
    for (const copy of noisyVariants(L, 10, 2, seededRandom(3))) {
      const changed = copy.values.filter((v, i) => v !== L.values[i]).length;
      expect(changed).toBeGreaterThan(0);
      expect(changed).toBeLessThanOrEqual(2);
    }
  });

  it.each([
    [2, 1],
    [12, 12],
    [64, 341],
  ])('flips %i-pixel-wide pictures at %i pixels per noisy copy', (side, flips) => {
    expect(noiseFlips(side)).toBe(flips);
  });
});

describe('reshaping', () => {
  it('pads a picture around its centre', () => {
    expect(rowsOf(reshapePicture(grey(['#.', '.#']), 4, 1))).toEqual(['....', '.#..', '..#.', '....']);
  });

  it('crops a picture around its centre', () => {
    expect(rowsOf(reshapePicture(grey(['.....', '.#.#.', '..#..', '.#.#.', '.....']), 3, 1))).toEqual([
      '#.#',
      '.#.',
      '#.#',
    ]);
  });

  it('turns grey into equal colour channels and back', () => {
    const colour = reshapePicture(grey(['#.', '..']), 2, 3);
    expect(colour.values.slice(0, 6)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(reshapePicture(colour, 2, 1).values).toEqual([1, 0, 0, 0]);
  });

  it('turns colour into grey by the mean of its channels', () => {
    const colour = setPixel(blankPicture(2, 3), 0, 0, [1, 0.5, 0]);
    expect(reshapePicture(colour, 2, 1).values[0]).toBe(0.5);
  });
});
