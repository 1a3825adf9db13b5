/**
 * Every star a level gives and what earns it, shown before any training (the level intro and the
 * play screen): the goal's star first, then one per star rule, in the words the verdict uses.
 */
import { goalText, type LevelSpec, starRuleText } from '../spec';
import { el } from '../ui';

/** The ways to earn each star, in order: the goal's first. */
export function starTexts(level: LevelSpec): string[] {
  return [goalText(level.goal), ...level.stars.map(starRuleText)];
}

/**
 * The stars of a level as a short list under a heading, for the intro and the play screen. `compact`
 * (the play screen, where the goal has its own line just under it) names the goal's star in three
 * words and leaves "and reach the goal" to be understood, so the list fits one line beside the blocks.
 */
export function starList(level: LevelSpec, compact = false): HTMLElement {
  const texts = compact ? ['reach the goal', ...level.stars.map(starRuleText)] : starTexts(level);
  const heading = `${texts.length} ${texts.length === 1 ? 'star' : 'stars'} to earn`;
  return el(
    'section',
    { class: 'star-list', 'aria-label': heading },
    el('p', { class: 'star-list-heading' }, compact ? 'Stars:' : `${heading}:`),
    el(
      'ol',
      {},
      ...texts.map((text, i) =>
        el(
          'li',
          {},
          el('span', { class: 'star-mark', 'aria-hidden': 'true' }, '★'),
          ` ${i === 0 || compact ? text : `${text}, and reach the goal`}`,
        ),
      ),
    ),
  );
}
