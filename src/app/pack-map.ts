/**
 * The packs opened here, on the map: each has its own path under its title, its locks (each level
 * opens once the one before it is won) and its stars, apart from the built-in path, and a button
 * that saves the player's results for the teacher.
 */
import type Phaser from 'phaser';
import { mapGeometry } from '../game/map-layout';
import { startMapGame } from '../game/map-scene';
import { mapEntries } from '../game/progression';
import type { PlayerStore, SavedPack } from '../storage';
import { type AppContext, button, el } from '../ui';
import { levelButtons } from './map-buttons';
import { packOrder } from './pack-levels';
import { exportResultsDialog } from './results-export';
import './packs.css';

/** A pack's section of the map, and the Phaser game drawing its path. */
function packSection(
  saved: SavedPack,
  context: AppContext<PlayerStore>,
  portrait: boolean,
): { element: HTMLElement; start(): Phaser.Game } {
  const order = packOrder(saved);
  const levels = saved.pack.levels.map((level, i) => ({ id: order[i] as string, title: level.title }));
  const entries = mapEntries(levels, (id) => context.store.progress(id));
  const geometry = mapGeometry(entries.length, portrait, true);
  const stage = el('div', { class: `map-stage ${portrait ? 'map-portrait' : 'map-landscape'}` });
  stage.style.aspectRatio = `${geometry.width} / ${geometry.height}`;
  const canvasHolder = el('div', { class: 'map-canvas', 'aria-hidden': 'true' });
  stage.append(canvasHolder, levelButtons(entries, geometry, context, `Levels of ${saved.pack.title}`));
  const won = entries.filter((e) => e.state === 'won').length;
  const { title, author } = saved.pack;
  const element = el(
    'section',
    { class: 'pack-path', id: saved.id, 'aria-label': `Pack: ${title}` },
    el('h2', {}, `Pack: ${title}`),
    el(
      'p',
      { class: 'map-intro' },
      `${author ? `By ${author}. ` : ''}${won} of ${entries.length} levels won.`,
    ),
    stage,
    el(
      'div',
      { class: 'controls' },
      button('Export my results', () => void exportResultsDialog(saved, context), {
        'aria-label': `Export my results for ${title}`,
      }),
    ),
  );
  return { element, start: () => startMapGame(canvasHolder, { entries, geometry }) };
}

/** The packs' sections, drawn once they are in the page; `dispose` stops their drawings. */
export function packPaths(
  context: AppContext<PlayerStore>,
  portrait: boolean,
): { element: HTMLElement; start(): void; dispose(): void } {
  const sections = context.store.packs().map((saved) => packSection(saved, context, portrait));
  const games: Phaser.Game[] = [];
  return {
    element: el('div', { class: 'pack-paths' }, ...sections.map((s) => s.element)),
    start() {
      for (const section of sections) games.push(section.start());
    },
    dispose() {
      for (const game of games.splice(0)) game.destroy(true);
    },
  };
}
