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
  RunEnd,
  RunOptions,
  TrainerApi,
  TrainerEvent,
  TrainerListener,
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
  readonly remote: Comlink.Remote<TrainerApi>;
  readonly died: Promise<never>;
  readonly kill: (error: Error) => void;
  heartbeat: unknown;
}

/** Stops a generation's heartbeat, fails its pending calls with `error` and ends its worker. */
function endGeneration(generation: Generation, error: Error, clock: Clock): void {
  if (generation.heartbeat !== undefined) clock.clearInterval(generation.heartbeat);
  generation.kill(error);
  generation.remote[Comlink.releaseProxy]();
  generation.worker.terminate();
}

/** Starts the training worker and returns the page's handle on it. */
export function createTrainerClient(options: TrainerClientOptions = {}): TrainerClient {
  const spawn = options.spawn ?? defaultSpawn;
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 10_000;
  const maxRestarts = options.maxRestartsPerMinute ?? 3;
  const clock = options.clock ?? SYSTEM_CLOCK;
  let status: TrainerStatus = { state: 'starting' };
  let disposed = false;
  let restarts: number[] = [];
  // What a fresh worker needs to carry on where the dead one stopped.
  let job: TrainingJob | null = null;
  let loadOptions: LoadOptions = {};
  let speed: Speed | null = null;
  let watched: Float32Array | null = null;
  let latestWeights: (LayerWeights | null)[] | null = null;
  /** Resolves the running `train` call's wait for its last event. */
  let runEnded: () => void = () => undefined;
  let generation = start();
  let recovering: Promise<void> = Promise.resolve();

  function setStatus(next: TrainerStatus): void {
    status = next;
    options.onStatus?.(next);
  }

  function start(): Generation {
    const worker = spawn();
    const remote = Comlink.wrap<TrainerApi>(worker);
    let kill: (error: Error) => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      kill = reject;
    });
    // A rejection nobody awaits yet must not surface as an unhandled one.
    died.catch(() => undefined);
    const current: Generation = { worker, remote, died, kill, heartbeat: undefined };
    // Every event of every call comes on this one channel; a dead generation's stragglers are dropped.
    remote
      .listen(
        Comlink.proxy((event: TrainerEvent) => {
          if (current === generation) noticeEvent(event);
        }),
      )
      .catch(() => undefined);
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      lost(current, event.message || 'it failed to start or threw');
    });
    worker.addEventListener('messageerror', () => lost(current, 'it sent a message that could not be read'));
    // Heartbeats start once the worker answers: loading TensorFlow.js takes a while, and a worker
    // that fails to load says so through its 'error' event.
    remote.ping().then(
      () => {
        if (current !== generation || disposed) return;
        if (status.state === 'starting') setStatus({ state: 'ready', backend: null });
        current.heartbeat = clock.setInterval(() => beat(current), heartbeatMs);
      },
      () => undefined,
    );
    return current;
  }

  /** Asks the worker whether it is alive; no answer in time counts as dead. */
  function beat(current: Generation): void {
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => reject(new Error('no answer')), heartbeatTimeoutMs);
    });
    Promise.race([current.remote.ping(), timeout, current.died])
      .catch((error: unknown) => {
        if (!(error instanceof WorkerDied))
          lost(current, `it did not answer for ${heartbeatTimeoutMs / 1000} s`);
      })
      .finally(() => clock.clearTimeout(timer));
  }

  /** Ends a dead generation and brings up the next one, loaded as the dead one was. */
  function lost(dead: Generation, reason: string): void {
    if (dead !== generation || disposed || status.state === 'failed') return;
    endGeneration(dead, new WorkerDied(reason), clock);
    const now = clock.now();
    restarts = [...restarts.filter((t) => now - t < 60_000), now];
    if (restarts.length > maxRestarts) {
      setStatus({
        state: 'failed',
        message: `The training worker keeps stopping (${reason}). Reload the page; your work is saved.`,
      });
      return;
    }
    setStatus({
      state: 'restarting',
      message: `${WORKER_DIED_MESSAGE} (${reason})`,
      restarts: restarts.length,
    });
    generation = start();
    recovering = restore(generation);
  }

  async function restore(fresh: Generation): Promise<void> {
    try {
      if (speed) await fresh.remote.setSpeed(speed);
      if (watched) await fresh.remote.watch(watched);
      let report: BackendReport | null = null;
      if (job) {
        const resumed = latestWeights ? { ...job, network: { ...job.network, weights: latestWeights } } : job;
        report = await Promise.race([fresh.remote.load(resumed, loadOptions), fresh.died]);
      }
      if (fresh === generation) setStatus({ state: 'ready', backend: report });
    } catch (error) {
      if (!(error instanceof WorkerDied)) lost(fresh, (error as Error).message);
    }
  }

  /** Calls the current worker; a death mid-call rejects with the player's message. */
  async function call<T>(use: (remote: Comlink.Remote<TrainerApi>) => Promise<T>): Promise<T> {
    if (disposed) throw new TrainerClosed();
    await recovering;
    const current = generation;
    if (status.state === 'failed') throw new Error(status.message);
    return Promise.race([use(current.remote), current.died]);
  }

  function noticeEvent(event: TrainerEvent): void {
    if (event.type === 'snapshot') {
      latestWeights = event.weights.map((w) =>
        w ? { kernel: Array.from(w.kernel), bias: Array.from(w.bias) } : null,
      );
    } else if (event.type === 'backend') {
      setStatus({ state: 'ready', backend: event.report });
    }
    if (event.type === 'done' || event.type === 'error') {
      runEnded();
      runEnded = () => undefined;
    }
    options.onEvent?.(event);
  }

  return {
    get status() {
      return status;
    },
    async load(next, nextOptions = {}) {
      job = next;
      loadOptions = nextOptions;
      latestWeights = null;
      // The worker also sends the report as a 'backend' event, which sets the status.
      return call((r) => r.load(next, nextOptions));
    },
    async train(runOptions = {}) {
      if (runOptions.speed) speed = runOptions.speed;
      // Events and the call's answer travel on different channels: the run is over for the page
      // once both the answer and the last event (done or error) have arrived, in that order.
      const streamEnded = new Promise<void>((resolve) => {
        runEnded = resolve;
      });
      try {
        const [end] = await call((r) => Promise.all([r.train(runOptions) as Promise<RunEnd>, streamEnded]));
        return end;
      } catch (error) {
        if (!(error instanceof WorkerDied)) throw error;
        const event: RunEnd = { type: 'error', message: error.message };
        options.onEvent?.(event);
        return event;
      }
    },
    pause: () => call((r) => r.pause()),
    resume: () => call((r) => r.resume()),
    step: (steps) => call((r) => r.step(steps)),
    async reset(seed) {
      latestWeights = null;
      return call((r) => r.reset(seed));
    },
    stop: () => call((r) => r.stop()),
    async setSpeed(next) {
      speed = next;
      return call((r) => r.setSpeed(next));
    },
    async watch(pixels) {
      watched = pixels ? pixels.slice() : null;
      // A copy goes over, so the page keeps its picture.
      return call((r) => r.watch(pixels ? pixels.slice() : null));
    },
    predict: (pixels) => call((r) => r.predict(pixels)),
    testProbabilities: () => call((r) => r.testProbabilities()),
    getWeights: () => call((r) => r.getWeights()),
    async setWeights(weights) {
      latestWeights = weights.slice();
      return call((r) => r.setWeights(weights));
    },
    loseWebGLContext: () => call((r) => r.loseWebGLContext()),
    dispose() {
      // After giving up, the last worker has already been ended.
      if (!disposed && status.state !== 'failed') endGeneration(generation, new TrainerClosed(), clock);
      disposed = true;
    },
  };
}
