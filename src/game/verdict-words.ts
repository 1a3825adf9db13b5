/**
 * The verdict in words a beginner can follow: how the game judges (the rule, shown before any
 * training), and after a run, what the score means. A network that got every training picture
 * right but few hidden ones is named for what it did, overfitting, never left at a bare "0%".
 */
import { DEFAULT_MAX_STEPS, type DoneReason, type LevelSpec } from '../spec';
import type { Judgement } from './judge';

/** How the run that was judged ended. */
export interface JudgedRun {
  readonly reason: DoneReason;
  readonly step: number;
  /** The share of training pictures voted right at the last check. */
  readonly trainAccuracy: number;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const pictures = (n: number) => `${n} ${n === 1 ? 'picture' : 'pictures'}`;

/** The goal of a level in one line, for the summary of its rule. */
export function judgingGoal(level: LevelSpec): string {
  return `Goal: ${percent(level.goal.testAccuracy)} of ${pictures(level.test.length)} it has never seen. How is it judged?`;
}

/** The judging rule of a level, said before training. */
export function judgingRule(level: LevelSpec): string {
  const steps = level.limits.maxSteps ?? DEFAULT_MAX_STEPS;
  return (
    `How your network is judged: training stops once it gets every training picture right and is ` +
    `sure of them, or after ${steps} steps. Then it sees ${pictures(level.test.length)} it has never seen, ` +
    `the hidden test. The goal is ${percent(level.goal.testAccuracy)} of them right.`
  );
}

/** Whether the network learned its training pictures yet missed hidden ones: overfitting. */
export function overfitted(judgement: Judgement, run: JudgedRun): boolean {
  return run.trainAccuracy === 1 && judgement.wrong.length > 0;
}

/** What the verdict means and what to try, in a sentence or two; null when a win says it all. */
export function verdictMeaning(judgement: Judgement, run: JudgedRun): string | null {
  const hidden = `${percent(judgement.accuracy)} of the hidden test pictures`;
  if (overfitted(judgement, run)) {
    const advice = judgement.won
      ? 'It still reached the goal.'
      : 'Press Why? under a picture it got wrong to see what it looked at, then try fewer weights, a Pool block or filters that look for pieces.';
    return (
      `Your network got every training picture right but only ${hidden}. It learned those exact ` +
      `pictures instead of the idea behind them: that is called overfitting. ${advice}`
    );
  }
  if (judgement.won) return null;
  if (run.reason === 'step-limit') {
    return (
      `After ${run.step} steps, the most this level gives, it still got only ${percent(run.trainAccuracy)} of the ` +
      'training pictures right: it had not finished learning. Try another learning rate or a network that can learn more.'
    );
  }
  // Learned its pictures by a margin yet missed the goal, without missing any training picture: the
  // score and the goal already say it all.
  return null;
}
