/**
 * Ink pictures as arrays of rows of booleans, and the few drawing moves the levels need. A picture
 * is written into a level as `#`/`.` rows, so what is drawn here is exactly what a player sees.
 */

/** An empty picture of `height` x `width`. */
export function blankGrid(height, width) {
  return Array.from({ length: height }, () => Array.from({ length: width }, () => false));
}

/** A picture from `#`/`.` rows. */
export function fromRows(rows) {
  return rows.map((row) => [...row].map((cell) => cell === '#'));
}

/** The `#`/`.` rows of a picture. */
export function toRows(grid) {
  return grid.map((row) => row.map((ink) => (ink ? '#' : '.')).join(''));
}

/** A copy of `grid` with ink at each `[y, x]` point that falls inside the frame. */
export function withInk(grid, points) {
  const copy = grid.map((row) => [...row]);
  for (const [y, x] of points) {
    if (y >= 0 && y < copy.length && x >= 0 && x < (copy[y]?.length ?? 0)) copy[y][x] = true;
  }
  return copy;
}

/** A picture of the given size with ink at the given points (points outside the frame are cut off). */
export function draw(height, width, points) {
  return withInk(blankGrid(height, width), points);
}

/** The points of a straight stroke from `[y0, x0]` to `[y1, x1]`, both ends included. */
export function line([y0, x0], [y1, x1]) {
  const steps = Math.max(Math.abs(y1 - y0), Math.abs(x1 - x0));
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = steps === 0 ? 0 : i / steps;
    points.push([Math.round(y0 + (y1 - y0) * t), Math.round(x0 + (x1 - x0) * t)]);
  }
  return points;
}

/** The ink points of a picture as `[y, x]` pairs. */
export function inkPoints(grid) {
  const points = [];
  grid.forEach((row, y) => {
    row.forEach((ink, x) => {
      if (ink) points.push([y, x]);
    });
  });
  return points;
}

/** Moves every ink point by `dy`, `dx`; returns null when ink would leave the frame. */
export function shift(grid, dy, dx) {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  const moved = inkPoints(grid).map(([y, x]) => [y + dy, x + dx]);
  if (moved.some(([y, x]) => y < 0 || y >= height || x < 0 || x >= width)) return null;
  return draw(height, width, moved);
}

/** Copies `small` into a blank `height` x `width` frame with its top-left corner at `[top, left]`. */
export function place(small, height, width, top, left) {
  return draw(
    height,
    width,
    inkPoints(small).map(([y, x]) => [y + top, x + left]),
  );
}

/** Thickens every stroke by inking the pixel to the right of each ink pixel. */
export function thicken(grid) {
  return withInk(
    grid,
    inkPoints(grid).map(([y, x]) => [y, x + 1]),
  );
}

/** The picture turned a quarter turn clockwise. */
export function rotateQuarter(grid) {
  const height = grid.length;
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, y) =>
    Array.from({ length: height }, (_, x) => grid[height - 1 - x][y]),
  );
}

/** The picture mirrored left to right. */
export function mirror(grid) {
  return grid.map((row) => [...row].reverse());
}

/** A text key of a picture's rows, to tell identical pictures apart. */
export function gridKey(grid) {
  return toRows(grid).join('/');
}

/** Every standing bar of 3 pixels or longer that fits a `side` x `side` frame, as `[length, grid]`. */
export function standingBars(side) {
  const bars = [];
  for (let length = 3; length <= side; length++) {
    for (let top = 0; top + length <= side; top++) {
      for (let column = 0; column < side; column++) {
        bars.push([length, draw(side, side, line([top, column], [top + length - 1, column]))]);
      }
    }
  }
  return bars;
}
