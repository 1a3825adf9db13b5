import type { MapGeometry } from '../game/map-layout';
import { entryName, type MapEntry } from '../game/progression';
import type { PlayerStore } from '../storage';
import { type AppContext, button, el, levelHash } from '../ui';

/** The buttons laid over the drawn map: one per level, where the scene draws it, named for screen readers. */
export function levelButtons(
  entries: readonly MapEntry[],
  geometry: MapGeometry,
  context: AppContext<PlayerStore>,
  label = 'Levels',
): HTMLElement {
  const { points, width, height } = geometry;
  const list = el('ol', { class: 'map-buttons', 'aria-label': label });
  entries.forEach((entry, i) => {
    const p = points[i];
    if (!p) return;
    const name = entryName(entry, i + 1);
    const open = () => {
      if (entry.state === 'locked') {
        const before = entries[i - 1];
        context.announce(`${entry.title} is locked: win ${before?.title ?? 'the level before it'} first.`);
        return;
      }
      context.navigate(levelHash(entry.id));
    };
    const b = button(String(i + 1), open, {
      class: `map-level map-level-${entry.state}`,
      'aria-label': name,
      title: name,
      'data-level': entry.id,
    });
    if (entry.state === 'locked') b.setAttribute('aria-disabled', 'true');
    const item = el('li', {}, b);
    item.style.left = `${(100 * p.x) / width}%`;
    item.style.top = `${(100 * p.y) / height}%`;
    list.append(item);
  });
  return list;
}
