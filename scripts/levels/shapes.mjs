/** The X and O drawings the X-or-O levels share, at several sizes. */
import { blankGrid, draw, fromRows, line, withInk } from './grid.mjs';

/** An X filling a `size` x `size` box: its two diagonals. */
export function crossShape(size) {
  return draw(size, size, [...line([0, 0], [size - 1, size - 1]), ...line([0, size - 1], [size - 1, 0])]);
}

const RINGS = {
  4: ['.##.', '#..#', '#..#', '.##.'],
  5: ['.###.', '#...#', '#...#', '#...#', '.###.'],
  6: ['.####.', '#....#', '#....#', '#....#', '#....#', '.####.'],
  7: ['..###..', '.#...#.', '#.....#', '#.....#', '#.....#', '.#...#.', '..###..'],
  9: [
    '..#####..',
    '.#.....#.',
    '#.......#',
    '#.......#',
    '#.......#',
    '#.......#',
    '#.......#',
    '.#.....#.',
    '..#####..',
  ],
};

/** An O filling a `size` x `size` box, drawn as the course draws its O. */
export function ringShape(size) {
  const rows = RINGS[size];
  if (!rows) throw new Error(`no O drawn at size ${size}`);
  return fromRows(rows);
}

/** An O squeezed into `height` x `width`: straight sides with the corners cut. */
export function ovalShape(height, width) {
  const points = [];
  for (let x = 1; x < width - 1; x++) points.push([0, x], [height - 1, x]);
  for (let y = 1; y < height - 1; y++) points.push([y, 0], [y, width - 1]);
  return withInk(blankGrid(height, width), points);
}

/** An X tilted about 20 degrees, across a 9x9 frame. */
export function tiltedCross() {
  return draw(9, 9, [...line([2, 0], [6, 8]), ...line([0, 6], [8, 2])]);
}
