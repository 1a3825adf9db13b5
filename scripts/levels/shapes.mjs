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

/**
 * An X turned by `degrees` around `[y, x]` in a 9x9 frame, its arms reaching `reach` pixels along
 * each diagonal; null when an arm leaves the frame.
 */
export function tiltedCross(degrees, reach, [y, x] = [4, 4]) {
  const turn = (degrees * Math.PI) / 180;
  const end = (dy, dx) => [
    Math.round(y + reach * (dy * Math.cos(turn) - dx * Math.sin(turn))),
    Math.round(x + reach * (dy * Math.sin(turn) + dx * Math.cos(turn))),
  ];
  const ends = [end(-1, -1), end(1, 1), end(-1, 1), end(1, -1)];
  if (ends.some(([ey, ex]) => ey < 0 || ey > 8 || ex < 0 || ex > 8)) return null;
  return draw(9, 9, [...line(ends[0], ends[1]), ...line(ends[2], ends[3])]);
}
