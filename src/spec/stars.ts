/**
 * Star rules, once for the game, the level editor and `convblocks check`: the words a player reads
 * before training, and whether a judged run earned the star. The first star is the goal itself.
 */
import type { StarLimit } from './types';

/** What a run did that a star rule can ask about. */
export interface StarAttempt {
  readonly params: number;
  /** Training steps taken when the network was judged (from fresh weights). */
  readonly steps: number;
  /** Blocks in the network. */
  readonly layers: number;
}

/** The goal as a rule a player reads before training: "reach the goal: 90% of the hidden test pictures". */
export function goalText(goal: { readonly testAccuracy: number }): string {
  return `reach the goal: ${Math.round(goal.testAccuracy * 1000) / 10}% of the hidden test pictures right`;
}

/** A star rule in plain words: "at most 100 parameters", "within 150 training steps", "at most 4 blocks". */
export function starRuleText(rule: StarLimit): string {
  if ('maxParams' in rule) return `at most ${rule.maxParams} parameters`;
  if ('maxSteps' in rule) return `within ${rule.maxSteps} training steps`;
  return `at most ${rule.maxLayers} ${rule.maxLayers === 1 ? 'block' : 'blocks'}`;
}

/** Whether a run that reached the goal also met `rule`. */
export function meetsStar(rule: StarLimit, attempt: StarAttempt): boolean {
  if ('maxParams' in rule) return attempt.params <= rule.maxParams;
  if ('maxSteps' in rule) return attempt.steps <= rule.maxSteps;
  return attempt.layers <= rule.maxLayers;
}

/** Why a run that reached the goal missed `rule`, in words: "it has 130 parameters". */
export function missedStarText(rule: StarLimit, attempt: StarAttempt): string {
  if ('maxParams' in rule) return `it has ${attempt.params} parameters`;
  if ('maxSteps' in rule) return `it was judged after ${attempt.steps} steps`;
  return `it has ${attempt.layers} blocks`;
}
