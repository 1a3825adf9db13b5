import type { LevelSpec } from '../spec';
import { el } from '../ui';

/**
 * The level's cap on filter size, said on the intro before the player builds, so a Conv block marked
 * over the cap is no surprise; null on a level without one. The play screen, like for the other
 * limits, says it on the block that breaks it: a line more there pushes the votes off a 720-high screen.
 */
export function filterCapLine(level: LevelSpec): HTMLElement | null {
  const side = level.limits.maxFilterSize;
  if (side === undefined) return null;
  return el('p', { class: 'level-limits' }, `Conv filters are at most ${side}x${side} on this level.`);
}
