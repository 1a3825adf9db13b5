/**
 * The trainer client as a driver of the spec's train-until-judged routine, straight to each step
 * the routine judges at, as the command line trains: the level editor's Win it trains this way, so
 * a level it wins passes `convblocks check`.
 */
import type { RunDriver } from '../../spec';
import type { TrainerApi } from '../protocol';

/** What the driver needs of a trainer. */
export type SteppingTrainer = Pick<TrainerApi, 'step' | 'testProbabilities'>;

/** Drives `trainer`, which holds the job's network fresh from its seed (step 0). */
export function steppingDriver(trainer: SteppingTrainer): RunDriver {
  let step = 0;
  return {
    async advance(untilStep) {
      // The routine asks again only below the limit, and a trainer takes at least one step a call.
      const progress = await trainer.step(Math.max(1, untilStep - step));
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
