import { describe, expect, it } from 'vitest';
import { convBackward, convForward } from '../../src/engine/plain-conv';
import { type WindowGeometry, windowGeometry } from '../../src/engine/plain-windows';
import { type Padding, seededRandom } from '../../src/spec';

/**
 * The convolution written the plain way, one window at a time: the loops plain-conv.ts replaced.
 * The fast kernels promise the same sums in the same order, so the same numbers to the last bit.
 */
function naiveForward(
  g: WindowGeometry,
  n: number,
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array,
  filters: number,
  out: Float32Array,
): void {
  const { h, w, c, outH, outW, size, stride, top, left } = g;
  const acc = new Float64Array(filters);
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        for (let f = 0; f < filters; f++) acc[f] = bias[f] as number;
        for (let dy = 0; dy < size; dy++) {
          for (let dx = 0; dx < size; dx++) {
            const y = i * stride + dy - top;
            const xx = j * stride + dx - left;
            if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
            for (let k = 0; k < c; k++) {
              const v = x[p * h * w * c + (y * w + xx) * c + k] as number;
              if (v === 0) continue;
              for (let f = 0; f < filters; f++)
                acc[f] =
                  (acc[f] as number) + v * (kernel[((dy * size + dx) * c + k) * filters + f] as number);
            }
          }
        }
        for (let f = 0; f < filters; f++) out[((p * outH + i) * outW + j) * filters + f] = acc[f] as number;
      }
    }
  }
}

function naiveBackward(
  g: WindowGeometry,
  n: number,
  x: Float32Array,
  kernel: Float32Array,
  filters: number,
  dyAll: Float64Array,
  dKernel: Float64Array,
  dBias: Float64Array,
  dx: Float64Array | null,
): void {
  const { h, w, c, outH, outW, size, stride, top, left } = g;
  for (let p = 0; p < n; p++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const o = ((p * outH + i) * outW + j) * filters;
        for (let f = 0; f < filters; f++) dBias[f] = (dBias[f] as number) + (dyAll[o + f] as number);
        for (let dy = 0; dy < size; dy++) {
          for (let dxx = 0; dxx < size; dxx++) {
            const y = i * stride + dy - top;
            const xx = j * stride + dxx - left;
            if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
            for (let k = 0; k < c; k++) {
              const at = p * h * w * c + (y * w + xx) * c + k;
              const tap = ((dy * size + dxx) * c + k) * filters;
              let back = 0;
              for (let f = 0; f < filters; f++) {
                const d = dyAll[o + f] as number;
                dKernel[tap + f] = (dKernel[tap + f] as number) + (x[at] as number) * d;
                back += (kernel[tap + f] as number) * d;
              }
              if (dx) dx[at] = (dx[at] as number) + back;
            }
          }
        }
      }
    }
  }
}

interface Case {
  readonly input: [number, number, number];
  readonly size: number;
  readonly stride: number;
  readonly padding: Padding;
  readonly filters: number;
  readonly n: number;
}

/** Values with many exact zeros, as ReLU and max pooling leave them. */
function values(length: number, next: () => number, zeros: number, type: 'f32' | 'f64') {
  const out = type === 'f32' ? new Float32Array(length) : new Float64Array(length);
  for (let k = 0; k < length; k++) out[k] = next() < zeros ? 0 : Math.fround(next() * 2 - 1);
  return out;
}

function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): string | null {
  if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return `[${k}]: ${a[k]} vs ${b[k]}`;
  return null;
}

const cases: Case[] = [];
for (let seed = 1; cases.length < 60; seed++) {
  const next = seededRandom(seed);
  const pick = (k: number) => Math.floor(next() * k);
  const size = 1 + pick(5);
  const input: [number, number, number] = [size + pick(6), size + pick(6), 1 + pick(4)];
  cases.push({
    input,
    size,
    stride: 1 + pick(3),
    padding: next() < 0.5 ? 'same' : 'valid',
    filters: 1 + pick(9),
    n: 1 + pick(3),
  });
}

describe('plain convolution kernels', () => {
  it.each(cases.map((c, k) => [k, c] as const))(
    'case %i gives the naive loops’ numbers to the last bit, forward and backward',
    (k, { input, size, stride, padding, filters, n }) => {
      const next = seededRandom(1000 + k);
      const g = windowGeometry(input, size, stride, padding);
      const x = values(n * input[0] * input[1] * input[2], next, 0.3, 'f32') as Float32Array;
      const kernel = values(size * size * input[2] * filters, next, 0.1, 'f32') as Float32Array;
      const bias = values(filters, next, 0.2, 'f32') as Float32Array;
      const outputs = n * g.outH * g.outW * filters;

      const fast = new Float32Array(outputs);
      const naive = new Float32Array(outputs);
      convForward(g, n, x, kernel, bias, filters, fast);
      naiveForward(g, n, x, kernel, bias, filters, naive);
      expect(firstDifference(fast, naive)).toBeNull();

      // A gradient mostly zero (max pooling passes one value a window), added onto earlier sums.
      const dy = values(outputs, next, 0.7, 'f64') as Float64Array;
      const start = () => ({
        dKernel: values(kernel.length, seededRandom(k), 0.5, 'f64') as Float64Array,
        dBias: values(filters, seededRandom(k + 1), 0.5, 'f64') as Float64Array,
        dx: values(x.length, seededRandom(k + 2), 0.5, 'f64') as Float64Array,
      });
      const a = start();
      const b = start();
      convBackward(g, n, x, kernel, filters, dy, a.dKernel, a.dBias, a.dx);
      naiveBackward(g, n, x, kernel, filters, dy, b.dKernel, b.dBias, b.dx);
      expect(firstDifference(a.dKernel, b.dKernel)).toBeNull();
      expect(firstDifference(a.dBias, b.dBias)).toBeNull();
      expect(firstDifference(a.dx, b.dx)).toBeNull();

      // Without an input gradient (a first layer) the weights' gradients are the same.
      const c = start();
      convBackward(g, n, x, kernel, filters, dy, c.dKernel, c.dBias, null);
      expect(firstDifference(c.dKernel, b.dKernel)).toBeNull();
    },
  );

  it('reuses its scratch safely when a bigger picture comes before a smaller one', () => {
    const big = windowGeometry([9, 9, 3], 3, 1, 'same');
    const small = windowGeometry([4, 4, 1], 2, 1, 'valid');
    const next = seededRandom(7);
    const xBig = values(9 * 9 * 3, next, 0, 'f32') as Float32Array;
    const kBig = values(27 * 2, next, 0, 'f32') as Float32Array;
    convForward(big, 1, xBig, kBig, new Float32Array(2), 2, new Float32Array(81 * 2));
    const x = values(16, next, 0, 'f32') as Float32Array;
    const kernel = values(4 * 5, next, 0, 'f32') as Float32Array;
    const fast = new Float32Array(9 * 5);
    const naive = new Float32Array(9 * 5);
    convForward(small, 1, x, kernel, new Float32Array(5), 5, fast);
    naiveForward(small, 1, x, kernel, new Float32Array(5), 5, naive);
    expect(firstDifference(fast, naive)).toBeNull();
  });
});
