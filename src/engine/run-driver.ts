/**
 * The engine as a driver of the shared train-until-judged routine, for Node (the command line, the
 * tests, the benchmarks): a fixed number of steps between two accuracy checks, no pacing.
 */
import { CHECK_EVERY_STEPS, type CheckPoint, type RunDriver, type TrainingJob } from '../spec';
import type { TrainingEngine } from './engine-api';

/** Drives `engine` (built from `job.network` and its training pictures) through `job`. */
export function engineDriver(
  engine: TrainingEngine,
  job: TrainingJob,
  checkEvery = CHECK_EVERY_STEPS,
): RunDriver {
  return {
    async advance(maxSteps) {
      const steps = Math.max(0, Math.min(checkEvery, maxSteps - engine.step));
      const result = await engine.trainSteps(steps);
      const train = await engine.evaluate(job.train);
      const check: CheckPoint = {
        step: engine.step,
        loss: result.diverged ? result.loss : train.loss,
        trainAccuracy: train.accuracy,
        diverged: result.diverged,
      };
      return check;
    },
    async testProbabilities() {
      return (await engine.evaluate(job.test)).probabilities;
    },
  };
}
