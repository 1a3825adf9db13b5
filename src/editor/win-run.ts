/**
 * Trains a network on a level through the training worker with the routine `convblocks check` and
 * the game use (the spec's train-until-judged), checked at the same steps, so a level won here
 * passes the check.
 */
import {
  type CheckPoint,
  type LayerSpec,
  type LevelSpec,
  levelJob,
  levelNetwork,
  type RunDriver,
  reachesGoal,
  type TrainingJob,
  type TrainingSpec,
  trainUntilJudged,
} from '../spec';
import { type SteppingTrainer, steppingDriver } from '../worker/page/step-driver';

/** What the run needs of the trainer client. */
export interface WinTrainer extends SteppingTrainer {
  load(job: TrainingJob): Promise<unknown>;
}

/** How a run went. */
export interface WinOutcome {
  readonly steps: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** The test pictures the network got wrong, by index. */
  readonly wrong: readonly number[];
  /** What it answered for each test picture: the class voted for and its probability. */
  readonly answers: readonly { readonly classIndex: number; readonly probability: number }[];
  readonly won: boolean;
  /** The run was cancelled before it was judged. */
  readonly stopped: boolean;
}

/**
 * Trains `layers` on `level` and judges them on its test pictures; `onCheck` hears every check;
 * `cancelled`, asked before every check's steps, ends the run unjudged when it says so.
 */
export async function runToWin(
  trainer: WinTrainer,
  level: LevelSpec,
  layers: readonly LayerSpec[],
  training: TrainingSpec,
  onCheck: (check: CheckPoint) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<WinOutcome> {
  const job = levelJob(level, levelNetwork(level, layers, training));
  await trainer.load(job);
  const driver = steppingDriver(trainer);
  const stoppable: RunDriver = {
    advance: (maxSteps) => (cancelled() ? Promise.resolve(null) : driver.advance(maxSteps)),
    testProbabilities: () => driver.testProbabilities(),
  };
  const run = await trainUntilJudged(stoppable, job, onCheck);
  const testAccuracy = run.test?.accuracy ?? 0;
  return {
    steps: run.step,
    trainAccuracy: run.last?.trainAccuracy ?? 0,
    testAccuracy,
    wrong: level.test.flatMap((example, i) => (run.test?.predicted[i] === example.classIndex ? [] : [i])),
    answers: level.test.map((_, i) => {
      const classIndex = run.test?.predicted[i] ?? -1;
      const probability = run.test?.probabilities[i * level.classes.length + classIndex] ?? 0;
      return { classIndex, probability };
    }),
    won: run.test !== null && reachesGoal(level, testAccuracy),
    stopped: run.reason === 'stopped',
  };
}
