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
import { BatchSource, disposeBatch, firstConvOf, makeBatch, type PictureSet, pictureSet } from './dataset';
import type { Evaluation, StepResult, TrainingEngine, TrainingState } from './engine-api';
import { initialWeights } from './init';
import { softmaxCrossEntropy, TensorNetwork } from './network';
import { tf } from './tf';
import { readOptimizerState, writeOptimizerState } from './tf-optimizer-state';

const EVAL_CHUNK = 256;

/**
 * Frees an optimiser. TensorFlow.js 4.22's momentum optimiser forgets its parent's learning-rate
 * scalar (`c`) when disposed, one tensor lost per optimiser made: it is freed here (freeing a
 * freed tensor does nothing, should a later version free it itself).
 */
function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (optimizer instanceof tf.MomentumOptimizer) (optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
}

/**
 * Trains and runs one network on the current TensorFlow.js backend. The worker drives it without
 * knowing the backend; the command line and the tests drive it on cpu or wasm.
 */
export class Engine implements TrainingEngine {
  private net: TensorNetwork;
  private optimizer: tf.Optimizer;
  private batches: BatchSource;
  private readonly train: PictureSet;
  private stepCount = 0;
  /** How many classes the network votes for (the units of its last Dense). */
  readonly classCount: number;

  /**
   * Builds `network` (a stack that fits its input and ends in one Dense unit per class, as
   * parseNetwork guarantees) from its own weights, or fresh ones drawn from its training seed.
   */
  constructor(
    readonly network: NetworkSpec,
    trainExamples: readonly Example[],
  ) {
    this.classCount = classCountOf(network);
    this.train = pictureSet(trainExamples, network.input);
    const weights = network.weights ?? initialWeights(network.input, network.layers, network.training.seed);
    this.net = new TensorNetwork(network.input, network.layers, weights);
    this.optimizer = this.makeOptimizer();
    this.batches = this.makeBatches();
  }

  /** The backend the tensors live on. */
  get backend(): string {
    return tf.getBackend();
  }

  /** Steps taken since the start or the last reset. */
  get step(): number {
    return this.stepCount;
  }

  /** The output shape of every layer. */
  get shapes(): readonly Shape[] {
    return this.net.shapes;
  }

  private makeOptimizer(): tf.Optimizer {
    const { optimizer, learningRate, momentum } = this.network.training;
    if (optimizer === 'adam') return tf.train.adam(learningRate);
    return momentum > 0 ? tf.train.momentum(learningRate, momentum) : tf.train.sgd(learningRate);
  }

  private makeBatches(seed = this.network.training.seed): BatchSource {
    const { batchSize } = this.network.training;
    return new BatchSource(this.train, batchSize, this.classCount, firstConvOf(this.network.layers), seed);
  }

  /** Runs `steps` optimiser steps and reads the loss once, at the end (reading back costs a sync). */
  async trainSteps(steps: number): Promise<StepResult> {
    const saved = tf.tidy(() => this.net.trainables().map((v) => tf.clone(v)));
    let last: tf.Scalar | null = null;
    for (let i = 0; i < steps; i++) {
      const batch = this.batches.next();
      last?.dispose();
      last = this.optimizer.minimize(
        () => softmaxCrossEntropy(this.net.forward(batch.x, batch.columns).at(-1) as tf.Tensor, batch.oneHot),
        true,
        this.net.trainables(),
      );
      this.batches.release(batch);
      this.stepCount++;
    }
    const loss = last ? ((await last.data())[0] as number) : Number.NaN;
    last?.dispose();
    const diverged = steps > 0 && !Number.isFinite(loss);
    if (diverged) {
      this.net.trainables().forEach((v, i) => {
        v.assign(saved[i] as tf.Tensor);
      });
      // The optimiser's moments hold the blow-up too: start them afresh.
      disposeOptimizer(this.optimizer);
      this.optimizer = this.makeOptimizer();
    }
    for (const t of saved) t.dispose();
    return { step: this.stepCount, epoch: this.batches.epoch, loss, diverged };
  }

  /** Class probabilities and accuracy over `examples`. */
  async evaluate(examples: readonly Example[]): Promise<Evaluation> {
    const set = pictureSet(examples, this.network.input);
    const classes = this.classCount;
    const probabilities = new Float32Array(set.count * classes);
    let lossSum = 0;
    for (let start = 0; start < set.count; start += EVAL_CHUNK) {
      const indices = Int32Array.from(
        { length: Math.min(EVAL_CHUNK, set.count - start) },
        (_, i) => start + i,
      );
      const batch = makeBatch(set, indices, classes, firstConvOf(this.network.layers));
      const [probs, loss] = tf.tidy(() => {
        const logits = this.net.forward(batch.x, batch.columns).at(-1) as tf.Tensor2D;
        return [tf.softmax(logits), tf.mul(softmaxCrossEntropy(logits, batch.oneHot), indices.length)];
      });
      disposeBatch(batch);
      probabilities.set(await (probs as tf.Tensor).data(), start * classes);
      lossSum += (await (loss as tf.Tensor).data())[0] as number;
      probs?.dispose();
      loss?.dispose();
    }
    const predicted = votedClasses(probabilities, classes);
    return {
      accuracy: accuracyOf(predicted, examples),
      loss: set.count ? lossSum / set.count : 0,
      predicted,
      probabilities,
    };
  }

  /** Every layer's output for one picture (flat NHWC numbers), the last being the logits. */
  async activations(pixels: ArrayLike<number>): Promise<LayerOutput[]> {
    const outputs = tf.tidy(() =>
      this.net.forward(tf.tensor4d(Float32Array.from(pixels), [1, ...this.network.input])),
    );
    const values = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
    for (const t of outputs) t.dispose();
    return this.network.layers.map((layer, i) => ({
      type: layer.type,
      shape: this.net.shapes[i] as Shape,
      values: values[i] as Float32Array,
    }));
  }

  /** The class probabilities for one picture. */
  async predict(pixels: ArrayLike<number>): Promise<Float32Array> {
    const probs = tf.tidy(() => {
      const outputs = this.net.forward(tf.tensor4d(Float32Array.from(pixels), [1, ...this.network.input]));
      return tf.softmax(outputs.at(-1) as tf.Tensor2D);
    });
    const values = (await probs.data()) as Float32Array;
    probs.dispose();
    return values;
  }

  /** The current weights as plain numbers, in the formats' order. */
  getWeights(): (LayerWeights | null)[] {
    return this.net.readWeights();
  }

  /** Replaces the weights (for example from a shared network); the optimiser starts afresh. */
  setWeights(weights: readonly (LayerWeights | null)[]): void {
    this.net.writeWeights(weights);
    disposeOptimizer(this.optimizer);
    this.optimizer = this.makeOptimizer();
  }

  async saveState(): Promise<TrainingState> {
    const { training } = this.network;
    const weights = this.net.readWeights();
    // The optimiser's slots follow the layers that own weights.
    const owners = weights.map((w) => w !== null);
    return {
      step: this.stepCount,
      weights,
      optimizer: await readOptimizerState(this.optimizer, training, owners, this.net.trainables()),
      batches: this.batches.save(),
    };
  }

  async loadState(state: TrainingState): Promise<void> {
    this.batches.load(state.batches);
    this.net.writeWeights(state.weights);
    disposeOptimizer(this.optimizer);
    this.optimizer = this.makeOptimizer();
    const { training } = this.network;
    const owners = state.weights.map((w) => w !== null);
    await writeOptimizerState(this.optimizer, training, owners, this.net.trainables(), state.optimizer);
    this.stepCount = state.step;
  }

  /** Back to fresh weights drawn from `seed` (the network's own by default), step 0, a fresh optimiser. */
  reset(seed = this.network.training.seed): void {
    this.net.writeWeights(initialWeights(this.network.input, this.network.layers, seed));
    disposeOptimizer(this.optimizer);
    this.optimizer = this.makeOptimizer();
    this.batches.dispose();
    this.batches = this.makeBatches(seed);
    this.stepCount = 0;
  }

  /** Frees every tensor the engine holds. */
  dispose(): void {
    disposeOptimizer(this.optimizer);
    this.batches.dispose();
    this.net.dispose();
  }
}
