/**
 * The training contract: what is trained (a job), the names of backends and speeds, a layer's
 * output, and the rules every trainer shares (when a network has learned, how many steps a run may
 * take, which class a picture is voted). Plain data and pure functions, free of TensorFlow.js, so
 * the page, the worker, the engine and the command line all speak it.
 */
import type {
  Example,
  LayerSpec,
  LayerType,
  LayerWeights,
  LevelSpec,
  NetworkSpec,
  Shape,
  TrainingSpec,
} from './types';
import { DEFAULT_TRAINING } from './types';

/**
 * The paths a network can train on, fastest to start first: plain typed-array loops (no
 * TensorFlow.js, no per-operation cost: the quickest for small networks), then the TensorFlow.js
 * backends.
 */
export const BACKEND_NAMES = ['plain', 'wasm', 'cpu', 'webgl'] as const;

/** A training path: 'plain' or a TensorFlow.js backend. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The backend setting: the measured fastest ('auto') or one the player forces. */
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;

/** A backend setting. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** The one set of words for backends, wherever a player reads them. */
export const BACKEND_LABELS: { readonly [B in BackendChoice]: string } = {
  auto: 'Fastest (measured)',
  plain: 'Plain arrays',
  wasm: 'WebAssembly',
  cpu: 'JavaScript',
  webgl: 'GPU (WebGL)',
};

/** Training speeds, from watchable slow motion to as fast as the machine goes. */
export const SPEEDS = ['slow-motion', 'slow', 'normal', 'fast', 'fastest'] as const;

/** A training speed. */
export type Speed = (typeof SPEEDS)[number];

/** The speed a run starts at when none is given. */
export const DEFAULT_SPEED: Speed = 'normal';

/** Steps a training run may take when the level sets no limit. */
export const DEFAULT_MAX_STEPS = 2000;

/** One layer's output for one picture, flat in NHWC order. */
export interface LayerOutput {
  readonly type: LayerType;
  readonly shape: Shape;
  readonly values: Float32Array;
}

/**
 * What a trainer is asked to train: a network (with the weights to start from, if any), a level's
 * pictures, and the most steps a run may take. The one shape of a network from blocks to engine.
 */
export interface TrainingJob {
  readonly network: NetworkSpec;
  readonly train: readonly Example[];
  /** The hidden test pictures, judged when a run ends. */
  readonly test: readonly Example[];
  readonly maxSteps: number;
  /**
   * Steps at which a run is always checked, whatever its pace: a star "within N training steps" is
   * then judged at step N at the latest wherever the network trains, as the words say.
   */
  readonly checkAt?: readonly number[];
}

/** How many classes a network votes for: the units of its last Dense, which the classifier rule ties to the classes. */
export function classCountOf(network: Pick<NetworkSpec, 'layers'>): number {
  const last = network.layers.at(-1);
  return last?.type === 'dense' ? last.units : 0;
}

/** The training settings a level starts from: its own, else its reference network's, else the defaults. */
export function levelTraining(level: LevelSpec): TrainingSpec {
  return level.training ?? level.reference?.training ?? DEFAULT_TRAINING;
}

/** The parts a network document is made from; the formats' defaults fill in what is left out. */
export interface NetworkParts {
  readonly input: readonly [number, number, number];
  readonly layers: readonly LayerSpec[];
  readonly training?: TrainingSpec;
  readonly weights?: readonly (LayerWeights | null)[] | undefined;
  readonly name?: string;
}

/** A network document from its parts (benchmarks, tests, tools that build one by hand). */
export function networkOf(parts: NetworkParts): NetworkSpec {
  return {
    kind: 'convblocks/network',
    version: 1,
    name: parts.name ?? 'network',
    input: parts.input,
    layers: parts.layers,
    training: parts.training ?? DEFAULT_TRAINING,
    ...(parts.weights && { weights: parts.weights }),
  };
}

/** A network built for `level` from the player's layers and settings, with trained weights if any. */
export function levelNetwork(
  level: LevelSpec,
  layers: readonly LayerSpec[],
  training: TrainingSpec,
  weights?: readonly (LayerWeights | null)[],
): NetworkSpec {
  return {
    kind: 'convblocks/network',
    version: 1,
    name: `my ${level.title} network`,
    level: level.id,
    input: level.input,
    classes: level.classes,
    layers,
    training,
    ...(weights && { weights }),
  };
}

/** The job of training `network` on `level`'s pictures, within its step limit. */
export function levelJob(level: LevelSpec, network: NetworkSpec, maxSteps?: number): TrainingJob {
  return {
    network,
    train: level.train,
    test: level.test,
    maxSteps: maxSteps ?? level.limits.maxSteps ?? DEFAULT_MAX_STEPS,
    checkAt: level.stars.flatMap((star) => ('maxSteps' in star ? [star.maxSteps] : [])),
  };
}

/**
 * What decides whether two networks train alike: the layers and the training settings. A trainer
 * that already holds a network with this key keeps its weights.
 */
export function trainingKey(network: Pick<NetworkSpec, 'layers' | 'training'>): string {
  return JSON.stringify([network.layers, network.training]);
}

/**
 * When a network has learned its training pictures: all of them right, and by a clear margin
 * (a mean loss under 0.1, about 90% confidence), so the judgement on the hidden test pictures is
 * not decided by a coin flip at the decision boundary.
 */
export function hasLearned(trainAccuracy: number, trainLoss: number): boolean {
  return trainAccuracy === 1 && trainLoss < 0.1;
}

/** The index of the largest of `count` values from `start` (the first on a tie), relative to `start`. */
export function argmax(values: ArrayLike<number>, start = 0, count = values.length - start): number {
  let best = 0;
  for (let i = 1; i < count; i++) {
    if ((values[start + i] as number) > (values[start + best] as number)) best = i;
  }
  return best;
}

/** Class probabilities from logits, shifted by the largest so no exponential overflows. */
export function softmax(logits: ArrayLike<number>): Float32Array {
  const values = Array.from(logits);
  const top = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return Float32Array.from(exps, (e) => e / sum);
}

/** The class each picture got the most votes for, from `count * classes` probabilities. */
export function votedClasses(probabilities: ArrayLike<number>, classes: number): Int32Array {
  const count = classes > 0 ? Math.floor(probabilities.length / classes) : 0;
  return Int32Array.from({ length: count }, (_, i) => argmax(probabilities, i * classes, classes));
}

/** The share of `examples` whose voted class is their own. */
export function accuracyOf(predicted: ArrayLike<number>, examples: readonly Example[]): number {
  if (!examples.length) return 0;
  let right = 0;
  examples.forEach((example, i) => {
    if (predicted[i] === example.classIndex) right++;
  });
  return right / examples.length;
}

/** Whether a hidden-test accuracy wins `level`. */
export function reachesGoal(level: Pick<LevelSpec, 'goal' | 'test'>, testAccuracy: number): boolean {
  return level.test.length > 0 && testAccuracy >= level.goal.testAccuracy;
}
