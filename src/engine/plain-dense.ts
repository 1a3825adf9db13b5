/**
 * A Dense layer on plain typed arrays, forward and back, for the plain network (plain-network.ts):
 * rows of inputs times the kernel, stored `[inputs][units]` as the formats store it.
 */
import type { PlainGradients, PlainWeights } from './plain-network';

/** `out = x · kernel + bias` for `n` rows of `inputs` numbers. */
export function denseForward(
  n: number,
  inputs: number,
  units: number,
  x: Float32Array,
  w: PlainWeights,
  out: Float32Array,
): void {
  const acc = new Float64Array(units);
  for (let p = 0; p < n; p++) {
    for (let u = 0; u < units; u++) acc[u] = w.bias[u] as number;
    for (let k = 0; k < inputs; k++) {
      const v = x[p * inputs + k] as number;
      if (v === 0) continue;
      const row = k * units;
      for (let u = 0; u < units; u++) acc[u] = (acc[u] as number) + v * (w.kernel[row + u] as number);
    }
    for (let u = 0; u < units; u++) out[p * units + u] = acc[u] as number;
  }
}

/** The gradients of a Dense layer: adds into `grad`, writes `dx` when given. */
export function denseBackward(
  n: number,
  inputs: number,
  units: number,
  x: Float32Array,
  w: PlainWeights,
  dy: Float64Array,
  grad: PlainGradients,
  dx: Float64Array | null,
): void {
  for (let p = 0; p < n; p++) {
    const d = p * units;
    for (let u = 0; u < units; u++) grad.bias[u] = (grad.bias[u] as number) + (dy[d + u] as number);
    for (let k = 0; k < inputs; k++) {
      const v = x[p * inputs + k] as number;
      const row = k * units;
      let back = 0;
      for (let u = 0; u < units; u++) {
        const g = dy[d + u] as number;
        grad.kernel[row + u] = (grad.kernel[row + u] as number) + v * g;
        back += (w.kernel[row + u] as number) * g;
      }
      if (dx) dx[p * inputs + k] = back;
    }
  }
}
