/** The course's 7x7 face and its relatives: the same eyes and nose with other mouths. */
import { draw, shift } from './grid.mjs';

const EYES = [
  [0, 0],
  [0, 4],
];
const NOSE = [[2, 2]];
const MOUTHS = {
  happy: [
    [3, 0],
    [3, 4],
    [4, 1],
    [4, 2],
    [4, 3],
  ],
  sad: [
    [3, 1],
    [3, 2],
    [3, 3],
    [4, 0],
    [4, 4],
  ],
  flat: [
    [4, 0],
    [4, 1],
    [4, 2],
    [4, 3],
    [4, 4],
  ],
  surprised: [
    [3, 2],
    [4, 2],
  ],
};

/**
 * A 7x7 face with the given mouth (`happy`, `sad`, `flat` or `surprised`), with or without eyes,
 * moved by `dy`, `dx` from the middle (each from -1 to 1). The happy one is the course's face.
 */
export function face(mouth, { eyes = true, dy = 0, dx = 0 } = {}) {
  const parts = [...(eyes ? EYES : []), ...NOSE, ...MOUTHS[mouth]];
  const centred = draw(
    7,
    7,
    parts.map(([y, x]) => [y + 1, x + 1]),
  );
  return shift(centred, dy, dx);
}

/** The nine ways to move a 5x5 face inside a 7x7 frame, as `[dy, dx]`. */
export const FACE_MOVES = [-1, 0, 1].flatMap((dy) => [-1, 0, 1].map((dx) => [dy, dx]));
