/**
 * The drawing grid: a canvas drawn on with mouse, pen or touch (pointer events), and with the
 * keyboard (arrow keys move a cursor, Space toggles the pixel, Enter uses the chosen tool), with a
 * sentence that says where the cursor is and what is under it.
 */
import { el } from '../ui';
import { paintPicture } from './paint';
import { type EditorPicture, pixelAt } from './picture';
import { floodFill, type Ink, lineCells, noInk, setPixel, togglePixel } from './transforms';

/** What a press on the grid does. */
export type Tool = 'pen' | 'eraser' | 'fill';

/** How to mount the grid. */
export interface PixelGridOptions {
  /** The grid's accessible name, e.g. "Training picture 2 of cat". */
  readonly label: string;
  readonly tool: () => Tool;
  /** The pen's ink (full ink on grey pictures, the chosen colour on colour ones). */
  readonly ink: () => Ink;
  /** Called with the new picture after each change. */
  readonly onChange: (picture: EditorPicture) => void;
}

/** A mounted grid. */
export interface PixelGrid {
  readonly element: HTMLElement;
  /** Shows another picture (or the same one changed elsewhere) under the accessible name `label`. */
  show(picture: EditorPicture, label: string): void;
  /** The cursor's row and column. */
  cursor(): { y: number; x: number };
}

/** The grid's drawn size in CSS pixels. */
const GRID_PX = 320;

function describePixel(picture: EditorPicture, y: number, x: number): string {
  const pixel = pixelAt(picture, y, x);
  const amount = Math.max(...pixel);
  let what = amount === 0 ? 'blank' : amount === 1 ? 'ink' : `ink ${Math.round(amount * 100)}%`;
  if (picture.channels === 3 && amount > 0) {
    what = `colour red ${Math.round((pixel[0] ?? 0) * 100)}%, green ${Math.round((pixel[1] ?? 0) * 100)}%, blue ${Math.round((pixel[2] ?? 0) * 100)}%`;
  }
  return `Cursor at row ${y + 1}, column ${x + 1} of ${picture.side}: ${what}.`;
}

/** Mounts a grid showing `picture`. */
export function mountPixelGrid(first: EditorPicture, options: PixelGridOptions): PixelGrid {
  let picture = first;
  let cursor = { y: 0, x: 0 };
  let focused = false;
  let drawing = false;
  const canvas = el('canvas', {
    class: 'editor-grid-canvas',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'pixel grid',
  });
  const description = el('p', {
    class: 'editor-grid-cursor',
    'aria-live': 'polite',
    id: `grid-cursor-${Math.random().toString(36).slice(2)}`,
  });
  canvas.setAttribute('aria-describedby', description.id);
  const help = el(
    'p',
    { class: 'editor-grid-help' },
    'Draw with the mouse or a finger. Keyboard: arrow keys move the cursor, Space toggles the pixel, Enter uses the tool.',
  );
  const element = el('div', { class: 'editor-grid' }, canvas, description, help);

  const draw = () => {
    const cell = Math.max(1, Math.floor(GRID_PX / picture.side));
    canvas.width = cell * picture.side;
    canvas.height = cell * picture.side;
    canvas.style.width = `${cell * picture.side}px`;
    canvas.style.height = `${cell * picture.side}px`;
    const context = canvas.getContext('2d');
    if (!context) return;
    paintPicture(context, picture, cell, picture.side <= 32);
    if (focused) {
      // Two outlines, dark and light, so the cursor shows on any pixel.
      context.lineWidth = 3;
      context.strokeStyle = '#000000';
      context.strokeRect(cursor.x * cell + 1.5, cursor.y * cell + 1.5, cell - 3, cell - 3);
      context.lineWidth = 1.5;
      context.strokeStyle = '#ffb020';
      context.strokeRect(cursor.x * cell + 1.5, cursor.y * cell + 1.5, cell - 3, cell - 3);
    }
    description.textContent = describePixel(picture, cursor.y, cursor.x);
  };

  const change = (next: EditorPicture) => {
    if (next === picture) return;
    picture = next;
    draw();
    options.onChange(next);
  };

  const useTool = (y: number, x: number) => {
    const tool = options.tool();
    if (tool === 'pen') change(setPixel(picture, y, x, options.ink()));
    else if (tool === 'eraser') change(setPixel(picture, y, x, noInk(picture)));
    else change(floodFill(picture, y, x, options.ink()));
  };

  const cellAt = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    const x = Math.floor(((event.clientX - box.left) / box.width) * picture.side);
    const y = Math.floor(((event.clientY - box.top) / box.height) * picture.side);
    return { y: Math.min(picture.side - 1, Math.max(0, y)), x: Math.min(picture.side - 1, Math.max(0, x)) };
  };

  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    canvas.focus();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    cursor = cellAt(event);
    useTool(cursor.y, cursor.x);
    draw();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || options.tool() === 'fill') return;
    const at = cellAt(event);
    if (at.y === cursor.y && at.x === cursor.x) return;
    // A fast stroke skips cells between two pointer events: draw the line between them.
    const line = lineCells(cursor.y, cursor.x, at.y, at.x).slice(1);
    cursor = at;
    for (const [y, x] of line) useTool(y, x);
    draw();
  });
  const stop = () => {
    drawing = false;
  };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  canvas.addEventListener('focus', () => {
    focused = true;
    draw();
  });
  canvas.addEventListener('blur', () => {
    focused = false;
    draw();
  });
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  canvas.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    if (move) {
      cursor = {
        y: Math.min(picture.side - 1, Math.max(0, cursor.y + move[0])),
        x: Math.min(picture.side - 1, Math.max(0, cursor.x + move[1])),
      };
      draw();
    } else if (event.key === ' ') change(togglePixel(picture, cursor.y, cursor.x));
    else if (event.key === 'Enter') useTool(cursor.y, cursor.x);
    else return;
    event.preventDefault();
  });
  // Touch drawing must not scroll the page.
  canvas.style.touchAction = 'none';

  let shownLabel = options.label;
  const show = (next: EditorPicture, label: string) => {
    canvas.setAttribute('aria-label', `${label}, ${next.side} by ${next.side} pixels`);
    // Another picture starts with the cursor in its top-left corner, where the keyboard expects it.
    if (label !== shownLabel || next.side !== picture.side) cursor = { y: 0, x: 0 };
    shownLabel = label;
    picture = next;
    draw();
  };
  show(first, options.label);
  return { element, show, cursor: () => cursor };
}
