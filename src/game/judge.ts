import { type LevelSpec, meetsStar, missedStarText, type StarRule, starRuleText } from '../spec';

export { starRuleText };

/** What the network did on the hidden test pictures and what it cost. */
export interface Attempt {
  /** The class each test picture got the most votes for, in the level's test order. */
  readonly predicted: ArrayLike<number>;
  readonly params: number;
  /** Training steps from fresh weights when the network was judged. */
  readonly steps: number;
  readonly layers: number;
}

/** One star rule and whether the attempt met it, in words a player reads. */
export interface StarOutcome {
  readonly rule: StarRule;
  readonly met: boolean;
  readonly text: string;
  /** Why the rule was missed ("it has 130 parameters"); absent when met. */
  readonly why?: string;
}

/** The verdict on an attempt. */
export interface Judgement {
  readonly accuracy: number;
  readonly won: boolean;
  /** 0 when lost; 1 for the goal plus one per star rule met. */
  readonly stars: number;
  readonly starRules: readonly StarOutcome[];
  /** Indices of the test pictures the network got wrong. */
  readonly wrong: readonly number[];
}

/**
 * Judges an attempt on the level's hidden test pictures: won when the accuracy reaches the goal,
 * then one star for the goal and one for each star rule the attempt meets.
 */
export function judge(level: LevelSpec, attempt: Attempt): Judgement {
  const wrong: number[] = [];
  level.test.forEach((example, i) => {
    if (attempt.predicted[i] !== example.classIndex) wrong.push(i);
  });
  const accuracy = level.test.length ? (level.test.length - wrong.length) / level.test.length : 0;
  const won = level.test.length > 0 && accuracy >= level.goal.testAccuracy;
  const starRules = level.stars.map((rule): StarOutcome => {
    const met = meetsStar(rule, attempt);
    return { rule, met, text: starRuleText(rule), ...(!met && { why: missedStarText(rule, attempt) }) };
  });
  const stars = won ? 1 + starRules.filter((s) => s.met).length : 0;
  return { accuracy, won, stars, starRules, wrong };
}
