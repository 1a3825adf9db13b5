import type { Padding } from '../spec';
import { type WindowGeometry, windowGeometry } from './plain-windows';

/**
 * Writes one picture's im2col into `into` from index `at`: one row per output position,
 * `size * size * channels` values in (dy, dx, channel) order, zeros for padding. The picture starts
 * at `base` in `pixels`. Returns the index after the last value written.
 */
export function writePictureColumns(
  g: WindowGeometry,
  pixels: Float32Array,
  base: number,
  into: Float32Array,
  at: number,
): number {
  const { h, w, c, outH, outW, size, stride, top, left } = g;
  let out = at;
  for (let i = 0; i < outH; i++) {
    const y0 = i * stride - top;
    for (let j = 0; j < outW; j++) {
      const x0 = j * stride - left;
      for (let dy = 0; dy < size; dy++) {
        const y = y0 + dy;
        for (let dx = 0; dx < size; dx++) {
          const x = x0 + dx;
          if (y < 0 || y >= h || x < 0 || x >= w) {
            for (let k = 0; k < c; k++) into[out++] = 0;
          } else {
            const from = base + (y * w + x) * c;
            for (let k = 0; k < c; k++) into[out++] = pixels[from + k] as number;
          }
        }
      }
    }
  }
  return out;
}

/**
 * The im2col of pictures held in plain memory, the rows of each picture in turn. A first conv layer
 * reads its fixed input this way, so that layer needs no slicing on the backend at all.
 */
export function imageColumns(
  pixels: Float32Array,
  pictures: ArrayLike<number>,
  input: readonly [number, number, number],
  size: number,
  stride: number,
  padding: Padding,
): { values: Float32Array; rows: number; width: number } {
  const g = windowGeometry(input, size, stride, padding);
  const width = size * size * g.c;
  const rows = pictures.length * g.outH * g.outW;
  const values = new Float32Array(rows * width);
  const pictureSize = g.h * g.w * g.c;
  let at = 0;
  for (let p = 0; p < pictures.length; p++)
    at = writePictureColumns(g, pixels, (pictures[p] as number) * pictureSize, values, at);
  return { values, rows, width };
}
