import type Phaser from 'phaser';
import { BUILT_IN_ORDER, loadAllBuiltInLevels } from '../game/catalog';
import { mapGeometry } from '../game/map-layout';
import { startMapGame } from '../game/map-scene';
import { mapEntries } from '../game/progression';
import type { LevelSpec } from '../spec';
import type { PlayerStore } from '../storage';
import { type AppContext, button, editorHash, el, levelHash, type Screen } from '../ui';
import { exportProgress, importProgress } from './backup';
import { copyToEdit } from './level-copy';
import { levelButtons } from './map-buttons';
import { packMakerDialog } from './pack-maker';
import { packPaths } from './pack-map';
import { importDialog } from './sharing';

/** The button beside a shelf's level: Edit for the player's own, Make a copy to edit for the others. */
type ShelfAction = (level: LevelSpec) => HTMLButtonElement;

/** A list of the player's own or received levels, or a sentence saying where they come from. */
function levelShelf(
  title: string,
  empty: string,
  levels: readonly LevelSpec[],
  context: AppContext<PlayerStore>,
  action: ShelfAction,
) {
  const items = levels.map((level) =>
    el(
      'li',
      {},
      button(level.title, () => context.navigate(levelHash(level.id)), { class: 'shelf-level' }),
      action(level),
    ),
  );
  return el(
    'section',
    { class: 'shelf', 'aria-label': title },
    el('h2', {}, title),
    items.length ? el('ul', {}, ...items) : el('p', { class: 'shelf-empty' }, empty),
  );
}

const editButton =
  (context: AppContext<PlayerStore>): ShelfAction =>
  (level) =>
    button('Edit', () => context.navigate(editorHash(level.id)), {
      class: 'shelf-action',
      'aria-label': `Edit ${level.title}`,
    });

const copyButton =
  (context: AppContext<PlayerStore>): ShelfAction =>
  (level) =>
    button('Make a copy to edit', () => void copyToEdit(level, context), {
      class: 'shelf-action',
      'aria-label': `Make a copy of ${level.title} to edit`,
    });

/** A built-in level picked from a list, copied to edit. */
function builtInCopier(levels: readonly LevelSpec[], context: AppContext<PlayerStore>): HTMLElement {
  const select = el(
    'select',
    { id: 'copy-built-in' },
    ...levels.map((level, i) => el('option', { value: level.id }, `${i + 1}. ${level.title}`)),
  );
  const copy = () => {
    const level = levels.find((l) => l.id === select.value);
    if (level) void copyToEdit(level, context);
  };
  return el(
    'section',
    { class: 'shelf', 'aria-label': 'Built-in levels' },
    el('h2', {}, 'Built-in levels'),
    el('label', { for: 'copy-built-in' }, 'Start from a built-in level'),
    el(
      'div',
      { class: 'shelf-copy' },
      select,
      button('Make a copy to edit', copy, { class: 'shelf-action' }),
    ),
  );
}

/**
 * Shows the level map: the Phaser drawing, the level buttons over it, the packs opened here (each
 * with its own path; `focusPack` scrolls to one) and the player's own shelves.
 */
export async function showMap(
  root: HTMLElement,
  context: AppContext<PlayerStore>,
  focusPack?: string,
): Promise<Screen> {
  const levels = await loadAllBuiltInLevels();
  const entries = mapEntries(levels, (id) => context.store.progress(id));
  const portrait = window.innerWidth < 700;
  const geometry = mapGeometry(entries.length, portrait);
  const stage = el('div', { class: `map-stage ${portrait ? 'map-portrait' : 'map-landscape'}` });
  stage.style.aspectRatio = `${geometry.width} / ${geometry.height}`;
  const canvasHolder = el('div', { class: 'map-canvas', 'aria-hidden': 'true' });
  stage.append(canvasHolder, levelButtons(entries, geometry, context));
  const won = entries.filter((e) => e.state === 'won').length;
  const shelf = (origin: 'mine' | 'shared') => context.store.customLevels(origin).map((c) => c.level);
  const packs = packPaths(context, portrait);
  root.replaceChildren(
    el(
      'main',
      { class: 'map-screen' },
      el('h1', {}, 'ConvBlocks'),
      el(
        'p',
        { class: 'map-intro' },
        `Build networks from blocks and teach them to tell pictures apart. ${won} of ${BUILT_IN_ORDER.length} levels won.`,
      ),
      stage,
      el(
        'div',
        { class: 'controls map-tools' },
        button('Export progress', () => exportProgress(context)),
        button('Import progress', () => void importProgress(context, () => context.navigate('#/'))),
        button('Import', () => void importDialog(context)),
        button('Make a level', () => context.navigate('#/editor')),
        button('Make a pack', () => void packMakerDialog(levels, context)),
        button('Class results', () => context.navigate('#/class')),
      ),
      packs.element,
      el(
        'div',
        { class: 'shelves' },
        levelShelf(
          'My levels',
          'Levels you make in the level editor will appear here.',
          shelf('mine'),
          context,
          editButton(context),
        ),
        levelShelf(
          'Shared with me',
          'Levels opened from a link someone shared will appear here.',
          shelf('shared'),
          context,
          copyButton(context),
        ),
        builtInCopier(levels, context),
      ),
    ),
  );
  let game: Phaser.Game | null = startMapGame(canvasHolder, { entries, geometry });
  packs.start();
  const focused = focusPack ? document.getElementById(focusPack) : null;
  focused?.scrollIntoView({ block: 'start' });
  const next = entries.find((e) => e.state === 'open');
  const pack = context.store.packs().find((p) => p.id === focusPack)?.pack;
  if (pack) context.announce(`Level map, at the pack "${pack.title}".`);
  else context.announce(next ? `Level map. Next up: ${next.title}` : 'Level map. Every level is won!');
  return {
    dispose() {
      game?.destroy(true);
      game = null;
      packs.dispose();
    },
  };
}
