import { DEFAULT_MAX_STEPS, Engine, hasLearned } from '../engine';
import type { LayerSpec, LayerWeights, LevelSpec, TrainingSpec } from '../spec';

/** How a training run ended. */
export interface TrainingOutcome {
  readonly steps: number;
  readonly trainAccuracy: number;
  readonly trainLoss: number;
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

const CHUNK = 10;

/**
 * Trains `layers` on a level's training pictures until they are learned or `maxSteps` pass, then
 * judges the network on the hidden test pictures, as the game does when training stops.
 */
export async function trainOnLevel(
  level: LevelSpec,
  layers: readonly LayerSpec[],
  training: TrainingSpec,
  options: { maxSteps?: number; onProgress?: (p: TrainingProgress) => void } = {},
): Promise<TrainingOutcome> {
  const maxSteps = options.maxSteps ?? level.limits.maxSteps ?? DEFAULT_MAX_STEPS;
  const started = performance.now();
  const engine = new Engine(
    { input: level.input, layers, classCount: level.classes.length, training },
    level.train,
  );
  try {
    let trainAccuracy = 0;
    let trainLoss = Number.POSITIVE_INFINITY;
    let diverged = false;
    while (engine.step < maxSteps) {
      const result = await engine.trainSteps(Math.min(CHUNK, maxSteps - engine.step));
      if (result.diverged) {
        diverged = true;
        break;
      }
      const evaluation = await engine.evaluate(level.train);
      trainAccuracy = evaluation.accuracy;
      trainLoss = evaluation.loss;
      options.onProgress?.({ step: engine.step, maxSteps, loss: trainLoss, accuracy: trainAccuracy });
      if (hasLearned(trainAccuracy, trainLoss)) break;
    }
    const test = level.test.length ? await engine.evaluate(level.test) : { accuracy: trainAccuracy };
    return {
      steps: engine.step,
      trainAccuracy,
      trainLoss,
      testAccuracy: test.accuracy,
      diverged,
      weights: engine.getWeights(),
      millis: performance.now() - started,
    };
  } finally {
    engine.dispose();
  }
}
