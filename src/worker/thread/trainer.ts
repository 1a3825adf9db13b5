/**
 * The trainer behind the worker boundary: one network at a time, on the path that trains it
 * fastest, reporting every step to one listener. The run loop, the backend choice and timing, and
 * surviving a lost WebGL context are modules of their own; this class holds them together and keeps
 * engine work to one call at a time. No Worker and no Comlink: the worker exposes it, tests drive it.
 */
import { BACKENDS, type BackendOptions } from '../../engine';
import {
  type BackendName,
  DEFAULT_SPEED,
  type DoneReason,
  type LayerWeights,
  type RunOutcome,
  type Speed,
  type TrainingJob,
  trainUntilJudged,
} from '../../spec';
import type {
  BackendReport,
  DoneEvent,
  LoadOptions,
  Prediction,
  ProgressEvent,
  RunEnd,
  RunOptions,
  SnapshotEvent,
  TrainerApi,
  TrainerEvent,
  TrainerListener,
} from '../protocol';
import { type BackendChooser, backendChooser, startBackend, type timeBackend } from './backend-choice';
import { timeAndMove } from './background-timing';
import {
  ContextLost,
  disposeQuietly,
  keepCopy,
  type LiveNetwork,
  liveNetwork,
  onLiveNetwork,
  rebuildAfterContextLoss,
  stepsOf,
} from './context-loss';
import { PACES } from './pace';
import { pacedDriver } from './run-loop';
import { RunState } from './run-state';
import { loseContext } from './webgl-context';

/** What the player reads when the loss becomes NaN or infinite. */
export const DIVERGED_MESSAGE =
  'The loss blew up: try a smaller learning rate. Training stopped and kept the last good weights.';

const DONE_MESSAGES: { readonly [R in DoneReason]: string } = {
  learned: 'Every training picture is right: the network has learned.',
  'step-limit': 'Training reached its step limit.',
  stopped: 'Training stopped.',
  diverged: DIVERGED_MESSAGE,
};

/** The most class probabilities a snapshot carries (pictures x classes), so each stays a few KB. */
const MAX_VOTES = 2048;

/** Where the trainer runs: which backends it may use and where the wasm files are. */
export interface TrainerOptions {
  /** The paths to choose from, in order of preference on a tie (all of them by default). */
  readonly backends?: readonly BackendName[];
  readonly backendOptions?: BackendOptions;
  /** Times one path in the background (the tests stand in for the clock with it). */
  readonly timeBackend?: typeof timeBackend;
}

/** Trains one network at a time on the fastest backend and reports as it goes. */
export class Trainer implements TrainerApi {
  private live: LiveNetwork | null = null;
  private run: RunState | null = null;
  private listener: TrainerListener | null = null;
  private speed: Speed = DEFAULT_SPEED;
  private watched: Float32Array | null = null;
  /** The measured time of one step; null until the first, which is taken alone to show at once. */
  private stepMs: number | null = null;
  private snapshotStep = -1; // The step of the last snapshot sent.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly chooser: BackendChooser;
  private readonly timePath: typeof timeBackend | undefined;
  private generation = 0; // Counts loads and disposals: a timing of an older network stops.
  private timingPending = false; // The other paths are to be timed after the first check.
  private timing: Promise<void> | null = null;
  private checkWorkMs = 0;

  constructor(options: TrainerOptions = {}) {
    this.chooser = backendChooser(options.backends ?? BACKENDS, options.backendOptions ?? {});
    this.timePath = options.timeBackend;
  }

  /** Engine work one call at a time, so a click never lands in the middle of a chunk. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Engine work, one call at a time, that survives a lost WebGL context: the work is done again on
   * the backend the network was rebuilt on.
   */
  private onEngine<T>(work: (live: LiveNetwork) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      for (;;) {
        const live = this.current;
        try {
          return await onLiveNetwork(live, work);
        } catch (error) {
          if (!(error instanceof ContextLost) && !live.gl?.isContextLost()) throw error;
          this.live = null;
          this.live = await rebuildAfterContextLoss(live, this.chooser);
          this.emit({ type: 'backend', report: this.live.report });
        }
      }
    });
  }

  private emit(event: TrainerEvent): void {
    this.listener?.(event);
  }

  private get current(): LiveNetwork {
    if (!this.live) throw new Error('There is no network to train yet: load one first.');
    return this.live;
  }

  async listen(onEvent: TrainerListener): Promise<void> {
    this.listener = onEvent;
  }

  async load(job: TrainingJob, options: LoadOptions = {}): Promise<BackendReport> {
    await this.stop();
    return this.exclusive(async () => {
      disposeQuietly(this.live);
      this.live = null;
      this.stepMs = null;
      this.generation++;
      const start = await startBackend(this.chooser, job.network, job.train, options.backend ?? 'auto');
      this.live = liveNetwork(job, start.report);
      this.timingPending = start.timeOthers;
      this.emit({ type: 'backend', report: start.report });
      return start.report;
    });
  }

  async train(options: RunOptions = {}): Promise<RunEnd> {
    if (!this.live) throw new Error('There is no network to train yet: load one first.');
    if (this.run) throw new Error('Training is already running: pause or stop it first.');
    if (options.speed) this.speed = options.speed;
    const run = new RunState(options.testAccuracy ?? false);
    this.run = run;
    try {
      const driver = this.driver(run);
      const outcome = await trainUntilJudged(driver, this.current.job);
      driver.showHeld();
      // The views see the weights the run ended with, once.
      if (outcome.reason !== 'stopped' && this.snapshotStep !== stepsOf(this.current))
        await this.emitSnapshot();
      return this.finish(outcome);
    } catch (error) {
      const event: RunEnd = {
        type: 'error',
        message: `Training failed: ${error instanceof Error ? error.message : String(error)}`,
      };
      this.emit(event);
      return event;
    } finally {
      this.run = null;
      run.end();
    }
  }

  private driver(run: RunState) {
    return pacedDriver({
      run,
      speed: () => this.speed,
      stepMs: () => this.stepMs,
      steps: () => stepsOf(this.current),
      batchSize: () => Math.min(this.current.job.network.training.batchSize, this.current.job.train.length),
      trainChunk: (steps) => this.onEngine((live) => this.trainChunk(live, steps)),
      check: (rate) => this.onEngine((live) => this.progress(live, run.testAccuracy, rate)),
      show: (progress) => this.emit(progress),
      checkWorkMs: () => this.checkWorkMs,
      snapshot: () => this.emitSnapshot(),
      testProbabilities: () => this.testProbabilities(),
    });
  }

  private finish(outcome: RunOutcome): DoneEvent {
    const event: DoneEvent = {
      type: 'done',
      reason: outcome.reason,
      // Steps taken while the run was paused count too.
      step: stepsOf(this.current),
      message: DONE_MESSAGES[outcome.reason],
      test: outcome.test,
    };
    this.emit(event);
    return event;
  }

  /** Trains `steps` steps and times them. */
  private async trainChunk(live: LiveNetwork, steps: number): Promise<'trained' | 'diverged'> {
    const started = performance.now();
    const result = await live.engine.trainSteps(steps);
    // A running mean of the step time sizes the next chunk.
    const stepMs = (performance.now() - started) / Math.max(1, steps);
    this.stepMs = this.stepMs === null ? stepMs : 0.7 * this.stepMs + 0.3 * stepMs;
    live.epoch = result.epoch;
    return result.diverged ? 'diverged' : 'trained';
  }

  /** Times the other paths for `job` and moves the network to one that is clearly faster. */
  private timeOtherPaths(job: TrainingJob, generation: number): Promise<void> {
    const wanted = () => generation === this.generation && this.live?.job === job;
    return timeAndMove(this.chooser, job, {
      exclusive: (work) => this.exclusive(work),
      stillWanted: wanted,
      livePath: () => this.live?.report.backend ?? 'cpu',
      ...(this.timePath && { time: this.timePath }),
      live: () => (wanted() ? this.live : null),
      replace: (live) => {
        this.live = live;
        this.emit({ type: 'backend', report: live.report });
      },
    });
  }

  /** Resolves when the background timing of the loaded network (if any) is over (tests). */
  async timingSettled(): Promise<void> {
    await this.timing;
  }

  private async progress(
    live: LiveNetwork,
    withTest: boolean,
    examplesPerSecond: number,
  ): Promise<ProgressEvent> {
    const started = performance.now();
    const train = await live.engine.evaluate(live.job.train);
    live.trainVotes = train.probabilities.length <= MAX_VOTES ? train.probabilities : null;
    const test = withTest && live.job.test.length ? await live.engine.evaluate(live.job.test) : null;
    this.checkWorkMs = performance.now() - started;
    // Only a GPU can lose its memory: elsewhere the copy is taken with each snapshot.
    if (live.gl) keepCopy(live, live.engine.getWeights());
    if (this.timingPending) {
      // The first step is on screen with this check: the other paths are timed between the next chunks.
      this.timingPending = false;
      this.timing = this.timeOtherPaths(live.job, this.generation);
    }
    return {
      type: 'progress',
      step: stepsOf(live),
      epoch: live.epoch,
      loss: train.loss,
      trainAccuracy: train.accuracy,
      testAccuracy: test ? test.accuracy : null,
      examplesPerSecond,
    };
  }

  private async snapshot(live: LiveNetwork): Promise<SnapshotEvent> {
    const weights = live.engine.getWeights();
    keepCopy(live, weights);
    const activations = this.watched ? await live.engine.activations(this.watched) : null;
    const votes = live.trainVotes;
    return {
      type: 'snapshot',
      step: stepsOf(live),
      weights: weights.map((w) =>
        w ? { kernel: Float32Array.from(w.kernel), bias: Float32Array.from(w.bias) } : null,
      ),
      activations,
      trainPredictions: votes ? Float32Array.from(votes) : null,
    };
  }

  private async emitSnapshot(): Promise<void> {
    const snapshot = await this.onEngine((live) => this.snapshot(live));
    this.snapshotStep = snapshot.step;
    this.emit(snapshot);
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
    const outcome = await this.onEngine((live) => this.trainChunk(live, steps));
    const batch = Math.min(this.current.job.network.training.batchSize, this.current.job.train.length);
    const rate = (steps * batch * 1000) / Math.max(performance.now() - started, 0.001);
    if (outcome === 'diverged') this.emit({ type: 'error', message: DIVERGED_MESSAGE });
    const checked = await this.onEngine((live) => this.progress(live, testAccuracy, rate));
    const progress = outcome === 'diverged' ? { ...checked, diverged: true } : checked;
    this.emit(progress);
    await this.emitSnapshot();
    return progress;
  }

  async testProbabilities(): Promise<Float32Array> {
    return this.onEngine(async (live) => (await live.engine.evaluate(live.job.test)).probabilities);
  }

  async reset(seed?: number): Promise<ProgressEvent> {
    await this.stop();
    const progress = await this.onEngine(async (live) => {
      live.engine.reset(seed);
      live.stepBase = 0;
      live.epoch = 0;
      return this.progress(live, false, 0);
    });
    this.emit(progress);
    await this.emitSnapshot();
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
    // A run sends snapshots of its own; between runs the views hear at once what the network makes of it.
    if (!this.run && this.live && pixels) await this.emitSnapshot();
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
    return this.onEngine(async (live) => {
      live.engine.setWeights(weights);
      live.copy = {
        step: stepsOf(live),
        weights: weights.map((w) => w && { kernel: [...w.kernel], bias: [...w.bias] }),
      };
    });
  }

  async loseWebGLContext(): Promise<boolean> {
    const gl = this.live?.gl;
    return gl ? loseContext(gl) : false;
  }

  async ping(): Promise<number> {
    return performance.now();
  }

  /** Ends any run and frees every tensor. */
  async dispose(): Promise<void> {
    this.generation++;
    await this.stop();
    await this.exclusive(async () => {
      disposeQuietly(this.live);
      this.live = null;
    });
  }
}
