/**
 * The medium benchmark's data: 1,000 generated 28x28 grey pictures of 10 stroke shapes (bars,
 * diagonals, crosses, boxes, rings...), each moved, resized and sprinkled with noise by a seeded
 * generator, so every run and every peer sees the same pictures.
 */

import type { Example, LayerSpec } from '../src/spec';
import { seededRandom } from '../src/spec/random';

const SIDE = 28;

type Painter = (x: number, y: number, r: number) => boolean;

/** Each shape as a test of a point (x, y) relative to the shape's centre, for a shape of radius r. */
const SHAPES: readonly Painter[] = [
  (x, y, r) => Math.abs(y) <= 1 && Math.abs(x) <= r,
  (x, y, r) => Math.abs(x) <= 1 && Math.abs(y) <= r,
  (x, y, r) => Math.abs(x - y) <= 1 && Math.abs(x) <= r,
  (x, y, r) => Math.abs(x + y) <= 1 && Math.abs(x) <= r,
  (x, y, r) => (Math.abs(x) <= 1 || Math.abs(y) <= 1) && Math.abs(x) <= r && Math.abs(y) <= r,
  (x, y, r) => (Math.abs(x - y) <= 1 || Math.abs(x + y) <= 1) && Math.abs(x) <= r,
  (x, y, r) => Math.max(Math.abs(x), Math.abs(y)) <= r && Math.max(Math.abs(x), Math.abs(y)) >= r - 1.5,
  (x, y, r) => Math.abs(Math.hypot(x, y) - r) <= 1,
  (x, y, r) => Math.max(Math.abs(x), Math.abs(y)) <= r * 0.7,
  (x, y, r) => (Math.abs(y - r / 2) <= 1 || Math.abs(y + r / 2) <= 1) && Math.abs(x) <= r,
];

/** `count` pictures, classes taking turns, NHWC with one channel, ink 1 on 0. */
export function mediumData(count: number, seed: number): Example[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const classIndex = i % SHAPES.length;
    const paint = SHAPES[classIndex] as Painter;
    const r = 6 + random() * 4;
    const cx = SIDE / 2 + (random() - 0.5) * 8;
    const cy = SIDE / 2 + (random() - 0.5) * 8;
    const pixels: number[] = [];
    for (let y = 0; y < SIDE; y++) {
      for (let x = 0; x < SIDE; x++) {
        const ink = paint(x - cx, y - cy, r) ? 1 : 0;
        pixels.push(Math.min(1, Math.max(0, ink + (random() - 0.5) * 0.3)));
      }
    }
    return { label: String(classIndex), classIndex, pixels };
  });
}

/** The medium benchmark's network: two conv layers with pooling, then ten votes. */
export const MEDIUM_LAYERS: readonly LayerSpec[] = [
  { type: 'conv', filters: 8, size: 5, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' },
  { type: 'conv', filters: 16, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 10 },
];
