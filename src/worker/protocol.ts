/**
 * The worker boundary: the job the page hands over, the events the trainer sends, and the API the
 * page calls through Comlink. Both sides import this file; the page side lives in `page/`, the
 * worker side in `thread/`. The names and rules of training come from the spec's training contract.
 */
import type {
  BackendChoice,
  BackendName,
  DoneReason,
  LayerOutput,
  LayerWeights,
  Speed,
  TestResult,
  TrainingJob,
} from '../spec';

export type {
  BackendChoice,
  BackendName,
  DoneReason,
  LayerOutput,
  Speed,
  TestResult,
  TrainingJob,
} from '../spec';

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
  /** True when the steps before this check blew the loss up: the weights went back to the last good ones. */
  readonly diverged?: boolean;
}

/** What the views draw, sent at most about 15 times a second. */
export interface SnapshotEvent {
  readonly type: 'snapshot';
  readonly step: number;
  readonly weights: readonly WeightSnapshot[];
  /** Every layer's output for the watched picture, null when no picture is watched. */
  readonly activations: readonly LayerOutput[] | null;
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

/** A run ended; the weights stay as they are (for 'diverged', the last good ones). */
export interface DoneEvent {
  readonly type: 'done';
  readonly reason: DoneReason;
  readonly step: number;
  /** A sentence for the player. */
  readonly message: string;
  /** The judgement on the hidden test pictures, for a run that learned or used up its steps. */
  readonly test: TestResult | null;
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
  readonly layers: readonly LayerOutput[];
}

/** A listener for trainer events. */
export type TrainerListener = (event: TrainerEvent) => void;

/** The trainer as the page sees it through Comlink: every call is async. */
export interface TrainerApi {
  /** Builds the job's network on the measured fastest backend (or the forced one). */
  load(job: TrainingJob, options?: LoadOptions): Promise<BackendReport>;
  /** Where every event goes from now on, whichever call caused it (train, step, reset, watch). */
  listen(onEvent: TrainerListener): Promise<void>;
  /**
   * Trains until learned, the step limit, stop or divergence, then judges the hidden test pictures
   * (the spec's train-until-judged routine); events go to the listener.
   */
  train(options?: RunOptions): Promise<RunEnd>;
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
  /** The picture whose activations snapshots carry (null for none); between runs, a snapshot of it comes at once. */
  watch(pixels: Float32Array | null): Promise<void>;
  /** Every layer's output and the class probabilities for one picture. */
  predict(pixels: Float32Array): Promise<Prediction>;
  /** Class probabilities of the hidden test pictures, `count * classes` numbers, in one batched call. */
  testProbabilities(): Promise<Float32Array>;
  getWeights(): Promise<(LayerWeights | null)[]>;
  setWeights(weights: readonly (LayerWeights | null)[]): Promise<void>;
  /** Makes WebGL lose its context, as a GPU reset would (tests and benchmarks); false when not on WebGL. */
  loseWebGLContext(): Promise<boolean>;
  /** Answers at once: the client's heartbeat. */
  ping(): Promise<number>;
}

/** What the worker serves: the trainer, and what the worker itself holds. */
export interface WorkerApi extends TrainerApi {
  /** Tensors and heap now, after a garbage collection where the host allows one (the soak benchmark). */
  memory(): Promise<WorkerMemory>;
}

/** The worker's memory: TensorFlow.js tensors and the JavaScript heap (null where the host does not say). */
export interface WorkerMemory {
  readonly tensors: number;
  readonly tensorBytes: number;
  readonly heapBytes: number | null;
}
