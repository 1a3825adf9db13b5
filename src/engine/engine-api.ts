/** What every engine path offers: the TensorFlow.js one on any backend, and the plain typed-array one. */
import type { Example, LayerOutput, LayerWeights, NetworkSpec, Shape } from '../spec';
import type { BatchPosition } from './batch-order';

/** One optimiser slot (momentum's accumulation, or one of Adam's moments) of a layer's kernel and bias, in the formats' order. */
export interface SlotValues {
  readonly kernel: Float64Array;
  readonly bias: Float64Array;
}

/** An optimiser's state, the same on every path. */
export interface OptimizerState {
  /** Updates since the optimiser started (Adam's bias correction counts them). */
  readonly updates: number;
  /**
   * Momentum's accumulation or Adam's first moment, per layer (null for a layer without weights);
   * null before the first update and for plain SGD.
   */
  readonly first: readonly (SlotValues | null)[] | null;
  /** Adam's second moment, per layer; null otherwise. */
  readonly second: readonly (SlotValues | null)[] | null;
}

/** Everything a run carries from one path to another so that it goes on exactly as it would have. */
export interface TrainingState {
  readonly step: number;
  readonly weights: (LayerWeights | null)[];
  readonly optimizer: OptimizerState;
  readonly batches: BatchPosition;
}

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
  /** The weights, the optimiser's state, the step and the batch order's position, copied. */
  saveState(): Promise<TrainingState>;
  /** Goes on from a state saved on any path for the same network and training pictures. */
  loadState(state: TrainingState): Promise<void>;
  /** Back to fresh weights drawn from `seed` (the network's own by default), step 0, a fresh optimiser. */
  reset(seed?: number): void;
  /** Frees everything the engine holds. */
  dispose(): void;
}
