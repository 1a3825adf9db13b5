import type { Padding } from '../spec';
import { windowAxis } from './ops';

/**
 * The im2col of pictures held in plain memory: one row per output position, `size * size * channels`
 * values in (dy, dx, channel) order, zeros for padding. A first conv layer reads its fixed input this
 * way, so that layer needs no slicing on the backend at all.
 */
export function imageColumns(
  pixels: Float32Array,
  pictures: ArrayLike<number>,
  input: readonly [number, number, number],
  size: number,
  stride: number,
  padding: Padding,
): { values: Float32Array; rows: number; width: number } {
  const [h, w, c] = input;
  const rowsAxis = windowAxis(h, size, stride, padding);
  const colsAxis = windowAxis(w, size, stride, padding);
  const width = size * size * c;
  const rows = pictures.length * rowsAxis.out * colsAxis.out;
  const values = new Float32Array(rows * width);
  const pictureSize = h * w * c;
  let out = 0;
  for (let p = 0; p < pictures.length; p++) {
    const base = (pictures[p] as number) * pictureSize;
    for (let i = 0; i < rowsAxis.out; i++) {
      for (let j = 0; j < colsAxis.out; j++) {
        for (let dy = 0; dy < size; dy++) {
          const y = i * stride + dy - rowsAxis.before;
          for (let dx = 0; dx < size; dx++) {
            const x = j * stride + dx - colsAxis.before;
            const inside = y >= 0 && y < h && x >= 0 && x < w;
            const from = base + (y * w + x) * c;
            for (let k = 0; k < c; k++) values[out++] = inside ? (pixels[from + k] as number) : 0;
          }
        }
      }
    }
  }
  return { values, rows, width };
}
