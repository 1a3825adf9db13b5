import type { Example, LayerSpec, Padding } from '../spec';
import { seededRandom, shuffledIndices } from '../spec/random';
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
 * Hands out training batches: the whole set every step when it fits in one batch (its tensors built
 * once), otherwise minibatches in an order reshuffled each epoch by a seeded generator.
 */
export class BatchSource {
  private readonly random: () => number;
  private order: Int32Array;
  private position = 0;
  private fullBatch: Batch | null = null;
  /** Completed passes over the training pictures. */
  epoch = 0;

  constructor(
    private readonly set: PictureSet,
    private readonly batchSize: number,
    private readonly classCount: number,
    private readonly firstConv: ReturnType<typeof firstConvOf>,
    seed: number,
  ) {
    // A generator of its own, so the order does not depend on how many weights were drawn.
    this.random = seededRandom(seed ^ 0x5bd1e995);
    this.order = shuffledIndices(set.count, this.random);
  }

  /** The batch for the next step; `release` it after the step. */
  next(): Batch {
    if (this.set.count <= this.batchSize) {
      this.epoch++;
      this.fullBatch ??= makeBatch(
        this.set,
        Int32Array.from({ length: this.set.count }, (_, i) => i),
        this.classCount,
        this.firstConv,
      );
      return this.fullBatch;
    }
    const end = Math.min(this.position + this.batchSize, this.set.count);
    const batch = makeBatch(
      this.set,
      this.order.subarray(this.position, end),
      this.classCount,
      this.firstConv,
    );
    this.position = end;
    if (this.position >= this.set.count) {
      this.epoch++;
      this.position = 0;
      this.order = shuffledIndices(this.set.count, this.random);
    }
    return batch;
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
