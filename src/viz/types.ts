/**
 * What the training view is drawn from: plain data copied out of the worker's throttled snapshots.
 * The view never imports the engine (it pulls TensorFlow.js, which the main page must never load),
 * so a layer's output is described here by its shape alone.
 */
import type { Example, LayerSpec, LayerType, Shape } from '../spec';

/** One layer's output for one picture: the same shape as the engine's `LayerOutput`. */
export interface LayerOutputLike {
  readonly type: LayerType;
  /** `[height, width, channels]`, or `[n]` once flat. */
  readonly shape: Shape;
  /** Flat NHWC numbers. */
  readonly values: ArrayLike<number>;
}

/** A layer's weights as the view reads them: the spec's `LayerWeights` or the worker's Float32Array copies. */
export interface ViewWeights {
  /** Conv: flat HWIO `[size][size][inChannels][filters]`; dense: `[inputs][units]`. */
  readonly kernel: ArrayLike<number>;
  readonly bias: ArrayLike<number>;
}

/** The picture the player picked, and what every layer made of it. */
export interface SelectedPicture {
  /** The picture as the network reads it: NHWC numbers. */
  readonly pixels: ArrayLike<number>;
  /** One output per layer, lined up with the snapshot's `layers`. */
  readonly outputs: readonly LayerOutputLike[];
  /** The network's final votes: one probability per class. */
  readonly probabilities: ArrayLike<number>;
}

/** One throttled look at the network while it trains. */
export interface ViewSnapshot {
  readonly step: number;
  readonly layers: readonly LayerSpec[];
  readonly input: readonly [number, number, number];
  /** Lines up with `layers`: `null` for a layer without parameters. */
  readonly weights: readonly (ViewWeights | null)[];
  readonly selected?: SelectedPicture;
  /** Probabilities per training picture, picture after picture: `count * classes` numbers. */
  readonly trainPredictions?: Float32Array;
}

/** One point of the loss and accuracy curves. */
export interface HistoryPoint {
  readonly step: number;
  readonly loss: number;
  /** Fraction of training pictures voted right, 0 to 1. */
  readonly trainAccuracy: number;
  /** Fraction of test pictures voted right, once the network has been judged. */
  readonly testAccuracy?: number;
}

/** The network judged on the hidden test pictures. */
export interface Judgement {
  readonly step: number;
  /** Probabilities per test picture, picture after picture: `count * classes` numbers. */
  readonly testPredictions: Float32Array;
}

/** Which picture the player asked to look inside. */
export type PictureChoice =
  | { readonly kind: 'train'; readonly index: number }
  | { readonly kind: 'test'; readonly index: number }
  | { readonly kind: 'drawn'; readonly pixels: readonly number[] };

/** A picture of a level as the view draws it. */
export type ViewPicture = Pick<Example, 'label' | 'classIndex' | 'pixels'>;
