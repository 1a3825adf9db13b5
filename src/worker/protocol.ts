/**
 * The trainer's side of the worker boundary: the setup it trains, the events it sends, and the API
 * the page calls through Comlink. The game and the views import only this file and the client.
 */
import type { Example, LayerSpec, LayerType, LayerWeights, Shape, TrainingSpec } from '../spec';
import type { Settings } from '../storage';
import type { Speed } from './pace';

export type { Speed } from './pace';

/** A TensorFlow.js backend the worker can train on (mirrors the engine's, which the page must not load). */
export type BackendName = 'cpu' | 'wasm' | 'webgl';

/** The backend setting: the measured fastest ('auto') or one the player forces. */
export type BackendChoice = Settings['backend'];

/** What to train: a network and a level's pictures. */
export interface TrainingSetup {
  readonly input: readonly [number, number, number];
  readonly layers: readonly LayerSpec[];
  readonly classCount: number;
  readonly training: TrainingSpec;
  /** Start from these weights (a shared or saved network) instead of fresh ones from the seed. */
  readonly weights?: readonly (LayerWeights | null)[] | undefined;
  readonly train: readonly Example[];
  /** The hidden test pictures, judged only when a run asks for test accuracy. */
  readonly test: readonly Example[];
  /** Training stops after this many steps (the level's limit or the engine's default). */
  readonly maxSteps?: number | undefined;
}

/** How one backend did when timed on the network at hand. */
export interface BackendMeasurement {
  readonly backend: BackendName;
  /** Warm training steps per second; null when the backend was not timed. */
  readonly stepsPerSecond: number | null;
  /** Why it was not timed or failed, for the player. */
  readonly note?: string;
}

/** Which backend trains and why. */
export interface BackendReport {
  readonly backend: BackendName;
  /** True when the player forced it in settings. */
  readonly forced: boolean;
  readonly measurements: readonly BackendMeasurement[];
  /** One line for the player, for example "wasm: 480 steps/s, cpu: 260, WebGL: 60". */
  readonly summary: string;
}

/** A layer's weights for the views, or null for a layer without any. */
export type WeightSnapshot = { readonly kernel: Float32Array; readonly bias: Float32Array } | null;

/** One layer's output for one picture, flat in NHWC order. */
export interface LayerActivation {
  readonly type: LayerType;
  readonly shape: Shape;
  readonly values: Float32Array;
}

/** Where training stands, sent after every accuracy check. */
export interface ProgressEvent {
  readonly type: 'progress';
  readonly step: number;
  readonly epoch: number;
  /** The mean loss over the training pictures. */
  readonly loss: number;
  readonly trainAccuracy: number;
  /** Accuracy on the hidden test pictures, only when the run asked for it. */
  readonly testAccuracy: number | null;
  readonly examplesPerSecond: number;
}

/** What the views draw, sent at most about 15 times a second. */
export interface SnapshotEvent {
  readonly type: 'snapshot';
  readonly step: number;
  readonly weights: readonly WeightSnapshot[];
  /** Every layer's output for the watched picture, null when no picture is watched. */
  readonly activations: readonly LayerActivation[] | null;
  /**
   * The training pictures' class probabilities at the last accuracy check (pictures x classes), or
   * null before any check or when the set is too large to send with each snapshot.
   */
  readonly trainPredictions?: Float32Array | null;
}

/** The backend changed (chosen at load, or a fallback after WebGL lost its context). */
export interface BackendEvent {
  readonly type: 'backend';
  readonly report: BackendReport;
}

/** Why a run ended. */
export type DoneReason = 'learned' | 'step-limit' | 'stopped' | 'diverged';

/** A run ended; the weights stay as they are (for 'diverged', the last good ones). */
export interface DoneEvent {
  readonly type: 'done';
  readonly reason: DoneReason;
  readonly step: number;
  /** A sentence for the player. */
  readonly message: string;
}

/** Something failed in the worker; the message is for the player. */
export interface ErrorEvent {
  readonly type: 'error';
  readonly message: string;
}

/** Everything the trainer tells the page. */
export type TrainerEvent = ProgressEvent | SnapshotEvent | BackendEvent | DoneEvent | ErrorEvent;

/** How a run ends: done, or an error. */
export type RunEnd = DoneEvent | ErrorEvent;

/** Options of one training run. */
export interface RunOptions {
  readonly speed?: Speed;
  /** Also judge the hidden test pictures at each accuracy check. */
  readonly testAccuracy?: boolean;
}

/** Options of `load`. */
export interface LoadOptions {
  readonly backend?: BackendChoice;
}

/** The network's answer for one picture. */
export interface Prediction {
  readonly probabilities: Float32Array;
  readonly layers: readonly LayerActivation[];
}

/** A listener for trainer events. */
export type TrainerListener = (event: TrainerEvent) => void;

/** The trainer as the page sees it through Comlink: every call is async. */
export interface TrainerApi {
  /** Builds the network on the measured fastest backend (or the forced one). */
  load(setup: TrainingSetup, options?: LoadOptions): Promise<BackendReport>;
  /** Trains until learned, the step limit, stop or divergence; events go to `onEvent`. */
  train(onEvent: TrainerListener, options?: RunOptions): Promise<RunEnd>;
  /** Parks the run after the current chunk; resolves once it is parked. */
  pause(): Promise<void>;
  /** Lets a paused run go on. */
  resume(): Promise<void>;
  /** Takes exactly `steps` steps now (a run, if any, stays paused) and reports where training stands. */
  step(steps: number): Promise<ProgressEvent>;
  /** Ends any run and goes back to fresh weights from `seed` (the network's own by default). */
  reset(seed?: number): Promise<ProgressEvent>;
  /** Ends the run; resolves once it has ended. */
  stop(): Promise<void>;
  /** Changes the speed of the run in progress and of later ones. */
  setSpeed(speed: Speed): Promise<void>;
  /** The picture whose activations snapshots carry (null for none). */
  watch(pixels: Float32Array | null): Promise<void>;
  /** Every layer's output and the class probabilities for one picture. */
  predict(pixels: Float32Array): Promise<Prediction>;
  getWeights(): Promise<(LayerWeights | null)[]>;
  setWeights(weights: readonly (LayerWeights | null)[]): Promise<void>;
  /** Makes WebGL lose its context, as a GPU reset would (tests and benchmarks); false when not on WebGL. */
  loseWebGLContext(): Promise<boolean>;
  /** Answers at once: the client's heartbeat. */
  ping(): Promise<number>;
}
