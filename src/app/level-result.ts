import type { Judgement, StarOutcome } from '../game/judge';
import type { LevelSpec } from '../spec';
import { button, el, wrongPictures } from '../ui';
import { starRow, winBurst } from './celebration';

/** What the player can do after a verdict. */
export interface ResultActions {
  /** Present when there is a next level to go to. */
  readonly nextLevel?: () => void;
  readonly backToMap: () => void;
  /** Looks inside the network with the test picture at this index. */
  readonly why?: (testIndex: number) => void;
}

/**
 * After a win, puts the keyboard on "Next level" (the way on), which also brings the verdict into
 * sight; after a loss focus stays where the player was, on the blocks or the controls.
 */
export function focusNextStep(host: HTMLElement): void {
  const next = host.querySelector<HTMLButtonElement>('.result.won button.primary');
  next?.focus();
}

/** One star rule in the verdict: earned, or missed and why ("✗ missed: at most 100 parameters (it has 130)"). */
export function starOutcomeText(star: StarOutcome, won: boolean): string {
  if (star.met && won) return `✓ earned: ${star.text}`;
  const why = star.why ?? 'it did not reach the goal, which every star needs';
  return `✗ missed: ${star.text} (${why})`;
}

/**
 * The verdict on the hidden test pictures: won or not, the stars and why, and every picture the
 * network got wrong, drawn, with what it answered.
 */
export function resultPanel(
  level: LevelSpec,
  verdict: Judgement,
  predicted: ArrayLike<number>,
  actions: ResultActions,
  /** What the score means (see verdictMeaning), or null. */
  meaning: string | null = null,
  /** A fresh win is celebrated; a verdict shown again (after a reload) is not. */
  celebrate = verdict.won,
): HTMLElement {
  const percent = `${Math.round(verdict.accuracy * 100)}%`;
  const goal = `${Math.round(level.goal.testAccuracy * 100)}%`;
  const heading = verdict.won ? 'Level complete!' : 'Not yet';
  const summary = verdict.won
    ? `Your network got ${percent} of the hidden test pictures right (the goal was ${goal}).`
    : `Your network got ${percent} of the hidden test pictures right; the goal is ${goal}. Change the blocks or train again.`;
  const party = celebrate && verdict.won;
  const stillness = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const rules = el(
    'ul',
    { class: 'star-rules' },
    el('li', {}, `${verdict.won ? '✓ earned' : '✗ missed'}: reach the goal of ${goal}`),
    ...verdict.starRules.map((s) => el('li', {}, starOutcomeText(s, verdict.won))),
  );
  const panel = el(
    'section',
    { class: `result ${verdict.won ? 'won' : 'lost'}${party ? ' celebrate' : ''}`, 'aria-label': 'Result' },
    el('h2', {}, heading),
    verdict.won ? starRow(verdict.stars, party && !stillness ? winBurst() : null) : null,
    el('p', {}, summary),
    meaning ? el('p', { class: 'verdict-meaning' }, meaning) : null,
    rules,
    ...wrongPictures(level, verdict.wrong, (i) => ({ classIndex: predicted[i] ?? -1 }), actions.why),
    el(
      'div',
      { class: 'controls' },
      verdict.won && actions.nextLevel ? button('Next level', actions.nextLevel, { class: 'primary' }) : null,
      button('Back to map', actions.backToMap),
    ),
  );
  return panel;
}
