/**
 * The plain path: a network trained on typed arrays in this thread, with no TensorFlow.js at all.
 * No per-operation cost, so on the course's small networks a step takes microseconds; it follows
 * the TensorFlow.js path's layers, loss, optimisers, initial weights and batch order.
 */
import {
  accuracyOf,
  classCountOf,
  type Example,
  type LayerOutput,
  type LayerWeights,
  type NetworkSpec,
  type Shape,
  votedClasses,
} from '../spec';
import { BatchOrder } from './batch-order';
import type { Evaluation, StepResult, TrainingEngine, TrainingState } from './engine-api';
import { initialWeights } from './init';
import { PlainNetwork, softmaxCrossEntropy } from './plain-network';
import { PlainOptimizer } from './plain-optimizer';

/** Pictures and labels packed in one buffer. */
interface PackedSet {
  readonly count: number;
  readonly pixels: Float32Array;
  readonly labels: Int32Array;
}

function pack(examples: readonly Example[], pictureSize: number): PackedSet {
  const pixels = new Float32Array(examples.length * pictureSize);
  const labels = new Int32Array(examples.length);
  examples.forEach((example, i) => {
    pixels.set(example.pixels, i * pictureSize);
    labels[i] = example.classIndex;
  });
  return { count: examples.length, pixels, labels };
}

/** Pictures evaluated in one forward pass, so a big set never needs one huge buffer per layer. */
const EVAL_CHUNK = 256;

/** Trains and runs one network on plain typed arrays. */
export class PlainEngine implements TrainingEngine {
  readonly classCount: number;
  readonly backend = 'plain';
  private readonly net: PlainNetwork;
  private readonly train: PackedSet;
  private readonly pictureSize: number;
  private optimizer: PlainOptimizer;
  private batches: BatchOrder;
  private stepCount = 0;
  /** The last batch's logit gradients and probabilities, reused while the batch size stays. */
  private dLogits = new Float64Array(0);
  private probabilities = new Float32Array(0);

  constructor(
    readonly network: NetworkSpec,
    trainExamples: readonly Example[],
  ) {
    this.classCount = classCountOf(network);
    this.pictureSize = network.input[0] * network.input[1] * network.input[2];
    this.train = pack(trainExamples, this.pictureSize);
    const weights = network.weights ?? initialWeights(network.input, network.layers, network.training.seed);
    this.net = new PlainNetwork(network.input, network.layers, weights);
    this.optimizer = new PlainOptimizer(network.training);
    this.batches = this.makeBatches();
  }

  get step(): number {
    return this.stepCount;
  }

  get shapes(): readonly Shape[] {
    return this.net.shapes;
  }

  private makeBatches(seed = this.network.training.seed): BatchOrder {
    return new BatchOrder(this.train.count, this.network.training.batchSize, seed);
  }

  /** The pictures and labels at `indices`, packed. */
  private gather(indices: Int32Array): { x: Float32Array; labels: Int32Array } {
    if (indices.length === this.train.count && this.batches.fullBatch) {
      return { x: this.train.pixels, labels: this.train.labels };
    }
    const size = this.pictureSize;
    const x = new Float32Array(indices.length * size);
    const labels = new Int32Array(indices.length);
    indices.forEach((index, i) => {
      x.set(this.train.pixels.subarray(index * size, (index + 1) * size), i * size);
      labels[i] = this.train.labels[index] as number;
    });
    return { x, labels };
  }

  async trainSteps(steps: number): Promise<StepResult> {
    const saved = steps > 0 ? this.net.readWeights() : null;
    let loss = Number.NaN;
    for (let s = 0; s < steps; s++) {
      const { x, labels } = this.gather(this.batches.next());
      const n = labels.length;
      const outputs = this.net.forward(x, n);
      const logits = outputs.at(-1) as Float32Array;
      if (this.dLogits.length !== logits.length) {
        this.dLogits = new Float64Array(logits.length);
        this.probabilities = new Float32Array(logits.length);
      }
      const { dLogits } = this;
      loss = softmaxCrossEntropy(logits, labels, n, this.classCount, this.probabilities, dLogits);
      const { weights } = this.net.backward(x, n, outputs, dLogits);
      this.optimizer.apply(this.net.weights, weights);
      this.stepCount++;
    }
    // Float32 as the TensorFlow.js path reads it back.
    loss = Math.fround(loss);
    const diverged = steps > 0 && !Number.isFinite(loss);
    if (diverged && saved) {
      this.net.writeWeights(saved);
      // The optimiser's moments hold the blow-up too: start them afresh.
      this.optimizer = new PlainOptimizer(this.network.training);
    }
    return { step: this.stepCount, epoch: this.batches.epoch, loss, diverged };
  }

  async evaluate(examples: readonly Example[]): Promise<Evaluation> {
    const set = pack(examples, this.pictureSize);
    const classes = this.classCount;
    const probabilities = new Float32Array(set.count * classes);
    let lossSum = 0;
    for (let start = 0; start < set.count; start += EVAL_CHUNK) {
      const n = Math.min(EVAL_CHUNK, set.count - start);
      const x = set.pixels.subarray(start * this.pictureSize, (start + n) * this.pictureSize);
      const logits = this.net.forward(x, n).at(-1) as Float32Array;
      const probs = probabilities.subarray(start * classes, (start + n) * classes);
      const labels = set.labels.subarray(start, start + n);
      lossSum += softmaxCrossEntropy(logits, labels, n, classes, probs, null) * n;
    }
    const predicted = votedClasses(probabilities, classes);
    return {
      accuracy: accuracyOf(predicted, examples),
      loss: set.count ? Math.fround(lossSum / set.count) : 0,
      predicted,
      probabilities,
    };
  }

  async activations(pixels: ArrayLike<number>): Promise<LayerOutput[]> {
    const outputs = this.net.forward(Float32Array.from(pixels), 1);
    return this.network.layers.map((layer, i) => ({
      type: layer.type,
      shape: this.net.shapes[i] as Shape,
      // A flatten shares its input's buffer: every layer gets a copy of its own.
      values: Float32Array.from(outputs[i] as Float32Array),
    }));
  }

  async predict(pixels: ArrayLike<number>): Promise<Float32Array> {
    const logits = this.net.forward(Float32Array.from(pixels), 1).at(-1) as Float32Array;
    const probabilities = new Float32Array(this.classCount);
    softmaxCrossEntropy(logits, [0], 1, this.classCount, probabilities, null);
    return probabilities;
  }

  getWeights(): (LayerWeights | null)[] {
    return this.net.readWeights();
  }

  setWeights(weights: readonly (LayerWeights | null)[]): void {
    this.net.writeWeights(weights);
    this.optimizer = new PlainOptimizer(this.network.training);
  }

  async saveState(): Promise<TrainingState> {
    return {
      step: this.stepCount,
      weights: this.net.readWeights(),
      optimizer: this.optimizer.save(),
      batches: this.batches.save(),
    };
  }

  async loadState(state: TrainingState): Promise<void> {
    this.batches.load(state.batches);
    this.net.writeWeights(state.weights);
    this.optimizer = new PlainOptimizer(this.network.training);
    this.optimizer.load(state.optimizer);
    this.stepCount = state.step;
  }

  reset(seed = this.network.training.seed): void {
    this.net.writeWeights(initialWeights(this.network.input, this.network.layers, seed));
    this.optimizer = new PlainOptimizer(this.network.training);
    this.batches = this.makeBatches(seed);
    this.stepCount = 0;
  }

  dispose(): void {
    // Nothing outside the JavaScript heap to free.
  }
}
