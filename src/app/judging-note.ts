/** The level's judging rule on the level screen (the goal in one line, the whole rule one click away), and its hints. */
import { judgingGoal, judgingRule } from '../game/verdict-words';
import type { LevelSpec } from '../spec';
import { el } from '../ui';

/** A disclosure whose summary is the goal and whose body says how a run is judged. */
export function judgingNote(level: LevelSpec): HTMLElement {
  return el(
    'details',
    { class: 'judging-rule' },
    el('summary', {}, judgingGoal(level)),
    el('p', {}, judgingRule(level)),
  );
}

/** The level's hints, folded, or null when it has none. */
export function hintsBlock(level: LevelSpec): HTMLElement | null {
  return level.hints.length
    ? el(
        'details',
        { class: 'hints' },
        el('summary', {}, `Hints (${level.hints.length})`),
        el('ul', {}, ...level.hints.map((hint) => el('li', {}, hint))),
      )
    : null;
}
