/**
 * The page's side of the training worker: spawns it, talks to it through Comlink, notices when it
 * dies, hangs or throws, and starts a fresh one with the same network and its latest weights.
 * Imports no TensorFlow.js: the page never loads it.
 */
import * as Comlink from 'comlink';
import type { LayerWeights, Speed, TrainingJob } from '../../spec';
import type {
  BackendReport,
  LoadOptions,
  ProgressEvent,
  RunEnd,
  RunOptions,
  TrainerApi,
  TrainerEvent,
  TrainerListener,
  WeightSnapshot,
  WorkerApi,
  WorkerMemory,
} from '../protocol';

/** Where the worker stands, for the page to show. */
export type TrainerStatus =
  | { readonly state: 'starting' }
  | { readonly state: 'ready'; readonly backend: BackendReport | null }
  | { readonly state: 'restarting'; readonly message: string; readonly restarts: number }
  | { readonly state: 'failed'; readonly message: string };

/** How to run the worker and whom to tell. */
export interface TrainerClientOptions {
  /** Starts a worker; by default the module worker in thread/worker.ts. */
  readonly spawn?: () => Worker;
  /** Every event of every run. */
  readonly onEvent?: TrainerListener;
  /** Every change of status. */
  readonly onStatus?: (status: TrainerStatus) => void;
  /** How often the worker is asked whether it is alive. */
  readonly heartbeatMs?: number;
  /** How long an unanswered heartbeat may wait before the worker counts as dead (WebGL's first shaders can take seconds). */
  readonly heartbeatTimeoutMs?: number;
  /** Restarts allowed within a minute before the client gives up. */
  readonly maxRestartsPerMinute?: number;
  /** The heartbeat's timers and the restart count's clock; the host's own by default. */
  readonly clock?: Clock;
}

/**
 * The time the client's rules run on: when to ask the worker, how long to wait for its answer,
 * how many restarts fell within the last minute. Injected so a test rings the heartbeat when it
 * chooses instead of racing a real one on a busy machine.
 */
export interface Clock {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on any fixed scale. */
  now(): number;
}

type Handle = ReturnType<typeof globalThis.setTimeout>;

/** The host's own timers and wall clock. */
export const SYSTEM_CLOCK: Clock = {
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as Handle),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as Handle),
  now: () => Date.now(),
};

/**
 * The trainer as the page uses it: the worker's API, kept alive across worker deaths. Events of
 * every run go to the client's `onEvent`, so `train` takes no listener; the heartbeat is the
 * client's own business.
 */
export interface TrainerClient extends Omit<TrainerApi, 'listen' | 'ping'> {
  readonly status: TrainerStatus;
  /** Trains, then judges; events go to `onEvent`. Resolves with an error event if the worker dies meanwhile. */
  train(options?: RunOptions): Promise<RunEnd>;
  /** What the worker holds now (tensors, heap): the soak benchmark watches it. */
  memory(): Promise<WorkerMemory>;
  /** Stops the worker for good. */
  dispose(): void;
}

/** What the player reads when the worker died. */
export const WORKER_DIED_MESSAGE =
  'The training worker stopped unexpectedly. A fresh one has taken over with your network and its latest weights: press Train to go on.';

const defaultSpawn = () => new Worker(new URL('../thread/worker.ts', import.meta.url), { type: 'module' });

/** Raised in place of a call's answer when the worker died before giving it. */
class WorkerDied extends Error {
  constructor(reason: string) {
    super(`${WORKER_DIED_MESSAGE} (${reason})`);
  }
}

/** Raised in place of a call's answer when the page closed the trainer meanwhile. */
class TrainerClosed extends Error {
  constructor() {
    super('The trainer was closed.');
  }
}

/** One worker's lifetime: the worker, its Comlink proxy, and a promise that rejects when it dies. */
interface Generation {
  readonly worker: Worker;
  readonly remote: Comlink.Remote<WorkerApi>;
  /** Why it died, once it has. */
  deathReason: Error | null;
  /** The rejecters of the calls waiting on it. */
  readonly waiting: Set<(error: Error) => void>;
  heartbeat: unknown;
}

/** Stops a generation's heartbeat, fails its pending calls with `error` and ends its worker. */
function endGeneration(generation: Generation, error: Error, clock: Clock): void {
  if (generation.heartbeat !== undefined) clock.clearInterval(generation.heartbeat);
  generation.deathReason ??= error;
  for (const reject of generation.waiting) reject(error);
  generation.waiting.clear();
  generation.remote[Comlink.releaseProxy]();
  generation.worker.terminate();
}

/**
 * Settles as `work` does, or rejects when the generation dies first. Unlike racing every call
 * against one promise that stays pending for the generation's life (each race would leave a
 * reaction on it, holding that call's answer, for as long as the worker lives: page heap grew
 * 14 to 23 MB in a 5-minute soak), nothing is left behind once the call is settled.
 */
function untilDeath<T>(generation: Generation, work: Promise<T>): Promise<T> {
  if (generation.deathReason) return Promise.reject(generation.deathReason);
  return new Promise<T>((resolve, reject) => {
    generation.waiting.add(reject);
    work.then(
      (value) => {
        generation.waiting.delete(reject);
        resolve(value);
      },
      (error: unknown) => {
        generation.waiting.delete(reject);
        reject(error);
      },
    );
  });
}

/** Starts the training worker and returns the page's handle on it. */
export function createTrainerClient(options: TrainerClientOptions = {}): TrainerClient {
  return new WorkerTrainerClient(options);
}

/**
 * The client behind createTrainerClient: one worker generation at a time, a heartbeat per
 * generation, and what a fresh worker needs to carry on where a dead one stopped.
 */
class WorkerTrainerClient implements TrainerClient {
  private readonly spawn: () => Worker;
  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly maxRestarts: number;
  private readonly clock: Clock;
  private currentStatus: TrainerStatus = { state: 'starting' };
  private disposed = false;
  private restarts: number[] = [];
  // What a fresh worker needs to carry on where the dead one stopped.
  private job: TrainingJob | null = null;
  private loadOptions: LoadOptions = {};
  private speed: Speed | null = null;
  private watched: Float32Array | null = null;
  /** The last weights the page saw: a snapshot's (kept as sent, read only on a restart) or set. */
  private latestWeights: readonly (LayerWeights | null)[] | readonly WeightSnapshot[] | null = null;
  /** Resolves the running `train` call's wait for its last event. */
  private runEnded: () => void = () => undefined;
  private generation: Generation;
  private recovering: Promise<void> = Promise.resolve();

  constructor(private readonly options: TrainerClientOptions) {
    this.spawn = options.spawn ?? defaultSpawn;
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 10_000;
    this.maxRestarts = options.maxRestartsPerMinute ?? 3;
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.generation = this.start();
  }

  get status(): TrainerStatus {
    return this.currentStatus;
  }

  private setStatus(next: TrainerStatus): void {
    this.currentStatus = next;
    this.options.onStatus?.(next);
  }

  private start(): Generation {
    const worker = this.spawn();
    const remote = Comlink.wrap<WorkerApi>(worker);
    const current: Generation = {
      worker,
      remote,
      deathReason: null,
      waiting: new Set(),
      heartbeat: undefined,
    };
    // Every event of every call comes on this one channel; a dead generation's stragglers are dropped.
    remote
      .listen(
        Comlink.proxy((event: TrainerEvent) => {
          if (current === this.generation) this.noticeEvent(event);
        }),
      )
      .catch(() => undefined);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.lost(current, event.message || 'it failed to start or threw');
    });
    worker.addEventListener('messageerror', () =>
      this.lost(current, 'it sent a message that could not be read'),
    );
    // Heartbeats start once the worker answers: loading TensorFlow.js takes a while, and a worker
    // that fails to load says so through its 'error' event.
    remote.ping().then(
      () => {
        if (current !== this.generation || this.disposed) return;
        if (this.currentStatus.state === 'starting') this.setStatus({ state: 'ready', backend: null });
        current.heartbeat = this.clock.setInterval(() => this.beat(current), this.heartbeatMs);
      },
      () => undefined,
    );
    return current;
  }

  /** Asks the worker whether it is alive; no answer in time counts as dead. */
  private beat(current: Generation): void {
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = this.clock.setTimeout(() => reject(new Error('no answer')), this.heartbeatTimeoutMs);
    });
    untilDeath(current, Promise.race([current.remote.ping(), timeout]))
      .catch((error: unknown) => {
        if (!(error instanceof WorkerDied))
          this.lost(current, `it did not answer for ${this.heartbeatTimeoutMs / 1000} s`);
      })
      .finally(() => this.clock.clearTimeout(timer));
  }

  /** Ends a dead generation and brings up the next one, loaded as the dead one was. */
  private lost(dead: Generation, reason: string): void {
    if (dead !== this.generation || this.disposed || this.currentStatus.state === 'failed') return;
    endGeneration(dead, new WorkerDied(reason), this.clock);
    const now = this.clock.now();
    this.restarts = [...this.restarts.filter((t) => now - t < 60_000), now];
    if (this.restarts.length > this.maxRestarts) {
      this.setStatus({
        state: 'failed',
        message: `The training worker keeps stopping (${reason}). Reload the page; your work is saved.`,
      });
      return;
    }
    this.setStatus({
      state: 'restarting',
      message: `${WORKER_DIED_MESSAGE} (${reason})`,
      restarts: this.restarts.length,
    });
    this.generation = this.start();
    this.recovering = this.restore(this.generation);
  }

  private async restore(fresh: Generation): Promise<void> {
    try {
      if (this.speed) await fresh.remote.setSpeed(this.speed);
      if (this.watched) await fresh.remote.watch(this.watched);
      let report: BackendReport | null = null;
      const { job } = this;
      const latestWeights = this.latestWeights?.map(
        (w: LayerWeights | WeightSnapshot): LayerWeights | null =>
          w
            ? {
                kernel: Array.from(w.kernel as ArrayLike<number>),
                bias: Array.from(w.bias as ArrayLike<number>),
              }
            : null,
      );
      if (job) {
        const resumed = latestWeights ? { ...job, network: { ...job.network, weights: latestWeights } } : job;
        report = await untilDeath(fresh, fresh.remote.load(resumed, this.loadOptions));
      }
      if (fresh === this.generation) this.setStatus({ state: 'ready', backend: report });
    } catch (error) {
      if (!(error instanceof WorkerDied)) this.lost(fresh, (error as Error).message);
    }
  }

  /** Calls the current worker; a death mid-call rejects with the player's message. */
  private async call<T>(use: (remote: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T> {
    if (this.disposed) throw new TrainerClosed();
    await this.recovering;
    const current = this.generation;
    if (this.currentStatus.state === 'failed') throw new Error(this.currentStatus.message);
    return untilDeath(current, use(current.remote));
  }

  private noticeEvent(event: TrainerEvent): void {
    if (event.type === 'snapshot') {
      // Kept as sent (the page does not change them): copied only if a fresh worker needs them.
      this.latestWeights = event.weights;
    } else if (event.type === 'backend') {
      this.setStatus({ state: 'ready', backend: event.report });
    }
    if (event.type === 'done' || event.type === 'error') {
      this.runEnded();
      this.runEnded = () => undefined;
    }
    this.options.onEvent?.(event);
  }

  // Public calls are bound arrows: the page may hand them around on their own.
  load = async (next: TrainingJob, nextOptions: LoadOptions = {}): Promise<BackendReport> => {
    this.job = next;
    this.loadOptions = nextOptions;
    this.latestWeights = null;
    // The worker also sends the report as a 'backend' event, which sets the status.
    return this.call((r) => r.load(next, nextOptions));
  };

  train = async (runOptions: RunOptions = {}): Promise<RunEnd> => {
    if (runOptions.speed) this.speed = runOptions.speed;
    // Events and the call's answer travel on different channels: the run is over for the page
    // once both the answer and the last event (done or error) have arrived, in that order.
    const streamEnded = new Promise<void>((resolve) => {
      this.runEnded = resolve;
    });
    try {
      const [end] = await this.call((r) =>
        Promise.all([r.train(runOptions) as Promise<RunEnd>, streamEnded]),
      );
      return end;
    } catch (error) {
      if (!(error instanceof WorkerDied)) throw error;
      const event: RunEnd = { type: 'error', message: error.message };
      this.options.onEvent?.(event);
      return event;
    }
  };

  pause = () => this.call((r) => r.pause());
  resume = () => this.call((r) => r.resume());
  step = (steps: number) => this.call((r) => r.step(steps));
  stop = () => this.call((r) => r.stop());
  predict = (pixels: Float32Array) => this.call((r) => r.predict(pixels));
  testProbabilities = () => this.call((r) => r.testProbabilities());
  getWeights = () => this.call((r) => r.getWeights());
  loseWebGLContext = () => this.call((r) => r.loseWebGLContext());
  memory = () => this.call((r) => r.memory());

  reset = async (seed?: number): Promise<ProgressEvent> => {
    this.latestWeights = null;
    return this.call((r) => r.reset(seed));
  };

  setSpeed = async (next: Speed): Promise<void> => {
    this.speed = next;
    return this.call((r) => r.setSpeed(next));
  };

  watch = async (pixels: Float32Array | null): Promise<void> => {
    this.watched = pixels ? pixels.slice() : null;
    // A copy goes over, so the page keeps its picture.
    return this.call((r) => r.watch(pixels ? pixels.slice() : null));
  };

  setWeights = async (weights: readonly (LayerWeights | null)[]): Promise<void> => {
    this.latestWeights = weights.slice();
    return this.call((r) => r.setWeights(weights));
  };

  dispose = (): void => {
    // After giving up, the last worker has already been ended.
    if (!this.disposed && this.currentStatus.state !== 'failed')
      endGeneration(this.generation, new TrainerClosed(), this.clock);
    this.disposed = true;
  };
}
