/**
 * The plain data every part of ConvBlocks speaks: a network and a level, as parsed from their
 * JSON documents (network version 1, level version 3). Tensors are height x width x channels (NHWC).
 */

/** `"valid"` adds no padding; `"same"` pads (as TensorFlow does) so the output is ceil(in / stride). */
export type Padding = 'valid' | 'same';

/** A picture's or a feature map's shape: `[height, width, channels]`, or `[n]` once flattened. */
export type Shape = readonly [number, number, number] | readonly [number];

/** The activations of the course besides ReLU. */
export type ActivationFn = 'sigmoid' | 'tanh' | 'leaky_relu' | 'elu';

export interface ConvLayer {
  readonly type: 'conv';
  /** How many filters, so how many feature maps come out. */
  readonly filters: number;
  /** The filter's width and height in pixels. */
  readonly size: number;
  /** How many pixels the filter moves between two outputs. */
  readonly stride: number;
  readonly padding: Padding;
  /**
   * What each output does with its products: `"sum"` (the default, also when absent) adds them up;
   * `"mean"` divides that sum by the filter's size x size pixels, as the course's X example does
   * (its 0.77 is 7 / 9). The bias is added after the divide.
   */
  readonly products?: 'sum' | 'mean';
}

export interface ReluLayer {
  readonly type: 'relu';
}

export interface ActivationLayer {
  readonly type: 'activation';
  readonly fn: ActivationFn;
}

export interface PoolLayer {
  readonly type: 'pool';
  /** Max keeps the strongest value of each window; avg keeps the mean of its real (unpadded) values. */
  readonly op: 'max' | 'avg';
  readonly size: number;
  readonly stride: number;
  readonly padding: Padding;
}

export interface FlattenLayer {
  readonly type: 'flatten';
}

export interface DenseLayer {
  readonly type: 'dense';
  /** How many outputs; the last Dense has one per class (its votes). */
  readonly units: number;
}

/** One block of a network. */
export type LayerSpec = ConvLayer | ReluLayer | ActivationLayer | PoolLayer | FlattenLayer | DenseLayer;

/** The layer types, as block kinds a level may offer. */
export type LayerType = LayerSpec['type'];

/** Every layer type, in the order the toolbox shows them. */
export const LAYER_TYPES = [
  'conv',
  'relu',
  'activation',
  'pool',
  'flatten',
  'dense',
] as const satisfies readonly LayerType[];

/** How to train: the optimiser and its knobs, and the seed of the weights' initialisation. */
export interface TrainingSpec {
  readonly optimizer: 'adam' | 'sgd';
  readonly learningRate: number;
  /** Momentum of SGD (0 for plain gradient descent); ignored by Adam. */
  readonly momentum: number;
  readonly batchSize: number;
  readonly seed: number;
}

/** A layer's parameters: conv kernels flat in HWIO order, dense kernels flat in [inputs][units]. */
export interface LayerWeights {
  readonly kernel: readonly number[];
  readonly bias: readonly number[];
}

/** A network document (`convblocks/network`, version 1) once parsed. */
export interface NetworkSpec {
  readonly kind: 'convblocks/network';
  readonly version: 1;
  readonly name: string;
  /** The id of the level this network was built for. */
  readonly level?: string;
  readonly input: readonly [number, number, number];
  /** Class names; may be left out when `level` names a level, whose classes are used. */
  readonly classes?: readonly string[];
  readonly layers: readonly LayerSpec[];
  readonly training: TrainingSpec;
  /** Lines up with `layers`: `null` for a layer without parameters. */
  readonly weights?: readonly (LayerWeights | null)[];
}

/** One picture of a level, flattened to NHWC numbers, with its class. */
export interface Example {
  readonly label: string;
  /** Index of `label` in the level's classes. */
  readonly classIndex: number;
  /** height * width * channels numbers, row by row, channel innermost. */
  readonly pixels: readonly number[];
}

/** What a star beyond the first asks for: the first star is always the goal itself. */
export type StarLimit =
  | { readonly maxParams: number }
  | { readonly maxSteps: number }
  | { readonly maxLayers: number };

/**
 * A network a level carries to prove something about itself (a star's proof, a trap); without
 * `training` it trains with the level's settings (see `levelNetworkTraining`).
 */
export interface LevelNetwork {
  readonly layers: readonly LayerSpec[];
  readonly training?: TrainingSpec;
}

/**
 * A reason for a star beyond the first, with an optional proof: a network that reaches the goal and
 * earns this star on every seed `convblocks check` tries.
 */
export type StarRule = StarLimit & { readonly proof?: LevelNetwork };

/** A network built on a wrong idea: `convblocks check` fails the level if it reaches the goal. */
export interface LevelTrap extends LevelNetwork {
  /** The wrong idea, in one short plain sentence ("Flatten and Dense alone, with no filter"). */
  readonly idea: string;
}

/** What a level lets the player build. */
export interface LevelLimits {
  readonly blocks: readonly LayerType[];
  readonly maxLayers?: number;
  readonly maxParams?: number;
  /** Conv filters are at most this many pixels on a side (version 3; no cap when left out). */
  readonly maxFilterSize?: number;
  /** At most this many blocks of a kind, for the kinds named. */
  readonly maxBlocks?: Readonly<Partial<Record<LayerType, number>>>;
  /** Training stops after this many steps. */
  readonly maxSteps?: number;
}

/** A network known to win the level. */
export interface ReferenceNetwork {
  readonly layers: readonly LayerSpec[];
  readonly training: TrainingSpec;
}

/** A level document (`convblocks/level`) once parsed, a version-1 or 2 document migrated to version 3. */
export interface LevelSpec {
  readonly kind: 'convblocks/level';
  readonly version: 3;
  readonly id: string;
  readonly title: string;
  readonly concept: string;
  readonly intro: readonly string[];
  readonly input: readonly [number, number, number];
  /** The value of a `.` in a picture row: -1 or 0. */
  readonly blank: -1 | 0;
  readonly classes: readonly string[];
  readonly train: readonly Example[];
  readonly test: readonly Example[];
  readonly goal: { readonly testAccuracy: number };
  readonly limits: LevelLimits;
  readonly stars: readonly StarRule[];
  /** Networks on a wrong idea that must not win (none in a migrated version-1 level). */
  readonly traps: readonly LevelTrap[];
  readonly hints: readonly string[];
  readonly starter?: readonly LayerSpec[];
  /** The training settings a player starts from; defaults when left out. */
  readonly training?: TrainingSpec;
  readonly reference?: ReferenceNetwork;
}

/** Training defaults of the formats: Adam, learning rate 0.01, batch 32, seed 1. */
export const DEFAULT_TRAINING: TrainingSpec = {
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0.9,
  batchSize: 32,
  seed: 1,
};
