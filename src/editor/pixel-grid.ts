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

/** The grid's state, shared by its drawing and its event handlers. */
interface GridState {
  readonly options: PixelGridOptions;
  readonly canvas: HTMLCanvasElement;
  readonly description: HTMLElement;
  picture: EditorPicture;
  cursor: { y: number; x: number };
  focused: boolean;
  drawing: boolean;
}

/** Paints the picture, the cursor when the grid has focus, and the sentence about the cursor. */
function drawGrid(g: GridState): void {
  const { canvas, picture, cursor } = g;
  const cell = Math.max(1, Math.floor(GRID_PX / picture.side));
  canvas.width = cell * picture.side;
  canvas.height = cell * picture.side;
  canvas.style.width = `${cell * picture.side}px`;
  canvas.style.height = `${cell * picture.side}px`;
  const context = canvas.getContext('2d');
  if (!context) return;
  paintPicture(context, picture, cell, picture.side <= 32);
  if (g.focused) {
    // Two outlines, dark and light, so the cursor shows on any pixel.
    context.lineWidth = 3;
    context.strokeStyle = '#000000';
    context.strokeRect(cursor.x * cell + 1.5, cursor.y * cell + 1.5, cell - 3, cell - 3);
    context.lineWidth = 1.5;
    context.strokeStyle = '#ffb020';
    context.strokeRect(cursor.x * cell + 1.5, cursor.y * cell + 1.5, cell - 3, cell - 3);
  }
  g.description.textContent = describePixel(picture, cursor.y, cursor.x);
}

/** Shows `next` and reports it, unless nothing changed. */
function change(g: GridState, next: EditorPicture): void {
  if (next === g.picture) return;
  g.picture = next;
  drawGrid(g);
  g.options.onChange(next);
}

/** Uses the chosen tool on one pixel. */
function useTool(g: GridState, y: number, x: number): void {
  const tool = g.options.tool();
  const { picture } = g;
  if (tool === 'pen') change(g, setPixel(picture, y, x, g.options.ink()));
  else if (tool === 'eraser') change(g, setPixel(picture, y, x, noInk(picture)));
  else change(g, floodFill(picture, y, x, g.options.ink()));
}

/** The pixel under a pointer, clamped to the grid. */
function cellAt(g: GridState, event: PointerEvent): { y: number; x: number } {
  const side = g.picture.side;
  const box = g.canvas.getBoundingClientRect();
  const x = Math.floor(((event.clientX - box.left) / box.width) * side);
  const y = Math.floor(((event.clientY - box.top) / box.height) * side);
  return { y: Math.min(side - 1, Math.max(0, y)), x: Math.min(side - 1, Math.max(0, x)) };
}

/** Drawing with mouse, pen or touch: a press uses the tool, a drag draws a line of pixels. */
function listenToPointer(g: GridState): void {
  const { canvas } = g;
  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    canvas.focus();
    canvas.setPointerCapture(event.pointerId);
    g.drawing = true;
    g.cursor = cellAt(g, event);
    useTool(g, g.cursor.y, g.cursor.x);
    drawGrid(g);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!g.drawing || g.options.tool() === 'fill') return;
    const at = cellAt(g, event);
    if (at.y === g.cursor.y && at.x === g.cursor.x) return;
    // A fast stroke skips cells between two pointer events: draw the line between them.
    const line = lineCells(g.cursor.y, g.cursor.x, at.y, at.x).slice(1);
    g.cursor = at;
    for (const [y, x] of line) useTool(g, y, x);
    drawGrid(g);
  });
  const stop = () => {
    g.drawing = false;
  };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  // Touch drawing must not scroll the page.
  canvas.style.touchAction = 'none';
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The keyboard: arrows move the cursor, Space toggles its pixel, Enter uses the tool; focus shows it. */
function listenToKeys(g: GridState): void {
  const { canvas } = g;
  canvas.addEventListener('focus', () => {
    g.focused = true;
    drawGrid(g);
  });
  canvas.addEventListener('blur', () => {
    g.focused = false;
    drawGrid(g);
  });
  canvas.addEventListener('keydown', (event) => {
    const move = MOVES[event.key];
    const { picture, cursor } = g;
    if (move) {
      g.cursor = {
        y: Math.min(picture.side - 1, Math.max(0, cursor.y + move[0])),
        x: Math.min(picture.side - 1, Math.max(0, cursor.x + move[1])),
      };
      drawGrid(g);
    } else if (event.key === ' ') change(g, togglePixel(picture, cursor.y, cursor.x));
    else if (event.key === 'Enter') useTool(g, cursor.y, cursor.x);
    else return;
    event.preventDefault();
  });
}

/** Mounts a grid showing `picture`. */
export function mountPixelGrid(first: EditorPicture, options: PixelGridOptions): PixelGrid {
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
  const g: GridState = {
    options,
    canvas,
    description,
    picture: first,
    cursor: { y: 0, x: 0 },
    focused: false,
    drawing: false,
  };
  listenToPointer(g);
  listenToKeys(g);

  let shownLabel = options.label;
  const show = (next: EditorPicture, label: string) => {
    canvas.setAttribute('aria-label', `${label}, ${next.side} by ${next.side} pixels`);
    // Another picture starts with the cursor in its top-left corner, where the keyboard expects it.
    if (label !== shownLabel || next.side !== g.picture.side) g.cursor = { y: 0, x: 0 };
    shownLabel = label;
    g.picture = next;
    drawGrid(g);
  };
  show(first, options.label);
  return { element, show, cursor: () => g.cursor };
}
