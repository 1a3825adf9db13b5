/**
 * Timing the other paths while a network already trains: each path is timed in a slot of its own
 * between two chunks of training (so the first step never waits for it), and the network moves to
 * another path mid-run only when that one is clearly faster, its weights carried across exactly.
 */
import { useBackend } from '../../engine';
import type { BackendName, Example, NetworkSpec, TrainingJob } from '../../spec';
import type { BackendMeasurement } from '../protocol';
import {
  type BackendChooser,
  fastest,
  measuredReport,
  networkShapeKey,
  timeBackend,
  WEBGL_WORTH_TIMING_MS,
} from './backend-choice';
import { type LiveNetwork, movePath } from './context-loss';

/** Another path must train at least this many times as fast as the current one to be moved to. */
export const SWITCH_FACTOR = 1.3;

/**
 * A plain step this quick leaves TensorFlow.js no chance (its dozens of kernels a step cost tens
 * of microseconds each, and loading wasm would stall the run for a second): the TensorFlow.js
 * backends are then not timed at all.
 */
export const TFJS_WORTH_TIMING_MS = 1;

/** What the timing needs of the trainer. */
export interface TimingHooks {
  /** Runs engine work between two chunks, never during one. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** False once the network was replaced or the trainer disposed: the timing stops. */
  stillWanted(): boolean;
  /** The path the live network is on now, whose TensorFlow.js backend is put back after each timing. */
  livePath(): BackendName;
  /** Times one path (timeBackend, or a stand-in in the tests). */
  time?: typeof timeBackend;
}

/**
 * Times every candidate on `network` (WebGL only when a CPU-side step is slow enough for a GPU to
 * have a chance), remembers the result under the network's shape and returns it; null when it
 * stopped because the network was replaced.
 */
export async function timePathsInBackground(
  chooser: BackendChooser,
  network: NetworkSpec,
  train: readonly Example[],
  hooks: TimingHooks,
): Promise<BackendMeasurement[] | null> {
  const time = hooks.time ?? timeBackend;
  const results: BackendMeasurement[] = [];
  const timeOne = (backend: BackendName) =>
    hooks.exclusive(async () => {
      if (!hooks.stillWanted()) return null;
      const measurement = await time(backend, network, train, chooser.options);
      // The live network's tensors are on its own backend: TensorFlow.js goes back to it.
      await useBackend(hooks.livePath(), chooser.options);
      return measurement;
    });
  let plainStepMs: number | null = null;
  for (const backend of chooser.candidates.filter((b) => b !== 'webgl')) {
    if (backend !== 'plain' && plainStepMs !== null && plainStepMs < TFJS_WORTH_TIMING_MS) {
      const note = `not timed: a step takes ${plainStepMs.toFixed(2)} ms here, too little for them to win`;
      results.push({ backend, stepsPerSecond: null, note });
      continue;
    }
    const measurement = await timeOne(backend);
    if (!measurement) return null;
    results.push(measurement);
    if (backend === 'plain' && measurement.stepsPerSecond) plainStepMs = 1000 / measurement.stepsPerSecond;
  }
  if (chooser.candidates.includes('webgl')) {
    const best = fastest(results);
    const bestStepMs = best?.stepsPerSecond ? 1000 / best.stepsPerSecond : Number.POSITIVE_INFINITY;
    if (bestStepMs < WEBGL_WORTH_TIMING_MS) {
      results.push({
        backend: 'webgl',
        stepsPerSecond: null,
        note: `not timed: a step takes ${bestStepMs.toFixed(2)} ms here, too little for them to win`,
      });
    } else {
      const measurement = await timeOne('webgl');
      if (!measurement) return null;
      results.push(measurement);
    }
  }
  chooser.measured.set(networkShapeKey(network, train.length), results);
  return results;
}

/** The path to move to after timing, or null to stay where the network is. */
export function betterPath(
  current: BackendName,
  measured: readonly BackendMeasurement[],
): BackendName | null {
  const best = fastest(measured);
  if (!best || best.backend === current || best.stepsPerSecond === null) return null;
  const here = measured.find((m) => m.backend === current)?.stepsPerSecond ?? 0;
  return best.stepsPerSecond > SWITCH_FACTOR * here ? best.backend : null;
}

/** What moving the network needs of the trainer besides the timing. */
export interface MoveHooks extends TimingHooks {
  /** The live network while it is still the one timed, else null. */
  live(): LiveNetwork | null;
  /** Takes the network, moved or with its new report, and tells the page. */
  replace(live: LiveNetwork): void;
}

/**
 * Times the paths for `job` in the background, then moves the live network to one clearly faster
 * (or keeps it where it is with the measurements in its report). Never throws: the timing only
 * advises, and a failure leaves the network training where it is.
 */
export async function timeAndMove(
  chooser: BackendChooser,
  job: TrainingJob,
  hooks: MoveHooks,
): Promise<void> {
  try {
    const measured = await timePathsInBackground(chooser, job.network, job.train, hooks);
    if (!measured) return;
    await hooks.exclusive(async () => {
      const live = hooks.live();
      if (!live) return;
      const target = betterPath(live.report.backend, measured);
      if (target) {
        hooks.replace(await movePath(live, measuredReport(target, measured), chooser.options));
      } else {
        live.report = measuredReport(live.report.backend, measured);
        hooks.replace(live);
      }
    });
  } catch (error) {
    const live = hooks.live();
    if (!live) return;
    const why = error instanceof Error ? error.message : String(error);
    live.report = { ...live.report, summary: `${live.report.summary} (timing the others failed: ${why})` };
    hooks.replace(live);
  }
}
