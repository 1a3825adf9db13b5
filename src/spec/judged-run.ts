/**
 * Train until judged: the one routine by which the game, the level editor and `convblocks check`
 * decide that a run is over and how it did on the hidden test pictures. Each brings its own driver
 * (the worker's paced loop, the engine in Node); the rule of when to stop and how to judge is here,
 * once, so a level won in one place is won in the others. That includes the steps at which a run
 * may stop: a run that stopped at the first step its pictures were learned would be judged at a
 * step that depends on how often its driver looks (every step in the game's slow speeds, every ten
 * in the command line), and the same network on the same seed would win in one and lose in the other.
 */
import { accuracyOf, classCountOf, hasLearned, type TrainingJob, votedClasses } from './training';
import type { NetworkSpec } from './types';

/**
 * Steps between two judged checks: a run may end as learned only at a multiple of this (or at a
 * star's step, or its step limit), wherever it trains and however often its driver looks in between.
 */
export const CHECK_EVERY_STEPS = 10;

/** Why a run ended. */
export type DoneReason = 'learned' | 'step-limit' | 'stopped' | 'diverged';

/** Where training stands at an accuracy check. */
export interface CheckPoint {
  /** Steps taken since the start or the last reset. */
  readonly step: number;
  /** The mean loss over the training pictures (NaN or infinite once it blew up). */
  readonly loss: number;
  readonly trainAccuracy: number;
  /** The loss blew up during the steps before this check; the last good weights are kept. */
  readonly diverged: boolean;
}

/** What a run needs of a trainer. */
export interface RunDriver {
  /** Steps the network had taken when the run started (a run that goes on from an earlier one); 0 if absent. */
  readonly startStep?: number;
  /**
   * Trains on until `untilStep` steps in total and checks there (at or past it already, it only
   * checks); earlier only when the loss blew up; null when the run was stopped from outside
   * meanwhile. Checks a driver makes in between for its views decide nothing.
   */
  advance(untilStep: number): Promise<CheckPoint | null>;
  /** Class probabilities of the hidden test pictures, `count * classes` numbers, in one batch. */
  testProbabilities(): Promise<Float32Array>;
}

/** How the network did on the hidden test pictures. */
export interface TestResult {
  readonly accuracy: number;
  /** The class each test picture got the most votes for. */
  readonly predicted: Int32Array;
  /** `count * classes` probabilities, picture after picture. */
  readonly probabilities: Float32Array;
}

/** How a run ended. */
export interface RunOutcome {
  readonly reason: DoneReason;
  readonly step: number;
  /** The last check before the end, or null when the run ended before any. */
  readonly last: CheckPoint | null;
  /** The judgement on the hidden test pictures: only when the run learned or used up its steps. */
  readonly test: TestResult | null;
}

/** Why a run ends at this check, or null when it goes on. */
export function stopReason(check: CheckPoint, maxSteps: number): DoneReason | null {
  if (check.diverged) return 'diverged';
  if (hasLearned(check.trainAccuracy, check.loss)) return 'learned';
  if (check.step >= maxSteps) return 'step-limit';
  return null;
}

/**
 * The step a run that stands at step `from` is checked at next: the next multiple of
 * `CHECK_EVERY_STEPS`, unless a star's step or the step limit comes first.
 */
export function nextJudgedStep(job: Pick<TrainingJob, 'maxSteps' | 'checkAt'>, from: number): number {
  const nextRound = (Math.floor(from / CHECK_EVERY_STEPS) + 1) * CHECK_EVERY_STEPS;
  return Math.min(job.maxSteps, nextRound, ...(job.checkAt ?? []).filter((step) => step > from));
}

/** Judges `network` on the test pictures from their probabilities. */
export function testResult(
  network: Pick<NetworkSpec, 'layers'>,
  job: Pick<TrainingJob, 'test'>,
  probabilities: Float32Array,
): TestResult {
  const predicted = votedClasses(probabilities, classCountOf(network));
  return { accuracy: accuracyOf(predicted, job.test), predicted, probabilities };
}

/**
 * Trains through `driver` until the network has learned its pictures, the loss blew up, the job's
 * step limit is reached or someone stops it, then judges a learned or finished network on the
 * hidden test pictures. Whether it has learned is asked only at the judged steps (`nextJudgedStep`),
 * so the same job stops at the same step in every driver. `onCheck` hears every judged check.
 */
export async function trainUntilJudged(
  driver: RunDriver,
  job: TrainingJob,
  onCheck: (check: CheckPoint) => void = () => undefined,
): Promise<RunOutcome> {
  let last: CheckPoint | null = null;
  for (;;) {
    const check = await driver.advance(nextJudgedStep(job, last?.step ?? driver.startStep ?? 0));
    if (!check) return { reason: 'stopped', step: last?.step ?? driver.startStep ?? 0, last, test: null };
    last = check;
    onCheck(check);
    const reason = stopReason(check, job.maxSteps);
    if (!reason) continue;
    const judged = reason === 'learned' || reason === 'step-limit';
    const test = judged ? testResult(job.network, job, await driver.testProbabilities()) : null;
    return { reason, step: check.step, last, test };
  }
}

/** Seeds every level is checked on besides its own training seed (`convblocks check`). */
export const CHECKED_SEEDS = [1, 2, 3, 4, 5] as const;

/** The seeds a level is proved on: its own training seed, then the checked ones, each once. */
export function provingSeeds(ownSeed: number): number[] {
  return [ownSeed, ...CHECKED_SEEDS.filter((s) => s !== ownSeed)];
}
