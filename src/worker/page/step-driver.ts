/**
 * The trainer client as a driver of the spec's train-until-judged routine, a fixed number of steps
 * between checks as the command line takes them: the level editor's Win it trains this way, so a
 * level it wins passes `convblocks check`.
 */
import { CHECK_EVERY_STEPS, type RunDriver } from '../../spec';
import type { TrainerApi } from '../protocol';

/** What the driver needs of a trainer. */
export type SteppingTrainer = Pick<TrainerApi, 'step' | 'testProbabilities'>;

/** Drives `trainer`, which holds the job's network already, `checkEvery` steps at a time. */
export function steppingDriver(trainer: SteppingTrainer, checkEvery = CHECK_EVERY_STEPS): RunDriver {
  let step = 0;
  return {
    async advance(maxSteps) {
      // The routine asks again only below the limit, and a trainer takes at least one step a call.
      const progress = await trainer.step(Math.max(1, Math.min(checkEvery, maxSteps - step)));
      step = progress.step;
      return {
        step: progress.step,
        loss: progress.loss,
        trainAccuracy: progress.trainAccuracy,
        diverged: progress.diverged ?? false,
      };
    },
    testProbabilities: () => trainer.testProbabilities(),
  };
}
