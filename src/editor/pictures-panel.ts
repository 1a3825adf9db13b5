/**
 * The "Pictures" tab: a thumbnail grid per class (training and hidden test pictures), the drawing
 * grid for the chosen picture with its tools and transforms, and importing PNG or JPEG files
 * (picked or dropped). The parts live in `picture-sets` (left column), `picture-actions` (tools and
 * actions) and `picture-choice` (the chosen picture and its edits); this file assembles them.
 */

import { el } from '../ui';
import type { EditorDraft } from './draft';
import { folderFromDrop } from './folder-entries';
import { importFolder } from './folder-import';
import type { DraftAccess, EditorPanel } from './panel';
import type { EditorPicture } from './picture';
import { blankPicture } from './picture';
import { pictureActions, pictureToolbar } from './picture-actions';
import { type PicturesContext, pictureName, replaceChosen, selected } from './picture-choice';
import { type SetsContext, setBlock } from './picture-sets';
import { type PictureSources, pictureSources } from './picture-sources';
import { mountPixelGrid, type PixelGrid } from './pixel-grid';
import type { Ink } from './transforms';

export { pictureName } from './picture-choice';

function hexToInk(hex: string): Ink {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255);
}

/** The parts of the tab a redraw replaces. */
interface PicturesView {
  readonly ctx: PicturesContext;
  readonly sets: SetsContext;
  readonly grid: PixelGrid;
  readonly classesColumn: HTMLElement;
  readonly heading: HTMLElement;
  readonly aside: HTMLElement;
  readonly sources: PictureSources;
}

/** Redraws the class columns, keeping focus on the same control, and the chosen picture's side. */
function refreshView(view: PicturesView): void {
  const { ctx, grid, classesColumn, heading, aside } = view;
  const draft = ctx.access.draft();
  view.sources.refresh();
  const focusKey = document.activeElement?.getAttribute('data-focus-key');
  const used = new Set<HTMLCanvasElement>();
  classesColumn.replaceChildren(
    ...draft.classes.map((c, i) => classSection(view.sets, draft, c.name, i, used)),
  );
  if (focusKey) classesColumn.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
  const picture = selected(draft, ctx.selection);
  if (!picture || !ctx.selection) {
    ctx.selection = null;
    heading.textContent = 'No picture chosen';
    aside.replaceChildren(
      heading,
      el('p', {}, 'Choose a picture on the left, or make a new one with "New picture".'),
    );
    return;
  }
  heading.textContent = pictureName(draft, ctx.selection);
  grid.show(picture, pictureName(draft, ctx.selection));
  if (!aside.contains(grid.element))
    aside.replaceChildren(heading, pictureToolbar(ctx), grid.element, pictureActions(ctx));
  else (aside.lastElementChild as HTMLElement).replaceWith(pictureActions(ctx));
}

/** One class's training and test sets. */
function classSection(
  sets: SetsContext,
  draft: EditorDraft,
  name: string,
  i: number,
  used: Set<HTMLCanvasElement>,
): HTMLElement {
  return el(
    'section',
    { class: 'editor-class-pictures', 'aria-label': `Class "${name}"` },
    el('h3', {}, `Class "${name}"`),
    setBlock(sets, draft, i, 'train', used),
    setBlock(sets, draft, i, 'test', used),
  );
}

/** Builds the Pictures tab. */
export function picturesPanel(access: DraftAccess): EditorPanel {
  const ctx: PicturesContext = {
    access,
    selection: null,
    tool: 'pen',
    penColour: '#ffffff',
    noiseSeed: 1,
    setSelection: (next) => {
      ctx.selection = next;
      refresh();
    },
  };
  const grid = mountPixelGrid(blankPicture(access.draft().side, access.draft().channels), {
    label: 'No picture chosen',
    tool: () => ctx.tool,
    ink: () => (access.draft().channels === 1 ? [1] : hexToInk(ctx.penColour)),
    onChange: (picture: EditorPicture) => replaceChosen(ctx, () => picture),
  });
  const messages = el('div', { class: 'editor-import-messages', role: 'alert' });
  let open = true;
  const view: PicturesView = {
    ctx,
    grid,
    sets: {
      tab: ctx,
      canvases: new WeakMap(),
      messages,
      focusGrid: () => grid.element.querySelector('canvas')?.focus(),
      dropFolder: (transfer) => {
        const found = folderFromDrop(transfer);
        if (found) void importFolder({ tab: ctx, messages, open: () => open }, found, view.sources.set());
        return found !== null;
      },
    },
    classesColumn: el('div', { class: 'editor-picture-classes' }),
    heading: el('h3', { class: 'editor-picture-title' }),
    aside: el('section', { class: 'editor-picture-editor', 'aria-label': 'Chosen picture' }),
    sources: pictureSources(ctx, { tab: ctx, messages, open: () => open }),
  };
  const refresh = () => refreshView(view);

  // Import messages come first, where they are seen whichever class a file was dropped on.
  const element = el(
    'div',
    { class: 'editor-pictures' },
    view.sources.element,
    messages,
    el('div', { class: 'editor-pictures-main' }, view.classesColumn, view.aside),
  );
  // A file dropped beside the zones must not make the browser leave the page to show it.
  element.addEventListener('dragover', (event) => event.preventDefault());
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    if (event.dataTransfer && view.sets.dropFolder(event.dataTransfer)) return;
    access.announce("Drop pictures on a class's training or test pictures to import them.");
  });
  refresh();
  // Leaving the tab or the editor turns the camera off.
  return {
    element,
    refresh,
    dispose: () => {
      open = false;
      view.sources.dispose();
    },
  };
}
