/**
 * The training worker's test page: trains the X-vs-O reference network in the real worker through
 * the client, and lets the browser tests kill the worker or make WebGL lose its context mid-run.
 * Everything it learns is returned from `window.workerPage` calls.
 */
import { DEFAULT_TRAINING, type LayerSpec, networkOf, type TrainingJob } from '../../../src/spec';
import { createTrainerClient, type TrainerClient, type TrainerStatus } from '../../../src/worker/page/client';
import type {
  BackendChoice,
  BackendReport,
  DoneEvent,
  ProgressEvent,
  RunEnd,
  TrainerEvent,
} from '../../../src/worker/protocol';
import { ManualTimers } from '../../fixtures/manual-timers';
import { xoSet } from '../../fixtures/seed-data';

const layers: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

const setup: TrainingJob = {
  network: networkOf({
    input: [9, 9, 1],
    layers,
    training: { ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.02 },
  }),
  train: xoSet,
  test: xoSet,
  maxSteps: 300,
};

/** A run's end as it can leave the page. */
type PlainEnd = RunEnd | (Omit<DoneEvent, 'test'> & { test: { accuracy: number } | null });

/** What a scenario saw. */
interface Outcome {
  readonly report: BackendReport;
  readonly end: PlainEnd;
  readonly lastProgress: ProgressEvent | null;
  readonly backendEvents: readonly BackendReport[];
  readonly statuses: readonly TrainerStatus['state'][];
  readonly eventTypes: readonly TrainerEvent['type'][];
}

const statusLine = document.getElementById('status') as HTMLElement;

const HEARTBEAT_MS = 100;
const HEARTBEAT_TIMEOUT_MS = 4000;

/**
 * A client whose events and statuses are recorded; `onProgress` sees each progress event. Its
 * heartbeat rings only when the page moves `clock`: on a loaded machine a real one can find a busy
 * worker late and replace it, which is not what these scenarios are about.
 */
function recordingClient(onProgress: (client: TrainerClient, p: ProgressEvent) => void) {
  const events: TrainerEvent[] = [];
  const statuses: TrainerStatus['state'][] = [];
  const workers: Worker[] = [];
  const clock = new ManualTimers();
  const client: TrainerClient = createTrainerClient({
    spawn: () => {
      const worker = new Worker(new URL('../../../src/worker/thread/worker.ts', import.meta.url), {
        type: 'module',
      });
      workers.push(worker);
      return worker;
    },
    heartbeatMs: HEARTBEAT_MS,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    clock,
    onEvent: (event) => {
      events.push(event);
      if (event.type === 'progress') onProgress(client, event);
    },
    onStatus: (status) => {
      statuses.push(status.state);
      statusLine.textContent = status.state === 'restarting' ? status.message : status.state;
    },
  });
  return { client, events, statuses, workers, clock };
}

function outcome(
  report: BackendReport,
  end: RunEnd,
  recorded: { events: TrainerEvent[]; statuses: TrainerStatus['state'][] },
): Outcome {
  const progress = recorded.events.filter((e): e is ProgressEvent => e.type === 'progress');
  return {
    report,
    // Typed arrays do not cross page.evaluate: the judgement travels as its accuracy.
    end: end.type === 'done' ? { ...end, test: end.test && { accuracy: end.test.accuracy } } : end,
    lastProgress: progress.at(-1) ?? null,
    backendEvents: recorded.events.flatMap((e) => (e.type === 'backend' ? [e.report] : [])),
    statuses: recorded.statuses,
    eventTypes: [...new Set(recorded.events.map((e) => e.type))],
  };
}

/** Trains X vs O on `backend` to the goal. */
async function train(backend: BackendChoice): Promise<Outcome> {
  const recorded = recordingClient(() => undefined);
  try {
    const report = await recorded.client.load(setup, { backend });
    await recorded.client.watch(Float32Array.from(xoSet[0]?.pixels ?? []));
    const end = await recorded.client.train({ speed: 'fastest' });
    return outcome(report, end, recorded);
  } finally {
    recorded.client.dispose();
  }
}

/** Trains on WebGL at a slow pace, makes WebGL lose its context after the third step, trains on. */
async function trainThroughContextLoss(): Promise<Outcome & { lost: boolean }> {
  let lost: Promise<boolean> | null = null;
  let faster: Promise<void> | null = null;
  const recorded = recordingClient((client, progress) => {
    if (progress.step >= 3 && !lost) {
      lost = client.loseWebGLContext();
      faster = client.setSpeed('fastest');
    }
  });
  try {
    const report = await recorded.client.load(setup, { backend: 'webgl' });
    // Slow motion until the context is lost: at full pace the network can learn before the loss
    // reaches the worker, and then no engine call is left to notice it.
    const end = await recorded.client.train({ speed: 'slow-motion' });
    await faster;
    return { ...outcome(report, end, recorded), lost: (await lost) ?? false };
  } finally {
    recorded.client.dispose();
  }
}

/** Kills the worker after the second step, then trains again on the fresh one to the goal. */
async function trainThroughWorkerDeath(): Promise<Outcome & { interrupted: RunEnd; workers: number }> {
  const recorded = recordingClient((_, progress) => {
    if (progress.step >= 2 && recorded.workers.length === 1) {
      recorded.workers[0]?.terminate();
      // A terminated worker says nothing: the next heartbeat goes unanswered and its wait runs out.
      recorded.clock.advance(HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS);
    }
  });
  try {
    await recorded.client.load(setup, { backend: 'cpu' });
    const interrupted = await recorded.client.train({ speed: 'normal' });
    const end = await recorded.client.train({ speed: 'fastest' });
    const report = recorded.events
      .flatMap((e) => (e.type === 'backend' ? [e.report] : []))
      .at(-1) as BackendReport;
    return { ...outcome(report, end, recorded), interrupted, workers: recorded.workers.length };
  } finally {
    recorded.client.dispose();
  }
}

/** Whether TensorFlow.js started on the main page (its engine registers itself on the global object). */
function mainPageHasTensorFlow(): boolean {
  return '_tfengine' in globalThis;
}

declare global {
  interface Window {
    workerPage: {
      train: typeof train;
      trainThroughContextLoss: typeof trainThroughContextLoss;
      trainThroughWorkerDeath: typeof trainThroughWorkerDeath;
      mainPageHasTensorFlow: typeof mainPageHasTensorFlow;
    };
  }
}

window.workerPage = { train, trainThroughContextLoss, trainThroughWorkerDeath, mainPageHasTensorFlow };
statusLine.textContent = 'loaded';
