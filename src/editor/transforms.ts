/** Drawing and transforming editor pictures; every function returns a new picture. */
import { blankPicture, clampValue, type EditorPicture, pixelAt, samePicture, valueIndex } from './picture';
import { type Random, randomIndex } from './random';

/** A pixel's channel values; grey pictures use the first. */
export type Ink = readonly number[];

/** Full ink on every channel (black on a grey picture, white on a colour one). */
export function fullInk(picture: EditorPicture): Ink {
  return new Array<number>(picture.channels).fill(1);
}

/** Nothing: the level's blank. */
export function noInk(picture: EditorPicture): Ink {
  return new Array<number>(picture.channels).fill(0);
}

function inside(picture: EditorPicture, y: number, x: number): boolean {
  return y >= 0 && x >= 0 && y < picture.side && x < picture.side;
}

function sameInk(a: Ink, b: Ink): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Builds a picture of the same size whose pixel (y, x) is `source(y, x)` (null for blank). */
function remap(picture: EditorPicture, source: (y: number, x: number) => readonly [number, number] | null) {
  const out = blankPicture(picture.side, picture.channels);
  const values = out.values as number[];
  for (let y = 0; y < picture.side; y++) {
    for (let x = 0; x < picture.side; x++) {
      const from = source(y, x);
      if (!from || !inside(picture, from[0], from[1])) continue;
      const pixel = pixelAt(picture, from[0], from[1]);
      for (let c = 0; c < picture.channels; c++) values[valueIndex(out, y, x, c)] = pixel[c] ?? 0;
    }
  }
  return out;
}

/** Sets one pixel; a position outside the picture changes nothing. */
export function setPixel(picture: EditorPicture, y: number, x: number, ink: Ink): EditorPicture {
  if (!inside(picture, y, x)) return picture;
  const values = picture.values.slice();
  for (let c = 0; c < picture.channels; c++) values[valueIndex(picture, y, x, c)] = clampValue(ink[c] ?? 0);
  return { ...picture, values };
}

/** Flips one pixel between blank and full ink (anything drawn counts as ink). */
export function togglePixel(picture: EditorPicture, y: number, x: number): EditorPicture {
  if (!inside(picture, y, x)) return picture;
  const drawn = pixelAt(picture, y, x).some((v) => v > 0);
  return setPixel(picture, y, x, drawn ? noInk(picture) : fullInk(picture));
}

/** Paints the 4-connected area of pixels equal to the one at (y, x) with `ink`. */
export function floodFill(picture: EditorPicture, y: number, x: number, ink: Ink): EditorPicture {
  if (!inside(picture, y, x)) return picture;
  const target = pixelAt(picture, y, x);
  const paint = ink.slice(0, picture.channels).map(clampValue);
  if (sameInk(target, paint)) return picture;
  const values = picture.values.slice();
  const result = { ...picture, values };
  const stack: [number, number][] = [[y, x]];
  while (stack.length > 0) {
    const [py, px] = stack.pop() as [number, number];
    if (!inside(picture, py, px) || !sameInk(pixelAt(result, py, px), target)) continue;
    for (let c = 0; c < picture.channels; c++) values[valueIndex(picture, py, px, c)] = paint[c] ?? 0;
    stack.push([py + 1, px], [py - 1, px], [py, px + 1], [py, px - 1]);
  }
  return result;
}

/** Moves the drawing by `dx` columns (right is positive) and `dy` rows (down is positive); what leaves the frame is lost. */
export function shiftPicture(picture: EditorPicture, dx: number, dy: number): EditorPicture {
  return remap(picture, (y, x) => [y - dy, x - dx]);
}

/** Turns the drawing a quarter turn, clockwise or anticlockwise. */
export function rotatePicture(
  picture: EditorPicture,
  direction: 'clockwise' | 'anticlockwise',
): EditorPicture {
  const last = picture.side - 1;
  return remap(picture, (y, x) => (direction === 'clockwise' ? [last - x, y] : [x, last - y]));
}

/** Mirrors the drawing left to right ('horizontal') or top to bottom ('vertical'). */
export function flipPicture(picture: EditorPicture, axis: 'horizontal' | 'vertical'): EditorPicture {
  const last = picture.side - 1;
  return remap(picture, (y, x) => (axis === 'horizontal' ? [y, last - x] : [last - y, x]));
}

function inkAmount(picture: EditorPicture): number {
  return picture.values.reduce((a, b) => a + b, 0);
}

/**
 * The drawing moved one pixel in each of the 8 directions, keeping only the copies that lose no
 * ink at the edge and differ from the original.
 */
export function shiftedVariants(picture: EditorPicture): EditorPicture[] {
  const total = inkAmount(picture);
  const moves: [number, number][] = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ];
  return moves
    .map(([dx, dy]) => shiftPicture(picture, dx, dy))
    .filter((p) => Math.abs(inkAmount(p) - total) < 1e-9 && !samePicture(p, picture));
}

/**
 * `count` copies with `flips` random pixels each turned from blank to ink or back, from a seeded
 * generator so the same seed gives the same copies. Copies equal to the original are skipped.
 */
export function noisyVariants(
  picture: EditorPicture,
  count: number,
  flips: number,
  random: Random,
): EditorPicture[] {
  const pixels = picture.side * picture.side;
  const copies: EditorPicture[] = [];
  for (let n = 0; n < count; n++) {
    let copy = picture;
    for (let f = 0; f < flips; f++) {
      const at = randomIndex(random, pixels);
      copy = togglePixel(copy, Math.floor(at / picture.side), at % picture.side);
    }
    if (!samePicture(copy, picture)) copies.push(copy);
  }
  return copies;
}

/** How many pixels a noisy copy flips: about one in twelve, at least one. */
export function noiseFlips(side: number): number {
  return Math.max(1, Math.round((side * side) / 12));
}

/** The cells of a straight line from (y0, x0) to (y1, x1), both ends included, with no gaps (Bresenham). */
export function lineCells(y0: number, x0: number, y1: number, x1: number): [number, number][] {
  const cells: [number, number][] = [];
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let error = dx + dy;
  let [y, x] = [y0, x0];
  for (;;) {
    cells.push([y, x]);
    if (y === y1 && x === x1) return cells;
    const twice = 2 * error;
    if (twice >= dy) {
      error += dy;
      x += sx;
    }
    if (twice <= dx) {
      error += dx;
      y += sy;
    }
  }
}
