import {
  BACKENDS,
  type BackendName,
  type BackendOptions,
  DEFAULT_MAX_STEPS,
  Engine,
  type EngineNetwork,
  hasLearned,
  tf,
  useBackend,
} from '../engine';
import type { LayerWeights } from '../spec';
import { BACKEND_LABELS, fastest, measureBackends, networkShapeKey, summarize } from './backend-choice';
import { DEFAULT_SPEED, nextChunk, PACES, type Speed } from './pace';
import type {
  BackendChoice,
  BackendMeasurement,
  BackendReport,
  DoneEvent,
  DoneReason,
  LoadOptions,
  Prediction,
  ProgressEvent,
  RunEnd,
  RunOptions,
  SnapshotEvent,
  TrainerApi,
  TrainerEvent,
  TrainerListener,
  TrainingSetup,
} from './protocol';
import { RunState } from './run-state';
import { contextLoss, loseContext, webglContextOf } from './webgl-context';

/** What the player reads when the loss becomes NaN or infinite. */
export const DIVERGED_MESSAGE =
  'The loss blew up: try a smaller learning rate. Training stopped and kept the last good weights.';

/** Training runs at least this many times as long as the accuracy check between two checks. */
const CHECK_SHARE_FACTOR = 4;

const DONE_MESSAGES: { readonly [R in DoneReason]: string } = {
  learned: 'Every training picture is right: the network has learned.',
  'step-limit': 'Training reached its step limit.',
  stopped: 'Training stopped.',
  diverged: DIVERGED_MESSAGE,
};

/** Where the trainer runs: which backends it may use and where the wasm files are. */
export interface TrainerOptions {
  /** The backends to choose from, in order of preference on a tie (all three by default). */
  readonly backends?: readonly BackendName[];
  readonly backendOptions?: BackendOptions;
}

/** Weights as plain numbers at the step they were read: what survives a lost WebGL context. */
interface WeightCopy {
  readonly step: number;
  readonly weights: (LayerWeights | null)[];
}

/** The live part of the trainer: one network on one backend. */
/** The most class probabilities a snapshot carries (pictures x classes), so each stays a few KB. */
const MAX_VOTES = 2048;

interface Loaded {
  readonly setup: TrainingSetup;
  readonly network: EngineNetwork;
  engine: Engine;
  /** Steps taken before `engine` was built (it restarts at 0 after a rebuild). */
  stepBase: number;
  epoch: number;
  report: BackendReport;
  gl: WebGL2RenderingContext | WebGLRenderingContext | null;
  lost: Promise<void> | null;
  copy: WeightCopy;
  /** The training pictures' class probabilities at the last accuracy check, for the views' votes. */
  trainVotes: Float32Array | null;
}

/**
 * Trains one network at a time on the fastest backend and reports as it goes. No Worker and no
 * Comlink here: the worker exposes it, the tests drive it directly.
 */
export class Trainer implements TrainerApi {
  private loaded: Loaded | null = null;
  private run: RunState | null = null;
  private listener: TrainerListener | null = null;
  private speed: Speed = DEFAULT_SPEED;
  private watched: Float32Array | null = null;
  /** The measured time of one step; null until the first, which is taken alone to show at once. */
  private stepMs: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly measurements = new Map<string, BackendMeasurement[]>();

  constructor(private readonly options: TrainerOptions = {}) {}

  /** Engine work one call at a time, so a click never lands in the middle of a chunk. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Engine work, one call at a time, that survives a lost WebGL context: the loss is noticed before
   * the work, or while it waits on the GPU (a read-back on a lost context never finishes), and the
   * work is done again on the backend the network was rebuilt on.
   */
  private onEngine<T>(work: (loaded: Loaded) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      for (;;) {
        const loaded = this.current;
        try {
          if (loaded.gl?.isContextLost()) throw new ContextLost();
          const done = work(loaded);
          const result = await (loaded.lost ? Promise.race([done, loaded.lost.then(contextLost)]) : done);
          // Read-backs from a lost context finish with zeros: never trust them.
          if (loaded.gl?.isContextLost()) throw new ContextLost();
          return result;
        } catch (error) {
          if (!(error instanceof ContextLost) && !loaded.gl?.isContextLost()) throw error;
          await this.recoverFromContextLoss();
        }
      }
    });
  }

  private emit(event: TrainerEvent): void {
    this.listener?.(event);
  }

  private get current(): Loaded {
    if (!this.loaded) throw new Error('There is no network to train yet: load one first.');
    return this.loaded;
  }

  private get stepCount(): number {
    const loaded = this.current;
    return loaded.stepBase + loaded.engine.step;
  }

  async load(setup: TrainingSetup, options: LoadOptions = {}): Promise<BackendReport> {
    await this.stop();
    return this.exclusive(async () => {
      this.dropEngine();
      this.stepMs = null;
      const network: EngineNetwork = {
        input: setup.input,
        layers: setup.layers,
        classCount: setup.classCount,
        training: setup.training,
        weights: setup.weights,
      };
      const report = await this.chooseBackend(network, setup, options.backend ?? 'auto');
      const engine = new Engine(network, setup.train);
      const gl = webglContextOf(tf.backend());
      this.loaded = {
        setup,
        network,
        engine,
        stepBase: 0,
        epoch: 0,
        report,
        gl,
        lost: gl ? contextLoss(gl) : null,
        copy: { step: 0, weights: engine.getWeights() },
        trainVotes: null,
      };
      this.emit({ type: 'backend', report });
      return report;
    });
  }

  private async chooseBackend(
    network: EngineNetwork,
    setup: TrainingSetup,
    choice: BackendChoice,
  ): Promise<BackendReport> {
    const candidates = this.options.backends ?? BACKENDS;
    const backendOptions = this.options.backendOptions ?? {};
    if (choice !== 'auto' && candidates.includes(choice) && (await useBackend(choice, backendOptions))) {
      return {
        backend: choice,
        forced: true,
        measurements: [],
        summary: `${BACKEND_LABELS[choice]} trains (chosen in settings)`,
      };
    }
    const key = networkShapeKey(network, setup.train.length);
    let measured = this.measurements.get(key);
    if (!measured) {
      measured = await measureBackends(candidates, network, setup.train, backendOptions);
      this.measurements.set(key, measured);
    }
    const best = fastest(measured)?.backend ?? 'cpu';
    const backend = (await useBackend(best, backendOptions)) ? best : 'cpu';
    if (backend === 'cpu') await useBackend('cpu');
    const refused =
      choice === 'auto' ? '' : ` (${BACKEND_LABELS[choice]}, chosen in settings, is not available here)`;
    return {
      backend,
      forced: false,
      measurements: measured,
      summary: `${BACKEND_LABELS[backend]} trains, the fastest measured: ${summarize(measured)}${refused}`,
    };
  }

  private dropEngine(): void {
    try {
      this.loaded?.engine.dispose();
    } catch {
      // A lost WebGL context can refuse to free its textures; they died with it.
    }
    this.loaded = null;
  }

  async train(onEvent: TrainerListener, options: RunOptions = {}): Promise<RunEnd> {
    if (!this.loaded) throw new Error('There is no network to train yet: load one first.');
    if (this.run) throw new Error('Training is already running: pause or stop it first.');
    this.listener = onEvent;
    if (options.speed) this.speed = options.speed;
    const run = new RunState(options.testAccuracy ?? false);
    this.run = run;
    try {
      return await this.loop(run);
    } catch (error) {
      const event: RunEnd = { type: 'error', message: playerMessage(error) };
      this.emit(event);
      return event;
    } finally {
      this.run = null;
      run.end();
    }
  }

  private async loop(run: RunState): Promise<RunEnd> {
    const maxSteps = this.current.setup.maxSteps ?? DEFAULT_MAX_STEPS;
    const batch = Math.min(this.current.network.training.batchSize, this.current.setup.train.length);
    let lastCheck = Number.NEGATIVE_INFINITY;
    let lastSnapshot = Number.NEGATIVE_INFINITY;
    let stepsSinceCheck = 0;
    let msSinceCheck = 0;
    // Checking reads every training picture: on a big set it waits long enough to stay a small share.
    let checkMs = 0;
    for (;;) {
      if (run.stopping) return this.finish('stopped');
      if (run.paused) {
        await run.park();
        continue;
      }
      if (this.stepCount >= maxSteps) return this.finish('step-limit');
      const pace = PACES[this.speed];
      const chunk = nextChunk(pace, this.stepMs);
      const tickStarted = performance.now();
      const steps = Math.min(chunk.steps, maxSteps - this.stepCount);
      const outcome = await this.onEngine((loaded) => this.trainChunk(loaded, steps));
      if (outcome === 'diverged') return this.finish('diverged');
      stepsSinceCheck += steps;
      msSinceCheck += performance.now() - tickStarted;
      const now = performance.now();
      const checkDue = Math.max(pace.evaluateEveryMs, CHECK_SHARE_FACTOR * checkMs);
      if (now - lastCheck >= checkDue || this.stepCount >= maxSteps) {
        const rate = msSinceCheck > 0 ? (stepsSinceCheck * batch * 1000) / msSinceCheck : 0;
        const progress = await this.onEngine((loaded) => this.progress(loaded, run.testAccuracy, rate));
        checkMs = performance.now() - now;
        this.emit(progress);
        lastCheck = now;
        stepsSinceCheck = 0;
        msSinceCheck = 0;
        if (hasLearned(progress.trainAccuracy, progress.loss)) {
          this.emit(await this.onEngine((loaded) => this.snapshot(loaded)));
          return this.finish('learned');
        }
      }
      if (now - lastSnapshot >= pace.snapshotEveryMs) {
        this.emit(await this.onEngine((loaded) => this.snapshot(loaded)));
        lastSnapshot = now;
      }
      await run.sleep(chunk.tickMs - (performance.now() - tickStarted));
    }
  }

  private finish(reason: DoneReason): DoneEvent {
    const event: DoneEvent = { type: 'done', reason, step: this.stepCount, message: DONE_MESSAGES[reason] };
    this.emit(event);
    return event;
  }

  /** Trains `steps` steps and times them. */
  private async trainChunk(loaded: Loaded, steps: number): Promise<'trained' | 'diverged'> {
    const started = performance.now();
    const result = await loaded.engine.trainSteps(steps);
    // A running mean of the step time sizes the next chunk.
    const stepMs = (performance.now() - started) / Math.max(1, steps);
    this.stepMs = this.stepMs === null ? stepMs : 0.7 * this.stepMs + 0.3 * stepMs;
    loaded.epoch = result.epoch;
    return result.diverged ? 'diverged' : 'trained';
  }

  /** Keeps `weights` as the copy a lost context falls back on, unless they were read from a lost one. */
  private keepCopy(loaded: Loaded, weights: (LayerWeights | null)[]): void {
    if (loaded.gl?.isContextLost()) throw new ContextLost();
    loaded.copy = { step: loaded.stepBase + loaded.engine.step, weights };
  }

  /** Rebuilds the network from its last weights copy on the fastest backend that is not WebGL. */
  private async recoverFromContextLoss(): Promise<void> {
    const lostOne = this.current;
    this.dropEngine();
    const measured = lostOne.report.measurements.filter((m) => m.backend !== 'webgl');
    const order = [...new Set<BackendName>([fastest(measured)?.backend ?? 'wasm', 'wasm', 'cpu'])];
    const candidates = order.filter((b) => (this.options.backends ?? BACKENDS).includes(b) || b === 'cpu');
    let backend: BackendName = 'cpu';
    for (const candidate of candidates) {
      if (await useBackend(candidate, this.options.backendOptions ?? {})) {
        backend = candidate;
        break;
      }
    }
    const network = { ...lostOne.network, weights: lostOne.copy.weights };
    const report: BackendReport = {
      backend,
      forced: false,
      measurements: lostOne.report.measurements,
      summary: `WebGL lost its context (the GPU was reset or taken away): training goes on with ${BACKEND_LABELS[backend]} from step ${lostOne.copy.step}, with the network's weights kept`,
    };
    this.loaded = {
      ...lostOne,
      network,
      engine: new Engine(network, lostOne.setup.train),
      stepBase: lostOne.copy.step,
      report,
      gl: null,
      lost: null,
    };
    this.emit({ type: 'backend', report });
  }

  private async progress(
    loaded: Loaded,
    withTest: boolean,
    examplesPerSecond: number,
  ): Promise<ProgressEvent> {
    const train = await loaded.engine.evaluate(loaded.setup.train);
    loaded.trainVotes = train.probabilities.length <= MAX_VOTES ? train.probabilities : null;
    const test =
      withTest && loaded.setup.test.length ? await loaded.engine.evaluate(loaded.setup.test) : null;
    // Only a GPU can lose its memory: elsewhere the copy is taken with each snapshot.
    if (loaded.gl) this.keepCopy(loaded, loaded.engine.getWeights());
    return {
      type: 'progress',
      step: this.stepCount,
      epoch: loaded.epoch,
      loss: train.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test ? test.accuracy : null,
      examplesPerSecond,
    };
  }

  private async snapshot(loaded: Loaded): Promise<SnapshotEvent> {
    const weights = loaded.engine.getWeights();
    this.keepCopy(loaded, weights);
    const activations = this.watched ? await loaded.engine.activations(this.watched) : null;
    const votes = loaded.trainVotes;
    return {
      type: 'snapshot',
      step: this.stepCount,
      weights: weights.map((w) =>
        w ? { kernel: Float32Array.from(w.kernel), bias: Float32Array.from(w.bias) } : null,
      ),
      activations,
      trainPredictions: votes ? Float32Array.from(votes) : null,
    };
  }

  async pause(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.paused = true;
    run.wake();
    await run.parked();
  }

  async resume(): Promise<void> {
    if (!this.run) return;
    this.run.paused = false;
    this.run.wake();
  }

  async step(steps: number): Promise<ProgressEvent> {
    if (!Number.isInteger(steps) || steps < 1) {
      throw new Error(`Steps must be a whole number of at least 1, not ${steps}.`);
    }
    await this.pause();
    const testAccuracy = this.run?.testAccuracy ?? false;
    const started = performance.now();
    const outcome = await this.onEngine((loaded) => this.trainChunk(loaded, steps));
    const batch = Math.min(this.current.network.training.batchSize, this.current.setup.train.length);
    const rate = (steps * batch * 1000) / Math.max(performance.now() - started, 0.001);
    if (outcome === 'diverged') this.emit({ type: 'error', message: DIVERGED_MESSAGE });
    const progress = await this.onEngine((loaded) => this.progress(loaded, testAccuracy, rate));
    this.emit(progress);
    this.emit(await this.onEngine((loaded) => this.snapshot(loaded)));
    return progress;
  }

  async reset(seed?: number): Promise<ProgressEvent> {
    await this.stop();
    const progress = await this.onEngine(async (loaded) => {
      loaded.engine.reset(seed);
      loaded.stepBase = 0;
      loaded.epoch = 0;
      return this.progress(loaded, false, 0);
    });
    this.emit(progress);
    this.emit(await this.onEngine((loaded) => this.snapshot(loaded)));
    return progress;
  }

  async stop(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.stopping = true;
    run.wake();
    await run.ended;
  }

  async setSpeed(speed: Speed): Promise<void> {
    if (!(speed in PACES))
      throw new Error(`Unknown speed "${String(speed)}": pick one of ${Object.keys(PACES).join(', ')}.`);
    this.speed = speed;
    // A run sleeping out a slow-motion tick picks the new pace up at once.
    this.run?.wake();
  }

  async watch(pixels: Float32Array | null): Promise<void> {
    this.watched = pixels;
  }

  async predict(pixels: Float32Array): Promise<Prediction> {
    return this.onEngine(async ({ engine }) => {
      const layers = await engine.activations(pixels);
      const probabilities = await engine.predict(pixels);
      return { probabilities, layers };
    });
  }

  async getWeights(): Promise<(LayerWeights | null)[]> {
    return this.onEngine(async ({ engine }) => engine.getWeights());
  }

  async setWeights(weights: readonly (LayerWeights | null)[]): Promise<void> {
    return this.onEngine(async (loaded) => {
      loaded.engine.setWeights(weights);
      loaded.copy = {
        step: this.stepCount,
        weights: weights.map((w) => w && { kernel: [...w.kernel], bias: [...w.bias] }),
      };
    });
  }

  async loseWebGLContext(): Promise<boolean> {
    const gl = this.loaded?.gl;
    return gl ? loseContext(gl) : false;
  }

  async ping(): Promise<number> {
    return performance.now();
  }

  /** Ends any run and frees every tensor. */
  async dispose(): Promise<void> {
    await this.stop();
    await this.exclusive(async () => this.dropEngine());
  }
}

/** WebGL lost its context: the GPU was reset or taken away, and everything on it is gone. */
class ContextLost extends Error {
  constructor() {
    super('WebGL lost its context');
  }
}

const contextLost = (): never => {
  throw new ContextLost();
};

/** An exception as a sentence for the player. */
function playerMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Training failed: ${text}`;
}
