/** Which levels a player may open: each built-in level unlocks when the one before it is won. */

/** What the map shows for one level. */
export type LevelState = 'locked' | 'open' | 'won';

/** The little the map needs of a player's progress on a level. */
export interface LevelProgress {
  readonly won: boolean;
  readonly stars: number;
}

/** One place on the map. */
export interface MapEntry {
  readonly id: string;
  readonly title: string;
  readonly state: LevelState;
  readonly stars: number;
}

/** The states of levels in path order: the first is always open; the rest open once the previous one is won. */
export function mapEntries(
  levels: readonly { readonly id: string; readonly title: string }[],
  progress: (id: string) => LevelProgress | undefined,
): MapEntry[] {
  let previousWon = true;
  return levels.map(({ id, title }) => {
    const record = progress(id);
    const won = record?.won ?? false;
    const state: LevelState = won ? 'won' : previousWon ? 'open' : 'locked';
    previousWon = won;
    return { id, title, state, stars: won ? (record?.stars ?? 0) : 0 };
  });
}

/** The name a screen reader says for a level on the map: its title, whether it is locked or won, its stars. */
export function entryName(entry: MapEntry, position: number): string {
  const where = `Level ${position}: ${entry.title}`;
  if (entry.state === 'locked') return `${where}, locked`;
  if (entry.state === 'open') return `${where}, not won yet`;
  return `${where}, won with ${entry.stars} of 3 stars`;
}

/** The level after `id` on the path, if any. */
export function nextLevelId(order: readonly string[], id: string): string | undefined {
  const at = order.indexOf(id);
  return at >= 0 ? order[at + 1] : undefined;
}

/** Whether a level may be played now, and if not, the level whose win unlocks it. */
export type LevelAccess =
  | { readonly locked: false }
  | {
      readonly locked: true;
      /** The level's place on the path, from 1. */
      readonly position: number;
      /** The level just before it, whose win opens it. */
      readonly unlockedBy: { readonly id: string; readonly title: string; readonly position: number };
    };

/**
 * Whether `id` may be played: the map's rule, for a level opened by its address too. A locked
 * built-in level stays locked whichever way it is opened, so its win can never count before the
 * levels before it are won. Levels off the path (the player's own, shared ones) are always open.
 */
export function levelAccess(
  levels: readonly { readonly id: string; readonly title: string }[],
  progress: (id: string) => LevelProgress | undefined,
  id: string,
): LevelAccess {
  const at = levels.findIndex((level) => level.id === id);
  const entry = mapEntries(levels, progress)[at];
  const before = levels[at - 1];
  if (entry?.state !== 'locked' || !before) return { locked: false };
  return { locked: true, position: at + 1, unlockedBy: { id: before.id, title: before.title, position: at } };
}
