import type { Example, LayerSpec, Padding } from '../spec';
import { BatchOrder, type BatchPosition } from './batch-order';
import { imageColumns } from './columns';
import { tf } from './tf';

/** Pictures and labels in plain memory, NHWC, ready to be cut into batches. */
export interface PictureSet {
  readonly input: readonly [number, number, number];
  readonly count: number;
  readonly pixels: Float32Array;
  readonly labels: Int32Array;
}

/** Packs examples into one buffer. */
export function pictureSet(
  examples: readonly Example[],
  input: readonly [number, number, number],
): PictureSet {
  const size = input[0] * input[1] * input[2];
  const pixels = new Float32Array(examples.length * size);
  const labels = new Int32Array(examples.length);
  examples.forEach((example, i) => {
    pixels.set(example.pixels, i * size);
    labels[i] = example.classIndex;
  });
  return { input, count: examples.length, pixels, labels };
}

/** One batch as tensors: the pictures, their one-hot labels, and the first conv layer's columns if any. */
export interface Batch {
  readonly x: tf.Tensor4D;
  readonly oneHot: tf.Tensor2D;
  readonly columns?: tf.Tensor2D;
  readonly size: number;
}

/** Builds the tensors of the pictures at `indices`. */
export function makeBatch(
  set: PictureSet,
  indices: ArrayLike<number>,
  classCount: number,
  firstConv: { size: number; stride: number; padding: Padding } | null,
): Batch {
  const pictureSize = set.input[0] * set.input[1] * set.input[2];
  const n = indices.length;
  const pixels = new Float32Array(n * pictureSize);
  const hot = new Float32Array(n * classCount);
  for (let i = 0; i < n; i++) {
    const from = (indices[i] as number) * pictureSize;
    pixels.set(set.pixels.subarray(from, from + pictureSize), i * pictureSize);
    hot[i * classCount + (set.labels[indices[i] as number] as number)] = 1;
  }
  const x = tf.tensor4d(pixels, [n, ...set.input]);
  const oneHot = tf.tensor2d(hot, [n, classCount]);
  if (!firstConv) return { x, oneHot, size: n };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const cols = imageColumns(pixels, all, set.input, firstConv.size, firstConv.stride, firstConv.padding);
  return { x, oneHot, columns: tf.tensor2d(cols.values, [cols.rows, cols.width]), size: n };
}

/** Frees a batch's tensors. */
export function disposeBatch(batch: Batch): void {
  batch.x.dispose();
  batch.oneHot.dispose();
  batch.columns?.dispose();
}

/** The first layer's window, when it is a conv layer whose im2col can be computed in plain memory. */
export function firstConvOf(layers: readonly LayerSpec[]) {
  const first = layers[0];
  return first?.type === 'conv' ? { size: first.size, stride: first.stride, padding: first.padding } : null;
}

/**
 * Hands out training batches as tensors, in the order BatchOrder gives: the full batch's tensors
 * are built once and kept.
 */
export class BatchSource {
  private readonly order: BatchOrder;
  private fullBatch: Batch | null = null;

  constructor(
    private readonly set: PictureSet,
    batchSize: number,
    private readonly classCount: number,
    private readonly firstConv: ReturnType<typeof firstConvOf>,
    seed: number,
  ) {
    this.order = new BatchOrder(set.count, batchSize, seed);
  }

  /** Completed passes over the training pictures. */
  get epoch(): number {
    return this.order.epoch;
  }

  /** The batch for the next step; `release` it after the step. */
  next(): Batch {
    const indices = this.order.next();
    if (this.order.fullBatch) {
      this.fullBatch ??= makeBatch(this.set, indices, this.classCount, this.firstConv);
      return this.fullBatch;
    }
    return makeBatch(this.set, indices, this.classCount, this.firstConv);
  }

  /** Where the order stands (see BatchOrder.save). */
  save(): BatchPosition {
    return this.order.save();
  }

  /** Goes on from a saved position. */
  load(saved: BatchPosition): void {
    this.order.load(saved);
  }

  /** Frees a batch unless it is the kept full batch. */
  release(batch: Batch): void {
    if (batch !== this.fullBatch) disposeBatch(batch);
  }

  /** Frees the kept full batch. */
  dispose(): void {
    if (this.fullBatch) disposeBatch(this.fullBatch);
    this.fullBatch = null;
  }
}
