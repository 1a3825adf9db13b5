/**
 * Convolution on plain typed arrays, forward and backward, one picture at a time through an im2col
 * of that picture. Every sum is taken in the same order as the plain loops over windows it replaced
 * (taps in (dy, dx, channel) order from the bias; kernel gradients over the output positions in
 * order), so for finite numbers the results are the same to the last bit, only sooner: the loops
 * keep four or eight independent sums in registers instead of one running sum per filter in memory,
 * and the backward pass skips the output positions whose gradient is zero (after ReLU and max
 * pooling, most of them). Adding a zero product leaves a sum as it was, except the sign of a sum at
 * -0 (a bias of exactly -0), which no later layer can tell apart.
 */
import { writePictureColumns } from './columns';
import type { WindowGeometry } from './plain-windows';

/** Scratch reused across calls (one thread runs one pass at a time): sized for the largest picture seen. */
let columnsScratch = new Float32Array(0);
let backScratch = new Float64Array(0);
let liveScratch = new Int32Array(0);

/** One picture's im2col (see columns.ts), starting at `xBase` in `x`, in the reused scratch. */
function pictureColumns(g: WindowGeometry, x: Float32Array, xBase: number): Float32Array {
  const need = g.outH * g.outW * g.size * g.size * g.c;
  if (columnsScratch.length < need) columnsScratch = new Float32Array(need);
  writePictureColumns(g, x, xBase, columnsScratch, 0);
  return columnsScratch;
}

/**
 * Convolution of `n` pictures: `kernel` is HWIO flat, `[size * size * c, filters]`, as the formats
 * store it. Writes `out` (`n * outH * outW * filters`).
 */
export function convForward(
  g: WindowGeometry,
  n: number,
  x: Float32Array,
  kernel: Float32Array,
  bias: Float32Array,
  filters: number,
  out: Float32Array,
): void {
  const positions = g.outH * g.outW;
  const taps = g.size * g.size * g.c;
  for (let p = 0; p < n; p++) {
    const cols = pictureColumns(g, x, p * g.h * g.w * g.c);
    // Two output positions at a time; an odd last one is computed twice and written once.
    for (let r = 0; r < positions; r += 2) {
      const o = (p * positions + r) * filters;
      forwardPair(
        cols,
        taps,
        r,
        Math.min(r + 1, positions - 1),
        kernel,
        bias,
        filters,
        out,
        o,
        r + 1 < positions,
      );
    }
  }
}

/**
 * Output positions `r` and `q` of one picture, from its columns: eight running sums at a time (two
 * positions by four filters), each over the taps in order from the bias. A tap that is zero in both
 * positions is skipped, as it adds nothing.
 */
function forwardPair(
  cols: Float32Array,
  taps: number,
  r: number,
  q: number,
  kernel: Float32Array,
  bias: Float32Array,
  filters: number,
  out: Float32Array,
  o: number,
  writeBoth: boolean,
): void {
  const a = r * taps;
  const b = q * taps;
  const four = filters - (filters % 4);
  let f = 0;
  for (; f < four; f += 4) {
    let s0 = bias[f] as number;
    let s1 = bias[f + 1] as number;
    let s2 = bias[f + 2] as number;
    let s3 = bias[f + 3] as number;
    let u0 = s0;
    let u1 = s1;
    let u2 = s2;
    let u3 = s3;
    for (let t = 0; t < taps; t++) {
      const v = cols[a + t] as number;
      const w = cols[b + t] as number;
      if (v === 0 && w === 0) continue;
      const k = t * filters + f;
      const k0 = kernel[k] as number;
      const k1 = kernel[k + 1] as number;
      const k2 = kernel[k + 2] as number;
      const k3 = kernel[k + 3] as number;
      s0 += v * k0;
      s1 += v * k1;
      s2 += v * k2;
      s3 += v * k3;
      u0 += w * k0;
      u1 += w * k1;
      u2 += w * k2;
      u3 += w * k3;
    }
    out[o + f] = s0;
    out[o + f + 1] = s1;
    out[o + f + 2] = s2;
    out[o + f + 3] = s3;
    if (writeBoth) {
      out[o + filters + f] = u0;
      out[o + filters + f + 1] = u1;
      out[o + filters + f + 2] = u2;
      out[o + filters + f + 3] = u3;
    }
  }
  for (; f < filters; f++) {
    let s = bias[f] as number;
    let u = s;
    for (let t = 0; t < taps; t++) {
      const k = kernel[t * filters + f] as number;
      s += (cols[a + t] as number) * k;
      u += (cols[b + t] as number) * k;
    }
    out[o + f] = s;
    if (writeBoth) out[o + filters + f] = u;
  }
}

/**
 * Adds one picture's share of filter `f`'s kernel gradient into `dKernel`: over the positions
 * listed in `live` (those where `dy` is not zero), in order, four taps at a time.
 */
function addKernelGradient(
  cols: Float32Array,
  taps: number,
  dy: Float64Array,
  dyBase: number,
  filters: number,
  f: number,
  live: Int32Array,
  count: number,
  dKernel: Float64Array,
): void {
  const four = taps - (taps % 4);
  let t = 0;
  for (; t < four; t += 4) {
    const k = t * filters + f;
    let s0 = dKernel[k] as number;
    let s1 = dKernel[k + filters] as number;
    let s2 = dKernel[k + 2 * filters] as number;
    let s3 = dKernel[k + 3 * filters] as number;
    for (let q = 0; q < count; q++) {
      const r = live[q] as number;
      const d = dy[dyBase + r * filters + f] as number;
      const c = r * taps + t;
      s0 += (cols[c] as number) * d;
      s1 += (cols[c + 1] as number) * d;
      s2 += (cols[c + 2] as number) * d;
      s3 += (cols[c + 3] as number) * d;
    }
    dKernel[k] = s0;
    dKernel[k + filters] = s1;
    dKernel[k + 2 * filters] = s2;
    dKernel[k + 3 * filters] = s3;
  }
  for (; t < taps; t++) {
    let s = dKernel[t * filters + f] as number;
    for (let q = 0; q < count; q++) {
      const r = live[q] as number;
      s += (cols[r * taps + t] as number) * (dy[dyBase + r * filters + f] as number);
    }
    dKernel[t * filters + f] = s;
  }
}

/** Adds into `dx` the input gradient of one picture's output position (i, j), whose output gradient starts at `o`. */
function addInputGradient(
  g: WindowGeometry,
  kernel: Float32Array,
  filters: number,
  dy: Float64Array,
  o: number,
  xBase: number,
  i: number,
  j: number,
  back: Float64Array,
  dx: Float64Array,
): void {
  const { h, w, c, size, stride, top, left } = g;
  const taps = size * size * c;
  for (let t = 0; t < taps; t++) {
    let s = 0;
    const k = t * filters;
    for (let f = 0; f < filters; f++) s += (kernel[k + f] as number) * (dy[o + f] as number);
    back[t] = s;
  }
  let t = 0;
  for (let dyy = 0; dyy < size; dyy++) {
    const y = i * stride + dyy - top;
    for (let dxx = 0; dxx < size; dxx++) {
      const xx = j * stride + dxx - left;
      if (y < 0 || y >= h || xx < 0 || xx >= w) {
        t += c;
        continue;
      }
      const from = xBase + (y * w + xx) * c;
      for (let k = 0; k < c; k++, t++) dx[from + k] = (dx[from + k] as number) + (back[t] as number);
    }
  }
}

/**
 * The gradients of a convolution: adds into `dKernel` and `dBias`, and into `dx` (when given), from
 * the output's gradient `dy`.
 */
export function convBackward(
  g: WindowGeometry,
  n: number,
  x: Float32Array,
  kernel: Float32Array,
  filters: number,
  dy: Float64Array,
  dKernel: Float64Array,
  dBias: Float64Array,
  dx: Float64Array | null,
): void {
  const { h, w, c, outH, outW, size } = g;
  const taps = size * size * c;
  const positions = outH * outW;
  if (liveScratch.length < positions) liveScratch = new Int32Array(positions);
  if (backScratch.length < taps) backScratch = new Float64Array(taps);
  const live = liveScratch;
  for (let p = 0; p < n; p++) {
    const xBase = p * h * w * c;
    const dyBase = p * positions * filters;
    for (let r = 0; r < positions; r++) {
      const o = dyBase + r * filters;
      for (let f = 0; f < filters; f++) dBias[f] = (dBias[f] as number) + (dy[o + f] as number);
    }
    let cols: Float32Array | null = null;
    for (let f = 0; f < filters; f++) {
      let count = 0;
      for (let r = 0; r < positions; r++) if (dy[dyBase + r * filters + f] !== 0) live[count++] = r;
      if (count === 0) continue;
      cols ??= pictureColumns(g, x, xBase);
      addKernelGradient(cols, taps, dy, dyBase, filters, f, live, count, dKernel);
    }
    if (!dx) continue;
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const o = dyBase + (i * outW + j) * filters;
        let any = false;
        for (let f = 0; f < filters && !any; f++) any = dy[o + f] !== 0;
        if (any) addInputGradient(g, kernel, filters, dy, o, xBase, i, j, backScratch, dx);
      }
    }
  }
}
