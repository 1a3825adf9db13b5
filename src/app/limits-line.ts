import type { LevelSpec } from '../spec';
import { el } from '../ui';

/**
 * The level's cap on filter size, said before the player builds (the intro and the play screen),
 * so a Conv block marked over the cap is no surprise; null on a level without one.
 */
export function filterCapLine(level: LevelSpec): HTMLElement | null {
  const side = level.limits.maxFilterSize;
  if (side === undefined) return null;
  return el('p', { class: 'level-limits' }, `Conv filters are at most ${side}x${side} on this level.`);
}
