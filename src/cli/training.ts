import { createEngine, engineDriver } from '../engine';
import {
  type BackendName,
  type LayerWeights,
  type LevelSpec,
  levelJob,
  type NetworkSpec,
  type RunOutcome,
  trainUntilJudged,
} from '../spec';

/** How a training run ended. */
export interface TrainingOutcome {
  readonly run: RunOutcome;
  readonly steps: number;
  readonly trainAccuracy: number;
  readonly trainLoss: number;
  /** Accuracy on the hidden test pictures; 0 when the run was not judged (the loss blew up). */
  readonly testAccuracy: number;
  readonly diverged: boolean;
  readonly weights: (LayerWeights | null)[];
  readonly millis: number;
}

/** Progress after a chunk of steps. */
export interface TrainingProgress {
  readonly step: number;
  readonly maxSteps: number;
  readonly loss: number;
  readonly accuracy: number;
}

/**
 * Trains `network` on a level's training pictures until they are learned or the step limit, then
 * judges it on the hidden test pictures: the routine the game and the level editor use too. Trains
 * on `options.path` (the TensorFlow.js cpu backend when none is given).
 */
export async function trainOnLevel(
  level: LevelSpec,
  network: NetworkSpec,
  options: { path?: BackendName; maxSteps?: number; onProgress?: (p: TrainingProgress) => void } = {},
): Promise<TrainingOutcome> {
  const job = levelJob(level, network, options.maxSteps);
  const started = performance.now();
  // The path's TensorFlow.js backend, if it has one, is switched to by the caller.
  const engine = createEngine(options.path ?? 'cpu', network, level.train);
  try {
    const run = await trainUntilJudged(engineDriver(engine, job), job, (check) =>
      options.onProgress?.({
        step: check.step,
        maxSteps: job.maxSteps,
        loss: check.loss,
        accuracy: check.trainAccuracy,
      }),
    );
    return {
      run,
      steps: run.step,
      trainAccuracy: run.last?.trainAccuracy ?? 0,
      trainLoss: run.last?.loss ?? Number.POSITIVE_INFINITY,
      testAccuracy: run.test?.accuracy ?? 0,
      diverged: run.reason === 'diverged',
      weights: engine.getWeights(),
      millis: performance.now() - started,
    };
  } finally {
    engine.dispose();
  }
}
