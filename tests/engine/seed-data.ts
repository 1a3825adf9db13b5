/** The three seed data sets, built from the course's pictures: 2x2 slashes, 9x9 X vs O, 7x7 faces. */
import type { Example } from '../../src/spec';
import { seedImages } from '../fixtures';

/** `#`/`.` rows to NHWC numbers. */
export function rowsToPixels(rows: readonly string[], blank: number): number[] {
  return rows.flatMap((row) => [...row].map((ch) => (ch === '#' ? 1 : blank)));
}

/** The picture moved by (dx, dy), the uncovered edge filled with blank. */
export function shifted(rows: readonly string[], dx: number, dy: number): string[] {
  const h = rows.length;
  const w = rows[0]?.length ?? 0;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => rows[y - dy]?.[x - dx] ?? '.').join(''),
  );
}

const example = (rows: readonly string[], classIndex: number, label: string, blank: number): Example => ({
  label,
  classIndex,
  pixels: rowsToPixels(rows, blank),
});

const shifts = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => [dx, dy] as const));

/** "\" and "/" on 2x2 (pixels 1 and -1). */
export const slashSet: Example[] = [
  example(seedImages.backslash, 0, '\\', -1),
  example(seedImages.slash, 1, '/', -1),
];

/** X and O on 9x9 (1 and -1), each at nine positions. */
export const xoSet: Example[] = shifts.flatMap(([dx, dy]) => [
  example(shifted(seedImages.x, dx, dy), 0, 'X', -1),
  example(shifted(seedImages.o, dx, dy), 1, 'O', -1),
]);

const face = seedImages['happy-face'];
const sad = [...face.slice(0, 4), '..###..', '.#...#.', '.......'];
const flat = [...face.slice(0, 4), '.......', '.#####.', '.......'];
const noEyes = ['.......', '.......', ...face.slice(2)];

/** The happy face vs sad, flat-mouthed and eyeless faces on 7x7 (1 and 0), each at nine positions. */
export const faceSet: Example[] = shifts.flatMap(([dx, dy]) => [
  example(shifted(face, dx, dy), 0, 'happy', 0),
  ...[sad, flat, noEyes].map((other) => example(shifted(other, dx, dy), 1, 'other', 0)),
]);
