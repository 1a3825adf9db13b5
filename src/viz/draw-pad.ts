/**
 * A pad to draw a picture on the spot, at the level's size: drag to ink pixels (or to erase, starting
 * on an inked one); with the keyboard, arrows move a cursor and Space flips the pixel under it. On a
 * colour picture the pen has a colour (red, green, blue or white light), chosen from a list.
 */
import { drawPicture, isColour, lightRange } from './colour-picture';
import { greyScaleFor } from './colour-scale';
import { cellAt, cellPixelsFor, createPictureCanvas } from './picture';

/** The pens of a colour pad: which channels each lights. */
export const COLOUR_PENS = [
  { name: 'red', light: [1, 0, 0] },
  { name: 'green', light: [0, 1, 0] },
  { name: 'blue', light: [0, 0, 1] },
  { name: 'white', light: [1, 1, 1] },
] as const;

/** A pen's value for each channel: full light 1, no light the level's blank. */
export function penInk(light: readonly number[], blank: number): number[] {
  return light.map((on) => (on ? 1 : blank));
}

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

/** Sets one pixel of NHWC `pixels` to `ink`, one value per channel. */
function setInk(
  pixels: number[],
  input: readonly [number, number, number],
  y: number,
  x: number,
  ink: readonly number[],
) {
  const [, w, c] = input;
  for (let k = 0; k < c; k++) pixels[(y * w + x) * c + k] = ink[k] ?? ink[0] ?? 0;
}

/** What the pad draws and where the finished drawing goes. */
export interface DrawPadOptions {
  readonly input: readonly [number, number, number];
  /** The value of blank paper: the level's blank, -1 or 0. */
  readonly blank: number;
  /** Hears the drawing when the player asks to look inside it. */
  readonly onUse: (pixels: readonly number[]) => void;
}

/** The pad's pens: grey pads ink every channel with 1; colour pads pick a pen from a list. */
function padPens(channels: number, blank: number) {
  const colour = isColour(channels);
  const pens = colour
    ? COLOUR_PENS.map((pen) => ({ name: pen.name, ink: penInk(pen.light, blank) }))
    : [{ name: 'ink', ink: new Array<number>(channels).fill(1) }];
  let pen = pens[0] as (typeof pens)[number];
  const blankInk = new Array<number>(channels).fill(blank);
  const same = (a: readonly number[], b: readonly number[]) => a.every((v, k) => v === b[k]);
  return {
    /** What a pixel holds, in words: a pen's name, or blank. */
    nameOf: (pixel: readonly number[]) => pens.find((p) => same(pixel, p.ink))?.name ?? 'blank',
    /** What the pen leaves on a pixel: its ink, or blank where that ink already is. */
    flip: (pixel: readonly number[]) => (same(pixel, pen.ink) ? blankInk : pen.ink),
    /** The list to choose a colour pen from; none on a grey pad. */
    choice(doc: Document): HTMLElement | null {
      if (!colour) return null;
      const label = doc.createElement('label');
      label.textContent = 'Pen colour ';
      const select = doc.createElement('select');
      for (const p of pens) select.append(new Option(p.name, p.name));
      select.addEventListener('change', () => {
        pen = pens.find((p) => p.name === select.value) ?? pen;
      });
      label.append(select);
      return label;
    },
  };
}

/** Builds the draw pad with its Clear and "Look inside" buttons. */
export function createDrawPad(doc: Document, options: DrawPadOptions): HTMLElement {
  const { input, blank } = options;
  const [height, width, channels] = input;
  const pixels: number[] = new Array(height * width * channels).fill(blank);
  const scale = greyScaleFor([blank, 1]);
  const light = lightRange([blank, 1]);
  const pens = padPens(channels, blank);
  const at = (y: number, x: number) =>
    pixels.slice((y * width + x) * channels, (y * width + x + 1) * channels);
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
  const choice = pens.choice(doc);
  if (choice) element.insertBefore(choice, buttons);

  const cursor = { y: 0, x: 0 };
  const redraw = () => {
    drawPicture(canvas, pixels, { height, width, channels }, scale, light);
    cursorText.textContent = `Cursor at row ${cursor.y + 1}, column ${cursor.x + 1}: ${pens.nameOf(at(cursor.y, cursor.x))}`;
  };
  let painting: readonly number[] | undefined;
  const paintAt = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    const { y, x } = cellAt(event.offsetX, event.offsetY, box.width || 1, box.height || 1, { height, width });
    if (painting === undefined) painting = pens.flip(at(y, x));
    cursor.y = y;
    cursor.x = x;
    setInk(pixels, input, y, x, painting);
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
      setInk(pixels, input, cursor.y, cursor.x, pens.flip(at(cursor.y, cursor.x)));
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
