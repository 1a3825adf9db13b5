/** What every engine path offers: the TensorFlow.js one on any backend, and the plain typed-array one. */
import type { Example, LayerOutput, LayerWeights, NetworkSpec, Shape } from '../spec';

/** Where training stands after a call to `trainSteps`. */
export interface StepResult {
  readonly step: number;
  readonly epoch: number;
  /** The loss of the last step's batch. */
  readonly loss: number;
  /** True when the loss became NaN or infinite: the weights were put back as they were before the call. */
  readonly diverged: boolean;
}

/** How the network does on a set of pictures. */
export interface Evaluation {
  readonly accuracy: number;
  readonly loss: number;
  /** The class each picture got the most votes for. */
  readonly predicted: Int32Array;
  /** Class probabilities, `count * classCount` numbers. */
  readonly probabilities: Float32Array;
}

/** Trains and runs one network; the worker, the command line and the tests drive it on any path. */
export interface TrainingEngine {
  readonly network: NetworkSpec;
  /** How many classes the network votes for (the units of its last Dense). */
  readonly classCount: number;
  /** The path the network runs on: 'plain' or a TensorFlow.js backend. */
  readonly backend: string;
  /** Steps taken since the start or the last reset. */
  readonly step: number;
  /** The output shape of every layer. */
  readonly shapes: readonly Shape[];
  /** Runs `steps` optimiser steps; on a blow-up the weights go back to where the call started. */
  trainSteps(steps: number): Promise<StepResult>;
  /** Class probabilities and accuracy over `examples`, in batches. */
  evaluate(examples: readonly Example[]): Promise<Evaluation>;
  /** Every layer's output for one picture (flat NHWC numbers), the last being the logits. */
  activations(pixels: ArrayLike<number>): Promise<LayerOutput[]>;
  /** The class probabilities for one picture. */
  predict(pixels: ArrayLike<number>): Promise<Float32Array>;
  /** The current weights as plain numbers, in the formats' order. */
  getWeights(): (LayerWeights | null)[];
  /** Replaces the weights; the optimiser starts afresh. */
  setWeights(weights: readonly (LayerWeights | null)[]): void;
  /** Back to fresh weights drawn from `seed` (the network's own by default), step 0, a fresh optimiser. */
  reset(seed?: number): void;
  /** Frees everything the engine holds. */
  dispose(): void;
}
