/**
 * The engine as a driver of the shared train-until-judged routine, for Node (the command line, the
 * tests, the benchmarks): straight to each step the routine judges at, no pacing.
 */
import type { CheckPoint, RunDriver, TrainingJob } from '../spec';
import type { TrainingEngine } from './engine-api';

/** Drives `engine` (built from `job.network` and its training pictures) through `job`. */
export function engineDriver(engine: TrainingEngine, job: TrainingJob): RunDriver {
  return {
    startStep: engine.step,
    async advance(untilStep) {
      const result = await engine.trainSteps(Math.max(0, untilStep - engine.step));
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
