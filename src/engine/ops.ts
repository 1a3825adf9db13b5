/**
 * Convolution and pooling written with slices, reshapes, concat, matMul and element-wise ops only,
 * so their gradients run on every backend (the wasm backend has no Conv2DBackpropFilter and no
 * pooling gradients). Every reshape, slice and reduction stays at rank 4 or less for the same reason.
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

/** Keeps every `stride`-th position of axis 1 of a rank-3 tensor `[a, n * stride, b]`, from position 0. */
function everyNth(x: tf.Tensor3D, stride: number): tf.Tensor3D {
  if (stride === 1) return x;
  const [a, len, b] = x.shape;
  const n = len / stride;
  const grouped = tf.reshape(x, [a * n, stride, b]);
  return tf.reshape(tf.slice(grouped, [0, 0, 0], [a * n, 1, b]), [a, n, b]);
}

/**
 * The size * size shifted, strided views of `x`: view (dy, dx) at output (i, j) holds the input
 * pixel the window at (i, j) sees at its offset (dy, dx). Views come in row-major (dy, dx) order.
 */
export function windowViews(
  x: Tensor4D,
  size: number,
  stride: number,
  padding: Padding,
  padValue: number,
): Tensor4D[] {
  const [n, h, w, c] = x.shape;
  const rows = windowAxis(h, size, stride, padding);
  const cols = windowAxis(w, size, stride, padding);
  const padded =
    rows.before + rows.after + cols.before + cols.after > 0
      ? tf.pad(
          x,
          [
            [0, 0],
            [rows.before, rows.after],
            [cols.before, cols.after],
            [0, 0],
          ],
          padValue,
        )
      : x;
  const views: Tensor4D[] = [];
  for (let dy = 0; dy < size; dy++) {
    for (let dx = 0; dx < size; dx++) {
      const window = tf.slice(padded, [0, dy, dx, 0], [n, rows.out * stride, cols.out * stride, c]);
      if (stride === 1) {
        views.push(window);
        continue;
      }
      const keptRows = everyNth(tf.reshape(window, [n, rows.out * stride, cols.out * stride * c]), stride);
      const keptCols = everyNth(tf.reshape(keptRows, [n * rows.out, cols.out * stride, c]), stride);
      views.push(tf.reshape(keptCols, [n, rows.out, cols.out, c]));
    }
  }
  return views;
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
  size: number,
  stride: number,
  padding: Padding,
): Tensor4D {
  const [n] = x.shape;
  const views = windowViews(x, size, stride, padding, 0);
  const first = views[0] as Tensor4D;
  const [, outH, outW] = first.shape;
  const stacked = views.length === 1 ? first : tf.concat(views, 3);
  const columns = tf.reshape<tf.Rank.R2>(stacked, [n * outH * outW, kernel.shape[0]]);
  return convFromColumns(columns, kernel, bias, [outH, outW, kernel.shape[1]]);
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

/** Max or average pooling; `counts` (from poolCounts) is required for average pooling. */
export function pool2d(
  x: Tensor4D,
  op: 'max' | 'avg',
  size: number,
  stride: number,
  padding: Padding,
  counts?: tf.Tensor4D,
): Tensor4D {
  if (stride === size) return tiledPool(x, op, size, padding, counts);
  const views = windowViews(x, size, stride, padding, op === 'max' ? BELOW_ANY : 0);
  if (op === 'max') return views.reduce((a, b) => tf.maximum(a, b));
  return tf.div(tf.addN(views), counts as tf.Tensor4D);
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
