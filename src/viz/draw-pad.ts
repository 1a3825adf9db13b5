/**
 * A pad to draw a picture on the spot, at the level's size: drag to ink pixels (or to erase, starting
 * on an inked one); with the keyboard, arrows move a cursor and Space flips the pixel under it.
 */
import { greyScaleFor } from './colour-scale';
import { cellAt, cellPixelsFor, createPictureCanvas, drawChannel } from './picture';

/** Sets one pixel (every channel) of NHWC `pixels` to `value`. */
export function setPixel(
  pixels: number[],
  input: readonly [number, number, number],
  y: number,
  x: number,
  value: number,
): void {
  const [, w, c] = input;
  for (let k = 0; k < c; k++) pixels[(y * w + x) * c + k] = value;
}

/** What the pad draws and where the finished drawing goes. */
export interface DrawPadOptions {
  readonly input: readonly [number, number, number];
  /** The value of blank paper: the level's blank, -1 or 0. */
  readonly blank: number;
  /** Hears the drawing when the player asks to look inside it. */
  readonly onUse: (pixels: readonly number[]) => void;
}

/** Builds the draw pad with its Clear and "Look inside" buttons. */
export function createDrawPad(doc: Document, options: DrawPadOptions): HTMLElement {
  const { input, blank } = options;
  const [height, width, channels] = input;
  const pixels: number[] = new Array(height * width * channels).fill(blank);
  const scale = greyScaleFor([blank, 1]);
  const element = doc.createElement('section');
  element.className = 'viz-draw';
  const heading = doc.createElement('h3');
  heading.textContent = 'Draw a picture';
  const canvas = createPictureCanvas(
    doc,
    `Drawing pad, ${height} by ${width} pixels: drag to draw; arrow keys move, Space inks or erases`,
    { height, width },
    cellPixelsFor(Math.max(height, width), 120),
  );
  canvas.tabIndex = 0;
  canvas.classList.add('viz-clickable');
  const cursorText = doc.createElement('p');
  cursorText.className = 'viz-draw-cursor';
  const clear = doc.createElement('button');
  clear.type = 'button';
  clear.textContent = 'Clear';
  const use = doc.createElement('button');
  use.type = 'button';
  use.textContent = 'Look inside this drawing';
  const buttons = doc.createElement('div');
  buttons.append(clear, use);
  element.append(heading, canvas, cursorText, buttons);

  const cursor = { y: 0, x: 0 };
  const redraw = () => {
    drawChannel(canvas, pixels, { height, width, channels, channel: 0 }, scale);
    const inked = pixels[(cursor.y * width + cursor.x) * channels] === 1;
    cursorText.textContent = `Cursor at row ${cursor.y + 1}, column ${cursor.x + 1}: ${inked ? 'ink' : 'blank'}`;
  };
  let painting: number | undefined;
  const paintAt = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    const { y, x } = cellAt(event.offsetX, event.offsetY, box.width || 1, box.height || 1, { height, width });
    if (painting === undefined) painting = pixels[(y * width + x) * channels] === 1 ? blank : 1;
    cursor.y = y;
    cursor.x = x;
    setPixel(pixels, input, y, x, painting);
    redraw();
  };
  canvas.addEventListener('pointerdown', (event) => {
    canvas.setPointerCapture?.(event.pointerId);
    painting = undefined;
    paintAt(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (painting !== undefined) paintAt(event);
  });
  const stop = () => {
    painting = undefined;
  };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  canvas.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    if (move) {
      cursor.y = Math.min(Math.max(cursor.y + move[0], 0), height - 1);
      cursor.x = Math.min(Math.max(cursor.x + move[1], 0), width - 1);
    } else if (event.key === ' ') {
      const inked = pixels[(cursor.y * width + cursor.x) * channels] === 1;
      setPixel(pixels, input, cursor.y, cursor.x, inked ? blank : 1);
    } else {
      return;
    }
    event.preventDefault();
    redraw();
  });
  clear.addEventListener('click', () => {
    pixels.fill(blank);
    redraw();
  });
  use.addEventListener('click', () => options.onUse([...pixels]));
  redraw();
  return element;
}
