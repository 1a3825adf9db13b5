import {
  BACKENDS,
  type BackendOptions,
  createEngine,
  expectedFastest,
  type TrainingEngine,
  useBackend,
} from '../../engine';
import {
  BACKEND_LABELS,
  type BackendChoice,
  type BackendName,
  type Example,
  type NetworkSpec,
} from '../../spec';
import type { BackendMeasurement, BackendReport } from '../protocol';

/** How long each backend is timed, after its warm-up steps, in how many rounds. */
const TIMING_MS = 60;
const ROUNDS = 3;
/** Warm-up steps: wasm start-up, WebGL shader compilation and first allocations are not timed. */
const WARM_STEPS = 3;

/**
 * A step this fast on a CPU backend is mostly per-operation overhead, which a GPU only adds to (a
 * dozen kernels a step at a draw call each; measured 5 to 25 times slower on the seed levels), and
 * timing WebGL costs seconds of shader compilation: it is timed only for networks slower than this.
 */
export const WEBGL_WORTH_TIMING_MS = 10;

/** Times warm training steps of `network` on `backend`; null steps per second when it is unavailable. */
export async function timeBackend(
  backend: BackendName,
  network: NetworkSpec,
  train: readonly Example[],
  options: BackendOptions,
): Promise<BackendMeasurement> {
  if (!(await useBackend(backend, options))) {
    return { backend, stepsPerSecond: null, note: 'not available in this browser' };
  }
  let engine: TrainingEngine | null = null;
  try {
    engine = createEngine(backend, network, train);
    await engine.trainSteps(WARM_STEPS);
    // The best of a few short rounds: a garbage collection or a busy machine only slows one down.
    let best = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let steps = 0;
      let chunk = 1;
      const started = performance.now();
      while (performance.now() - started < TIMING_MS / ROUNDS) {
        await engine.trainSteps(chunk);
        steps += chunk;
        chunk *= 2;
      }
      best = Math.max(best, steps / ((performance.now() - started) / 1000));
    }
    return { backend, stepsPerSecond: best };
  } catch (error) {
    return { backend, stepsPerSecond: null, note: `failed: ${(error as Error).message}` };
  } finally {
    engine?.dispose();
  }
}

/** The measurement with the most steps per second, or undefined when none ran. */
export function fastest(measurements: readonly BackendMeasurement[]): BackendMeasurement | undefined {
  let best: BackendMeasurement | undefined;
  for (const m of measurements) {
    if (m.stepsPerSecond !== null && (best?.stepsPerSecond ?? -1) < m.stepsPerSecond) best = m;
  }
  return best;
}

/** "WebAssembly: 480 steps/s; JavaScript: 260; GPU (WebGL): not timed...", fastest first. */
export function summarize(measurements: readonly BackendMeasurement[]): string {
  const timed = measurements
    .filter((m) => m.stepsPerSecond !== null)
    .sort((a, b) => (b.stepsPerSecond ?? 0) - (a.stepsPerSecond ?? 0));
  const untimed = measurements.filter((m) => m.stepsPerSecond === null);
  const parts = timed.map(
    (m, i) =>
      `${BACKEND_LABELS[m.backend]}: ${Math.round(m.stepsPerSecond ?? 0)}${i === 0 ? ' steps/s' : ''}`,
  );
  // Paths left out for the same reason are named together, the reason said once.
  const byNote = new Map<string, string[]>();
  for (const m of untimed) {
    const note = m.note ?? 'not timed';
    byNote.set(note, [...(byNote.get(note) ?? []), BACKEND_LABELS[m.backend]]);
  }
  for (const [note, labels] of byNote) {
    const names = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0];
    parts.push(`${names}: ${note}`);
  }
  return parts.join('; ');
}

/** The key under which a measurement is remembered: everything that decides a step's cost. */
export function networkShapeKey(network: NetworkSpec, trainCount: number): string {
  return JSON.stringify([
    network.input,
    network.layers,
    network.training.optimizer,
    Math.min(network.training.batchSize, trainCount),
  ]);
}

/** Where backends may be chosen from, and the measurements already taken (by network shape). */
export interface BackendChooser {
  readonly candidates: readonly BackendName[];
  readonly options: BackendOptions;
  readonly measured: Map<string, BackendMeasurement[]>;
}

/** A chooser over the given backends (all of them by default) with nothing measured yet. */
export function backendChooser(
  candidates: readonly BackendName[] = BACKENDS,
  options: BackendOptions = {},
): BackendChooser {
  return { candidates, options, measured: new Map() };
}

/** The player's forced choice, when it is one of the candidates and starts here. */
async function forcedReport(chooser: BackendChooser, choice: BackendChoice): Promise<BackendReport | null> {
  if (choice === 'auto' || !chooser.candidates.includes(choice)) return null;
  if (!(await useBackend(choice, chooser.options))) return null;
  return {
    backend: choice,
    forced: true,
    measurements: [],
    summary: `${BACKEND_LABELS[choice]} trains (chosen in settings)`,
  };
}

/** What a load starts on, and whether the other paths still need timing. */
export interface StartChoice {
  readonly report: BackendReport;
  /** True when the paths were not timed yet for this network's shape and there is more than one. */
  readonly timeOthers: boolean;
}

/**
 * Switches at once, timing nothing, to the path the player forced, else the one measured fastest
 * before for a network of this shape, else the one expected fastest for its size (plain arrays
 * for small networks). The caller times the others in the background when `timeOthers` says so.
 */
export async function startBackend(
  chooser: BackendChooser,
  network: NetworkSpec,
  train: readonly Example[],
  choice: BackendChoice,
): Promise<StartChoice> {
  const forced = await forcedReport(chooser, choice);
  if (forced) return { report: forced, timeOthers: false };
  const { candidates, options } = chooser;
  const measured = chooser.measured.get(networkShapeKey(network, train.length));
  const expected = expectedFastest(
    network,
    train.length,
    candidates.filter((b) => b !== 'webgl'),
  );
  const wanted = (measured && fastest(measured)?.backend) || expected;
  let backend: BackendName = 'cpu';
  for (const candidate of [wanted, ...candidates.filter((b) => b !== 'webgl'), 'cpu' as const]) {
    if (await useBackend(candidate, options)) {
      backend = candidate;
      break;
    }
  }
  const refused =
    choice === 'auto' ? '' : ` (${BACKEND_LABELS[choice]}, chosen in settings, is not available here)`;
  const timeOthers = !measured && candidates.length > 1;
  const why = measured
    ? `the fastest measured: ${summarize(measured)}`
    : timeOthers
      ? 'expected fastest for a network this size; the others are being timed'
      : 'the only one here';
  return {
    report: {
      backend,
      forced: false,
      measurements: measured ?? [],
      summary: `${BACKEND_LABELS[backend]} trains, ${why}${refused}`,
    },
    timeOthers,
  };
}

/** A report after the background timing: `backend` trains, and how every path did. */
export function measuredReport(backend: BackendName, measured: readonly BackendMeasurement[]): BackendReport {
  return {
    backend,
    forced: false,
    measurements: measured,
    summary: `${BACKEND_LABELS[backend]} trains, the fastest measured: ${summarize(measured)}`,
  };
}
