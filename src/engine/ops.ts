/**
 * Convolution and pooling written with gathers, reshapes, matMul and reductions only, so their
 * gradients run on every backend (the wasm backend has no Conv2DBackpropFilter, and no scatter for
 * gather's own gradient). Every tensor stays at rank 4 or less for the same reason.
 */
import { type Padding, samePadding, windowOutputSize } from '../spec';
import { tf } from './tf';

type Tensor4D = tf.Tensor4D;

/** Where a window layer reads its input: output size and padding on each side, per axis. */
export interface WindowAxis {
  readonly out: number;
  /** Padding added before (top or left), as TensorFlow's "same" does. */
  readonly before: number;
  /** Padding added after, enough for the last strided window to be sliced. */
  readonly after: number;
}

/** The geometry of a window of `size` moving by `stride` over an axis of `inSize`. */
export function windowAxis(inSize: number, size: number, stride: number, padding: Padding): WindowAxis {
  const out = windowOutputSize(inSize, size, stride, padding);
  const [before, after] = padding === 'same' ? samePadding(inSize, size, stride) : [0, 0];
  // A strided slice of out * stride values starting at offset size - 1 must stay inside the padded axis.
  const needed = size - 1 + out * stride - (inSize + before + after);
  return { out, before, after: after + Math.max(0, needed) };
}

/**
 * Where every window reads the padded, flattened picture, and the way back for the gradient.
 * Built once per layer: the shapes of a layer never change while it trains.
 */
export interface WindowPlan {
  readonly size: number;
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
  /** Padded height and width. */
  readonly paddedH: number;
  readonly paddedW: number;
  /** For output (i, j) and offset (dy, dx), in that order: the padded pixel the window reads. */
  readonly forward: Int32Array;
  /**
   * For each padded pixel, the `slots` window positions that read it (their index in `forward`), or
   * `forward.length`, which points at a zero, where fewer windows read it.
   */
  readonly backward: Int32Array;
  readonly slots: number;
}

/** Plans the windows of `size` moving by `stride` over an `h` x `w` picture. */
export function planWindows(
  h: number,
  w: number,
  size: number,
  stride: number,
  padding: Padding,
): WindowPlan {
  const rows = windowAxis(h, size, stride, padding);
  const cols = windowAxis(w, size, stride, padding);
  const paddedH = h + rows.before + rows.after;
  const paddedW = w + cols.before + cols.after;
  const forward = new Int32Array(rows.out * cols.out * size * size);
  const readers: number[][] = Array.from({ length: paddedH * paddedW }, () => []);
  let k = 0;
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      for (let dy = 0; dy < size; dy++) {
        for (let dx = 0; dx < size; dx++) {
          const pixel = (i * stride + dy) * paddedW + (j * stride + dx);
          forward[k] = pixel;
          readers[pixel]?.push(k);
          k++;
        }
      }
    }
  }
  const slots = Math.max(1, ...readers.map((r) => r.length));
  const backward = new Int32Array(paddedH * paddedW * slots).fill(forward.length);
  readers.forEach((list, pixel) => {
    list.forEach((position, slot) => {
      backward[pixel * slots + slot] = position;
    });
  });
  return { size, rows, cols, paddedH, paddedW, forward, backward, slots };
}

/** A plan's index lists as int32 tensors, made once per layer and kept for its life. */
export interface WindowIndices {
  readonly plan: WindowPlan;
  readonly forward: tf.Tensor1D;
  readonly backward: tf.Tensor1D;
}

/** Uploads a plan's indices. */
export function windowIndices(plan: WindowPlan): WindowIndices {
  return {
    plan,
    forward: tf.tensor1d(plan.forward, 'int32'),
    backward: tf.tensor1d(plan.backward, 'int32'),
  };
}

/**
 * Every window's pixels in one gather: `[n, outH * outW * size * size, c]`. Its gradient gathers
 * back (each padded pixel sums the windows that read it), so it needs no scatter and no
 * backend-specific gradient kernel.
 */
export function gatherWindows(x: Tensor4D, windows: WindowIndices, padValue: number): tf.Tensor3D {
  const { plan } = windows;
  const [n, h, w, c] = x.shape;
  const gather = tf.customGrad((...args) => {
    const input = args[0] as Tensor4D;
    const padded =
      plan.paddedH > h || plan.paddedW > w
        ? tf.pad(
            input,
            [
              [0, 0],
              [plan.rows.before, plan.paddedH - h - plan.rows.before],
              [plan.cols.before, plan.paddedW - w - plan.cols.before],
              [0, 0],
            ],
            padValue,
          )
        : input;
    const value = tf.gather(tf.reshape(padded, [n, plan.paddedH * plan.paddedW, c]), windows.forward, 1);
    const gradFunc = (dy: tf.Tensor3D) => {
      const withZero = tf.concat([dy, tf.zeros([n, 1, c])], 1);
      const perSlot = tf.gather(withZero, windows.backward, 1);
      const summed = tf.sum(tf.reshape(perSlot, [n, plan.paddedH * plan.paddedW, plan.slots, c]), 2);
      const grid = tf.reshape(summed, [n, plan.paddedH, plan.paddedW, c]);
      return plan.paddedH > h || plan.paddedW > w
        ? tf.slice(grid, [0, plan.rows.before, plan.cols.before, 0], [n, h, w, c])
        : grid;
    };
    return { value: value as tf.Tensor3D, gradFunc };
  });
  return gather(x);
}

/** Applies a conv layer to im2col columns `[n * outH * outW, size * size * inChannels]`. */
export function convFromColumns(
  columns: tf.Tensor2D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  shape: readonly [number, number, number],
): Tensor4D {
  const [outH, outW, filters] = shape;
  const n = columns.shape[0] / (outH * outW);
  return tf.reshape(tf.add(tf.matMul(columns, kernel), bias), [n, outH, outW, filters]);
}

/**
 * A convolution as im2col and one matMul. `kernel` is `[size * size * inChannels, filters]`, which
 * is the HWIO kernel of the formats read row by row.
 */
export function conv2d(
  x: Tensor4D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  windows: WindowIndices,
): Tensor4D {
  const { rows, cols } = windows.plan;
  const columns = tf.reshape<tf.Rank.R2>(gatherWindows(x, windows, 0), [
    x.shape[0] * rows.out * cols.out,
    kernel.shape[0],
  ]);
  return convFromColumns(columns, kernel, bias, [rows.out, cols.out, kernel.shape[1]]);
}

/** A value below any activation: "same" max pooling pads with it so padding never wins a window. */
const BELOW_ANY = -1e30;

/**
 * How many real (unpadded) pixels each output's window covers, as `[1, outH, outW, 1]` numbers:
 * average pooling divides by it, as TensorFlow does for "same" padding.
 */
export function poolCounts(
  h: number,
  w: number,
  size: number,
  stride: number,
  padding: Padding,
): { shape: [number, number, number, number]; values: Float32Array } {
  const rows = windowAxis(h, size, stride, padding);
  const cols = windowAxis(w, size, stride, padding);
  const covered = (i: number, before: number, inSize: number) => {
    const start = i * stride - before;
    return Math.min(start + size, inSize) - Math.max(start, 0);
  };
  const values = new Float32Array(rows.out * cols.out);
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      values[i * cols.out + j] = covered(i, rows.before, h) * covered(j, cols.before, w);
    }
  }
  return { shape: [1, rows.out, cols.out, 1], values };
}

/**
 * Max or average pooling. `windows` is needed where windows overlap or skip (stride other than
 * size), `counts` (from poolCounts) for average pooling.
 */
export function pool2d(
  x: Tensor4D,
  op: 'max' | 'avg',
  size: number,
  stride: number,
  padding: Padding,
  windows?: WindowIndices,
  counts?: tf.Tensor4D,
): Tensor4D {
  if (stride === size || !windows) return tiledPool(x, op, size, padding, counts);
  const [n, , , c] = x.shape;
  const { rows, cols } = windows.plan;
  const grouped = tf.reshape(gatherWindows(x, windows, op === 'max' ? BELOW_ANY : 0), [
    n * rows.out * cols.out,
    size * size,
    c,
  ]);
  const pooled = tf.reshape<tf.Rank.R4>(op === 'max' ? tf.max(grouped, 1) : tf.sum(grouped, 1), [
    n,
    rows.out,
    cols.out,
    c,
  ]);
  return op === 'max' ? pooled : tf.div(pooled, counts as tf.Tensor4D);
}

/** Pooling whose windows tile the input (stride = size): one reduction per axis instead of a view per offset. */
function tiledPool(
  x: Tensor4D,
  op: 'max' | 'avg',
  size: number,
  padding: Padding,
  counts?: tf.Tensor4D,
): Tensor4D {
  const [n, h, w, c] = x.shape;
  const rows = windowAxis(h, size, size, padding);
  const cols = windowAxis(w, size, size, padding);
  const usedH = rows.out * size;
  const usedW = cols.out * size;
  let tiled: Tensor4D = x;
  if (padding === 'same' && (usedH > h || usedW > w)) {
    tiled = tf.pad(
      x,
      [
        [0, 0],
        [rows.before, usedH - h - rows.before],
        [cols.before, usedW - w - cols.before],
        [0, 0],
      ],
      op === 'max' ? BELOW_ANY : 0,
    );
  } else if (usedH < h || usedW < w) {
    // "valid" drops the last rows and columns that no whole window reaches.
    tiled = tf.slice(x, [0, 0, 0, 0], [n, usedH, usedW, c]);
  }
  const reduce = op === 'max' ? tf.max : tf.sum;
  const byRows = reduce(tf.reshape(tiled, [n * rows.out, size, usedW * c]), 1);
  const byCols = reduce(tf.reshape(byRows, [n * rows.out * cols.out, size, c]), 1);
  const pooled = tf.reshape<tf.Rank.R4>(byCols, [n, rows.out, cols.out, c]);
  return op === 'max' ? pooled : tf.div(pooled, counts as tf.Tensor4D);
}
