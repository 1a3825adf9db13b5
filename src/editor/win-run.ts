/**
 * Trains a network on a level the way `convblocks check` does, through the training worker: ten
 * steps at a time until the training pictures are learned or the step limit, then judged on the
 * hidden test pictures. The same rule, so a level won here passes the check.
 */
import type { Example, LayerSpec, LevelSpec, TrainingSpec } from '../spec';
import type { ProgressEvent } from '../worker/protocol';

/** What the run needs of the trainer client. */
export interface WinTrainer {
  load(setup: {
    input: readonly [number, number, number];
    layers: readonly LayerSpec[];
    classCount: number;
    training: TrainingSpec;
    train: readonly Example[];
    test: readonly Example[];
    maxSteps?: number | undefined;
  }): Promise<unknown>;
  step(steps: number): Promise<ProgressEvent>;
  predict(pixels: Float32Array): Promise<{ readonly probabilities: ArrayLike<number> }>;
}

/** How a run went. */
export interface WinOutcome {
  readonly steps: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  readonly won: boolean;
}

/** Steps between two checks, as the command line's check takes them. */
export const CHECK_EVERY_STEPS = 10;

/** Steps a run may take when the level sets no limit (the engine's default). */
export const DEFAULT_WIN_STEPS = 2000;

/** The engine's rule for "learned": every training picture right and the loss small. */
export function hasLearned(progress: Pick<ProgressEvent, 'trainAccuracy' | 'loss'>): boolean {
  return progress.trainAccuracy === 1 && progress.loss < 0.1;
}

function votedClass(probabilities: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < probabilities.length; i++)
    if ((probabilities[i] ?? 0) > (probabilities[best] ?? 0)) best = i;
  return best;
}

/** Trains `layers` on `level` and judges them on its test pictures; `onProgress` hears every check. */
export async function runToWin(
  trainer: WinTrainer,
  level: LevelSpec,
  layers: readonly LayerSpec[],
  training: TrainingSpec,
  onProgress: (progress: ProgressEvent) => void = () => {},
): Promise<WinOutcome> {
  const maxSteps = level.limits.maxSteps ?? DEFAULT_WIN_STEPS;
  await trainer.load({
    input: level.input,
    layers,
    classCount: level.classes.length,
    training,
    train: level.train,
    test: level.test,
    maxSteps,
  });
  let progress: ProgressEvent | null = null;
  let steps = 0;
  while (steps < maxSteps) {
    progress = await trainer.step(Math.min(CHECK_EVERY_STEPS, maxSteps - steps));
    steps = progress.step;
    onProgress(progress);
    if (hasLearned(progress)) break;
  }
  let right = 0;
  for (const example of level.test) {
    const { probabilities } = await trainer.predict(Float32Array.from(example.pixels));
    if (votedClass(probabilities) === example.classIndex) right++;
  }
  const testAccuracy = level.test.length ? right / level.test.length : 0;
  return {
    steps,
    trainAccuracy: progress?.trainAccuracy ?? 0,
    testAccuracy,
    won: level.test.length > 0 && testAccuracy >= level.goal.testAccuracy,
  };
}
