/**
 * Surviving a lost WebGL context: the GPU was reset or taken away and every tensor on it is gone.
 * The network is rebuilt from its last weights copy on the fastest backend that is not WebGL, and
 * the work that was cut off is done again there.
 */
import { type BackendOptions, createEngine, type TrainingEngine, tf, useBackend } from '../../engine';
import { BACKEND_LABELS, type BackendName, type LayerWeights, type TrainingJob } from '../../spec';
import type { BackendReport } from '../protocol';
import { type BackendChooser, fastest } from './backend-choice';
import { contextLoss, webglContextOf } from './webgl-context';

/** Weights as plain numbers at the step they were read: what survives a lost WebGL context. */
export interface WeightCopy {
  readonly step: number;
  readonly weights: (LayerWeights | null)[];
}

/** One network alive on one backend, with what it takes to rebuild it elsewhere. */
export interface LiveNetwork {
  readonly job: TrainingJob;
  engine: TrainingEngine;
  /** Steps taken before `engine` was built (it restarts at 0 after a rebuild). */
  stepBase: number;
  epoch: number;
  report: BackendReport;
  readonly gl: WebGL2RenderingContext | WebGLRenderingContext | null;
  /** Resolves when `gl` loses its context. */
  readonly lost: Promise<void> | null;
  copy: WeightCopy;
  /** The training pictures' class probabilities at the last accuracy check, for the views' votes. */
  trainVotes: Float32Array | null;
}

/** WebGL lost its context: the GPU was reset or taken away, and everything on it is gone. */
export class ContextLost extends Error {
  constructor() {
    super('WebGL lost its context');
  }
}

const contextLost = (): never => {
  throw new ContextLost();
};

/** Builds `job`'s network on the report's path (TensorFlow.js already switched to it). */
export function liveNetwork(job: TrainingJob, report: BackendReport, stepBase = 0): LiveNetwork {
  const engine = createEngine(report.backend, job.network, job.train);
  const gl = report.backend === 'webgl' ? webglContextOf(tf.backend()) : null;
  return {
    job,
    engine,
    stepBase,
    epoch: 0,
    report,
    gl,
    lost: gl ? contextLoss(gl) : null,
    copy: { step: stepBase, weights: engine.getWeights() },
    trainVotes: null,
  };
}

/** Steps taken by `live` since the start or the last reset. */
export function stepsOf(live: LiveNetwork): number {
  return live.stepBase + live.engine.step;
}

/** Keeps `weights` as the copy a lost context falls back on, unless they were read from a lost one. */
export function keepCopy(live: LiveNetwork, weights: (LayerWeights | null)[]): void {
  if (live.gl?.isContextLost()) throw new ContextLost();
  live.copy = { step: stepsOf(live), weights };
}

/**
 * Runs `work` on `live`, noticing a lost context before the work or while it waits on the GPU (a
 * read-back on a lost context never finishes). Rejects with ContextLost when the context is gone.
 */
export async function onLiveNetwork<T>(
  live: LiveNetwork,
  work: (live: LiveNetwork) => Promise<T>,
): Promise<T> {
  if (live.gl?.isContextLost()) throw new ContextLost();
  const done = work(live);
  const result = await (live.lost ? Promise.race([done, live.lost.then(contextLost)]) : done);
  // Read-backs from a lost context finish with zeros: never trust them.
  if (live.gl?.isContextLost()) throw new ContextLost();
  return result;
}

/** Frees an engine's tensors; a lost WebGL context can refuse, and its textures died with it. */
export function disposeQuietly(live: LiveNetwork | null): void {
  try {
    live?.engine.dispose();
  } catch {
    // Nothing to free: the context took everything with it.
  }
}

/** Rebuilds a network whose context was lost from its last weights copy, on the fastest backend that is not WebGL. */
export async function rebuildAfterContextLoss(
  lostOne: LiveNetwork,
  chooser: BackendChooser,
): Promise<LiveNetwork> {
  disposeQuietly(lostOne);
  const measured = lostOne.report.measurements.filter((m) => m.backend !== 'webgl');
  const order = [...new Set<BackendName>([fastest(measured)?.backend ?? 'wasm', 'wasm', 'cpu'])];
  let backend: BackendName = 'cpu';
  for (const candidate of order.filter((b) => chooser.candidates.includes(b) || b === 'cpu')) {
    if (await useBackend(candidate, chooser.options)) {
      backend = candidate;
      break;
    }
  }
  const report: BackendReport = {
    backend,
    forced: false,
    measurements: lostOne.report.measurements,
    summary: `WebGL lost its context (the GPU was reset or taken away): training goes on with ${BACKEND_LABELS[backend]} from step ${lostOne.copy.step}, with the network's weights kept`,
  };
  const job = { ...lostOne.job, network: { ...lostOne.job.network, weights: lostOne.copy.weights } };
  const rebuilt = liveNetwork(job, report, lostOne.copy.step);
  rebuilt.epoch = lostOne.epoch;
  rebuilt.trainVotes = lostOne.trainVotes;
  return rebuilt;
}

/**
 * Moves a live network to another path mid-run: its weights, step count, optimiser state (momentum's
 * accumulation, Adam's moments and update count) and place in the batch order carried across
 * exactly, so the run goes on as it would have where it was. Stays where it is, with the new
 * report's measurements, when the other path will not start.
 */
export async function movePath(
  live: LiveNetwork,
  report: BackendReport,
  options: BackendOptions,
): Promise<LiveNetwork> {
  const state = await live.engine.saveState();
  if (!(await useBackend(report.backend, options))) {
    await useBackend(live.report.backend, options);
    live.report = { ...report, backend: live.report.backend };
    return live;
  }
  const job = { ...live.job, network: { ...live.job.network, weights: state.weights } };
  const moved = liveNetwork(job, report, live.stepBase);
  try {
    await moved.engine.loadState(state);
  } catch (error) {
    disposeQuietly(moved);
    await useBackend(live.report.backend, options);
    throw error;
  }
  moved.copy = { step: stepsOf(moved), weights: state.weights };
  moved.epoch = live.epoch;
  moved.trainVotes = live.trainVotes;
  disposeQuietly(live);
  return moved;
}
