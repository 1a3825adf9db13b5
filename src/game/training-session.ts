/**
 * One level's training session as plain state: which network the trainer holds, whether a run is
 * going or paused, where training stands, and the verdict with what to save. The DOM panel draws
 * this state and routes clicks to it; Vitest drives it with a fake trainer.
 */
import {
  type BackendChoice,
  type LayerWeights,
  type LevelSpec,
  levelJob,
  type NetworkSpec,
  type Speed,
  trainingKey,
} from '../spec';
import type {
  BackendReport,
  DoneEvent,
  Prediction,
  ProgressEvent,
  RunEnd,
  RunOptions,
  TrainerEvent,
  TrainingJob,
} from '../worker/protocol';
import { type Judgement, judge } from './judge';
import { type JudgedRun, overfitted } from './verdict-words';

/** What the session needs of the trainer (the worker client, or a fake in tests). */
export interface SessionTrainer {
  load(job: TrainingJob, options?: { backend?: BackendChoice }): Promise<BackendReport>;
  train(options?: RunOptions): Promise<RunEnd>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  step(steps: number): Promise<ProgressEvent>;
  reset(): Promise<ProgressEvent>;
  stop(): Promise<void>;
  getWeights(): Promise<(LayerWeights | null)[]>;
  /** The picture whose activations snapshots carry; between runs a snapshot of it comes at once. */
  watch(pixels: Float32Array | null): Promise<void>;
  /** Every layer's output and the votes for one picture, from the weights now. */
  predict(pixels: Float32Array): Promise<Prediction>;
}

/** Whether a run is going. */
export type RunPhase = 'idle' | 'running' | 'paused';

/** The verdict on the hidden test pictures at the end of a run. */
export interface Verdict {
  readonly judgement: Judgement;
  readonly step: number;
  /** How the judged run ended, for the words that explain the score. */
  readonly run: JudgedRun;
  /** The class each test picture was voted. */
  readonly predicted: Int32Array;
  /** `count * classes` test probabilities, picture after picture. */
  readonly probabilities: Float32Array;
}

/** What a finished run adds to the player's progress. */
export interface ResultRecord {
  readonly won: boolean;
  readonly stars: number;
  readonly accuracy: number;
  readonly params: number;
  readonly steps: number;
}

/** Everything the panel draws. */
export interface SessionState {
  readonly phase: RunPhase;
  /** Why the network cannot train (the first problem of the blocks), or null. */
  readonly blocker: string | null;
  readonly progress: ProgressEvent | null;
  readonly verdict: Verdict | null;
  /** What the session is doing now, in words for the status line (null when nothing is going on). */
  readonly activity: string | null;
}

/** What the session is wired to. */
export interface SessionOptions {
  readonly level: LevelSpec;
  readonly trainer: SessionTrainer;
  /** The player's speed and backend settings now. */
  settings(): { readonly speed: Speed; readonly backend: BackendChoice };
  /** Keeps a finished run in the player's progress. */
  record(result: ResultRecord): Promise<unknown>;
  /** Keeps the judged network with its trained weights and its verdict, so a reopened level shows them again. */
  keep?(run: { readonly network: NetworkSpec; readonly verdict: Verdict }): Promise<unknown>;
  /** Says something in the page's status region. */
  announce(message: string): void;
  /** The state changed: draw it. */
  onChange(state: SessionState): void;
  /** The trainer is about to start from fresh or other weights: the curves and maps start again. */
  onRestart(): void;
}

/** The network the editor shows, and what the blocks say about it. */
export interface SessionNetwork {
  /** The network as a document, with trained weights to start from when it was shared with them. */
  readonly network: NetworkSpec;
  readonly blocker: string | null;
  readonly params: number;
}

const TRAINING = 'Training: the network looks at the pictures again and again and adjusts its weights.';

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** A level's training session. */
export class TrainingSession {
  private phase: RunPhase = 'idle';
  private current: SessionNetwork | null = null;
  /** The training key of the network the trainer holds, so an unchanged network keeps its weights. */
  private loadedKey: string | null = null;
  private forceReload = false;
  private progress: ProgressEvent | null = null;
  private verdict: Verdict | null = null;
  /** Whether the trainer's weights were trained (or shared) rather than fresh from the seed. */
  private trained = false;
  /** The load under way, shared by every call that needs the network in the trainer. */
  private loading: Promise<boolean> | null = null;
  private activity: string | null = null;

  constructor(private readonly options: SessionOptions) {}

  /** Everything the panel draws. */
  get state(): SessionState {
    return {
      phase: this.phase,
      blocker: this.blocker(),
      progress: this.progress,
      verdict: this.verdict,
      activity: this.activity,
    };
  }

  private doing(activity: string | null): void {
    this.activity = activity;
    this.changed();
  }

  private blocker(): string | null {
    if (!this.current) return 'Build a network in the block editor first.';
    return this.current.blocker;
  }

  private changed(): void {
    this.options.onChange(this.state);
  }

  /**
   * The editor's network changed (blocks or training settings). A run of another network stops;
   * the next Train starts afresh from it.
   */
  async networkChanged(next: SessionNetwork): Promise<void> {
    this.current = next;
    const stale = this.loadedKey !== null && trainingKey(next.network) !== this.loadedKey;
    this.changed();
    if (stale && this.phase !== 'idle') await this.options.trainer.stop();
  }

  /**
   * Weights set by hand come next: the trainer takes the network again even though its blocks are
   * the same, and a run under way stops first.
   */
  async replaceWeights(): Promise<void> {
    this.forceReload = true;
    if (this.phase !== 'idle') await this.options.trainer.stop();
  }

  /** The backend setting changed: the next Train measures or forces it afresh. */
  backendChanged(): void {
    this.forceReload = true;
  }

  /** The worker died or gave up: the run is over; a worker that gave up holds no network. */
  trainerLost(gaveUp: boolean): void {
    if (gaveUp) this.loadedKey = null;
    this.phase = 'idle';
    this.doing(null);
  }

  /** A call to the trainer failed: no run is going any more. */
  failed(): void {
    this.phase = 'idle';
    this.doing(null);
  }

  /** Takes in what the trainer tells, from any call. */
  handle(event: TrainerEvent): void {
    if (event.type !== 'progress') return;
    this.progress = event;
    if (event.step > 0) this.trained = true;
  }

  /** Whether the trainer holds the editor's network now. */
  private holdsCurrent(): boolean {
    const current = this.current;
    return current !== null && !this.forceReload && this.loadedKey === trainingKey(current.network);
  }

  /** Loads the network into the trainer unless it holds it already; false when it cannot train. */
  private async ensureLoaded(): Promise<boolean> {
    // Two calls at once (a picked picture, then Train) share one load.
    if (this.loading) {
      await this.loading.catch(() => false);
      if (this.holdsCurrent()) return true;
    }
    const load = this.load();
    this.loading = load;
    try {
      return await load;
    } finally {
      if (this.loading === load) this.loading = null;
    }
  }

  private async load(): Promise<boolean> {
    const current = this.current;
    if (!current || current.blocker) return false;
    const key = trainingKey(current.network);
    if (key === this.loadedKey && !this.forceReload) return true;
    this.options.onRestart();
    this.doing('Getting ready: building your network and finding the fastest way to train it…');
    try {
      await this.options.trainer.load(levelJob(this.options.level, current.network), {
        backend: this.options.settings().backend,
      });
    } finally {
      this.doing(null);
    }
    this.loadedKey = key;
    this.forceReload = false;
    this.trained = current.network.weights !== undefined;
    // Shared weights are used once: after a reset or a change the network starts from its seed.
    if (current.network.weights) {
      const { weights: _used, ...fresh } = current.network;
      this.current = { ...current, network: fresh };
    }
    return true;
  }

  /** Train (or Resume): runs until learned or the step limit, then judges the hidden test pictures. */
  async train(): Promise<void> {
    if (this.phase === 'paused') {
      this.phase = 'running';
      this.doing(TRAINING);
      await this.options.trainer.resume();
      return;
    }
    // A second press while a run starts or goes never starts a second run.
    if (this.phase === 'running' || this.blocker()) return;
    this.phase = 'running';
    this.verdict = null;
    this.changed();
    try {
      if (!(await this.ensureLoaded())) return;
      this.doing(TRAINING);
      const end = await this.options.trainer.train({ speed: this.options.settings().speed });
      this.phase = 'idle';
      this.doing(null);
      if (end.type === 'error' || end.reason === 'diverged' || end.reason === 'stopped') {
        this.options.announce(end.message);
        return;
      }
      await this.judged(end);
    } finally {
      if (this.phase === 'running') {
        this.phase = 'idle';
        this.doing(null);
      }
    }
  }

  private async judged(end: DoneEvent): Promise<void> {
    const { level } = this.options;
    const current = this.current;
    if (!end.test || !current) return;
    const judgement = judge(level, {
      predicted: end.test.predicted,
      params: current.params,
      steps: end.step,
      layers: current.network.layers.length,
    });
    const run: JudgedRun = {
      reason: end.reason,
      step: end.step,
      trainAccuracy: this.progress?.trainAccuracy ?? 0,
    };
    const verdict: Verdict = {
      judgement,
      run,
      step: end.step,
      predicted: end.test.predicted,
      probabilities: end.test.probabilities,
    };
    this.verdict = verdict;
    this.changed();
    await this.options.record({
      won: judgement.won,
      stars: judgement.stars,
      accuracy: judgement.accuracy,
      params: current.params,
      steps: end.step,
    });
    const stars = `${judgement.stars} of 3 stars`;
    this.options.announce(
      judgement.won
        ? `Level complete: ${percent(judgement.accuracy)} of the test pictures right, ${stars}.`
        : `Not yet: ${percent(judgement.accuracy)} of the test pictures right; the goal is ${percent(level.goal.testAccuracy)}.${
            overfitted(judgement, run)
              ? ' It got every training picture right: it learned those pictures, not the idea (overfitting).'
              : ''
          }`,
    );
    if (this.options.keep) {
      const weights = await this.options.trainer.getWeights();
      await this.options.keep({ network: { ...current.network, weights }, verdict });
    }
  }

  /**
   * Shows a verdict kept from an earlier visit, for the network the trainer was handed with that
   * run's weights; the next Train, Reset or edit goes on as after any verdict.
   */
  restore(verdict: Verdict): void {
    if (this.phase !== 'idle') return;
    this.verdict = verdict;
    this.changed();
  }

  async pause(): Promise<void> {
    if (this.phase !== 'running') return;
    this.phase = 'paused';
    this.changed();
    await this.options.trainer.pause();
    const paused = `Paused at step ${this.progress?.step ?? 0}.`;
    if (this.phase === 'paused') this.doing(`${paused} Resume goes on from here.`);
    this.options.announce(paused);
  }

  /**
   * The player picked a picture to look inside the network with. Between runs a network not in the
   * trainer yet is loaded first (a picked picture asks for it), so its votes show before any training.
   * A paused run sends no snapshots: then the picture's layer outputs come back from here.
   */
  async look(pixels: Float32Array | null, picked: boolean): Promise<Prediction | null> {
    if (picked && pixels && this.phase === 'idle' && !this.blocker() && !this.holdsCurrent()) {
      if (!(await this.ensureLoaded())) return null;
    }
    await this.options.trainer.watch(pixels);
    return pixels && this.phase === 'paused' ? this.options.trainer.predict(pixels) : null;
  }

  /** `steps` steps (one by default); their progress and snapshot reach the views as the trainer's events. */
  async step(steps = 1): Promise<void> {
    if (this.phase === 'running') return;
    if (!(await this.ensureLoaded())) return;
    await this.options.trainer.step(steps);
  }

  /** Back to fresh weights and step 0. */
  async reset(): Promise<void> {
    if (this.phase !== 'idle') await this.options.trainer.stop();
    this.phase = 'idle';
    this.verdict = null;
    this.doing(null);
    if (!(await this.ensureLoaded())) return;
    this.options.onRestart();
    await this.options.trainer.reset();
    this.trained = false;
    this.options.announce('Reset: fresh weights, step 0.');
  }

  /** The weights of the network on screen once trained (or opened with weights), else null. */
  async trainedWeights(): Promise<(LayerWeights | null)[] | null> {
    const current = this.current;
    if (
      !this.trained ||
      this.loadedKey === null ||
      !current ||
      trainingKey(current.network) !== this.loadedKey
    )
      return null;
    return this.options.trainer.getWeights();
  }

  /** Whether the trainer should load the editor's network now to show what it makes of the pictures (a shared network with weights). */
  async showShared(): Promise<boolean> {
    if (!this.current?.network.weights || this.current.blocker) return false;
    return this.ensureLoaded();
  }
}
