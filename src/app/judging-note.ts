/** The level's judging rule on the level screen: the goal in one line, the whole rule one click away. */
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
