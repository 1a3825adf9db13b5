/**
 * Window geometry and pooling on plain typed arrays, a batch of NHWC pictures at a time, forward and
 * backward (convolution, which shares the geometry, is in plain-conv.ts). Loops over numbers, no
 * per-operation cost: on the course's small networks this is far quicker than dispatching
 * TensorFlow.js kernels. Padding follows TensorFlow's "same" (any odd extra goes after), average
 * pooling divides by the real pixels a window covers, and max pooling sends the gradient to every
 * input equal to its window's maximum, as TensorFlow.js does.
 */
import { type Padding, samePadding, windowOutputSize } from '../spec';

/** Where a window layer reads: input and output sizes and the padding before each axis. */
export interface WindowGeometry {
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly outH: number;
  readonly outW: number;
  readonly size: number;
  readonly stride: number;
  readonly top: number;
  readonly left: number;
}

/** The geometry of a `size` window moving by `stride` over an `[h, w, c]` input. */
export function windowGeometry(
  input: readonly [number, number, number],
  size: number,
  stride: number,
  padding: Padding,
): WindowGeometry {
  const [h, w, c] = input;
  return {
    h,
    w,
    c,
    outH: windowOutputSize(h, size, stride, padding),
    outW: windowOutputSize(w, size, stride, padding),
    size,
    stride,
    top: padding === 'same' ? (samePadding(h, size, stride)[0] as number) : 0,
    left: padding === 'same' ? (samePadding(w, size, stride)[0] as number) : 0,
  };
}

/** Max or average pooling of `n` pictures into `out` (`n * outH * outW * c`). */
export function poolForward(
  g: WindowGeometry,
  op: 'max' | 'avg',
  n: number,
  x: Float32Array,
  out: Float32Array,
): void {
  const { h, w, c, outH, outW, size, stride, top, left } = g;
  for (let p = 0; p < n; p++) {
    const xBase = p * h * w * c;
    for (let i = 0; i < outH; i++) {
      const y0 = Math.max(0, i * stride - top);
      const y1 = Math.min(h, i * stride - top + size);
      for (let j = 0; j < outW; j++) {
        const x0 = Math.max(0, j * stride - left);
        const x1 = Math.min(w, j * stride - left + size);
        const o = ((p * outH + i) * outW + j) * c;
        const count = (y1 - y0) * (x1 - x0);
        for (let k = 0; k < c; k++) {
          let best = Number.NEGATIVE_INFINITY;
          let sum = 0;
          for (let y = y0; y < y1; y++) {
            for (let xx = x0; xx < x1; xx++) {
              const v = x[xBase + (y * w + xx) * c + k] as number;
              if (v > best) best = v;
              sum += v;
            }
          }
          out[o + k] = op === 'max' ? best : sum / count;
        }
      }
    }
  }
}

/** The input gradient of pooling, written into `dx` from the output `out` and its gradient `dy`. */
export function poolBackward(
  g: WindowGeometry,
  op: 'max' | 'avg',
  n: number,
  x: Float32Array,
  out: Float32Array,
  dy: Float64Array,
  dx: Float64Array,
): void {
  const { h, w, c, outH, outW, size, stride, top, left } = g;
  const acc = dx;
  for (let p = 0; p < n; p++) {
    const xBase = p * h * w * c;
    for (let i = 0; i < outH; i++) {
      const y0 = Math.max(0, i * stride - top);
      const y1 = Math.min(h, i * stride - top + size);
      for (let j = 0; j < outW; j++) {
        const x0 = Math.max(0, j * stride - left);
        const x1 = Math.min(w, j * stride - left + size);
        const o = ((p * outH + i) * outW + j) * c;
        const count = (y1 - y0) * (x1 - x0);
        for (let k = 0; k < c; k++) {
          const d = dy[o + k] as number;
          if (d === 0) continue;
          const best = out[o + k] as number;
          for (let y = y0; y < y1; y++) {
            for (let xx = x0; xx < x1; xx++) {
              const at = xBase + (y * w + xx) * c + k;
              if (op === 'avg') acc[at] = (acc[at] as number) + d / count;
              else if (x[at] === best) acc[at] = (acc[at] as number) + d;
            }
          }
        }
      }
    }
  }
}

/** `target` = `source` times `scale` (the same array may be both); returns `target`. */
export function scaleInto<T extends Float32Array | Float64Array>(
  target: T,
  source: Float32Array | Float64Array,
  scale: number,
): T {
  if (scale === 1 && target === source) return target;
  for (let j = 0; j < source.length; j++) target[j] = (source[j] as number) * scale;
  return target;
}
