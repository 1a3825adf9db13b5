/**
 * A built-in level opened by its address before the levels before it are won: it stays locked (no
 * blocks, no training, so no win can count out of order), and the screen says which win opens it.
 */
import { loadAllBuiltInLevels } from '../game/catalog';
import { levelAccess, mapEntries } from '../game/progression';
import type { LevelSpec } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, el, levelHash, type Screen } from '../ui';

/** The sentence that says why the level is closed and what opens it. */
export function lockedMessage(
  title: string,
  position: number,
  unlockedBy: { readonly title: string; readonly position: number },
): string {
  return `Level ${position}, "${title}", is locked. Win level ${unlockedBy.position}, "${unlockedBy.title}", to open it.`;
}

/**
 * Shows the locked note for `level` when the map would show it locked, and returns the screen;
 * null when the level is open to play.
 */
export async function showLockedLevel(
  root: HTMLElement,
  level: LevelSpec,
  context: AppContext<PlayerStore>,
): Promise<Screen | null> {
  const levels = await loadAllBuiltInLevels();
  const progress = (id: string) => context.store.progress(id);
  const access = levelAccess(levels, progress, level.id);
  if (!access.locked) return null;
  const message = lockedMessage(level.title, access.position, access.unlockedBy);
  // The level the player can play now: where the path is open.
  const playable = mapEntries(levels, progress).findIndex((e) => e.state === 'open');
  const next = levels[playable];
  const back = button('Back to map', () => context.navigate('#/'), { class: 'primary' });
  root.replaceChildren(
    el(
      'main',
      { class: 'level-screen locked-level' },
      el(
        'section',
        { class: 'locked-note', 'aria-labelledby': 'locked-title' },
        el('h1', { id: 'locked-title' }, `${level.title} is locked`),
        el('p', {}, message),
        el(
          'div',
          { class: 'controls' },
          back,
          next
            ? button(`Play level ${playable + 1}: ${next.title}`, () => context.navigate(levelHash(next.id)))
            : null,
        ),
      ),
    ),
  );
  back.focus();
  context.announce(message);
  return { dispose() {} };
}
