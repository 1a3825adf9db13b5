/** Pictures and feature-map channels drawn on canvases, one canvas pixel per value, scaled up crisply. */
import { type ColourScale, writeColour } from './colour-scale';

/** Which part of a flat NHWC array one canvas shows. */
export interface ChannelView {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly channel: number;
}

/** A canvas named for assistive technology, drawn with crisp pixels at `cellPixels` screen pixels per value. */
export function createPictureCanvas(
  doc: Document,
  label: string,
  size: { readonly height: number; readonly width: number },
  cellPixels: number,
): HTMLCanvasElement {
  const canvas = doc.createElement('canvas');
  canvas.className = 'viz-picture';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.width = size.width;
  canvas.height = size.height;
  canvas.style.width = `${size.width * cellPixels}px`;
  canvas.style.height = `${size.height * cellPixels}px`;
  canvas.style.imageRendering = 'pixelated';
  return canvas;
}

/**
 * A picture drawn once and never again (the pictures of the grids), as an image of the canvas it
 * was drawn on. Every canvas on a page is a compositor layer of its own, handed over again with each
 * frame the page draws: the 72 still pictures of a doubled 36-picture set took a third of the
 * commit time of every frame while a network trained. An image is painted with the page's tiles.
 * The canvas itself comes back where it cannot be read (no 2D canvas, as in jsdom).
 */
export function stillPicture(canvas: HTMLCanvasElement): HTMLCanvasElement | HTMLImageElement {
  if (!viewContext(canvas)) return canvas;
  const image = canvas.ownerDocument.createElement('img');
  image.src = canvas.toDataURL('image/png');
  image.className = canvas.className;
  image.alt = canvas.getAttribute('aria-label') ?? '';
  for (const name of ['aria-hidden', 'style'] as const) {
    const value = canvas.getAttribute(name);
    if (value !== null) image.setAttribute(name, value);
  }
  image.width = canvas.width;
  image.height = canvas.height;
  return image;
}

/** How many screen pixels per value make a picture of `extent` values about `target` pixels wide. */
export function cellPixelsFor(extent: number, target: number): number {
  return Math.max(2, Math.min(32, Math.floor(target / Math.max(extent, 1))));
}

/**
 * The view's 2D drawing context for `canvas`, kept in memory rather than on the GPU. The views'
 * canvases are small (a picture of a few dozen values, a 320x150 chart) and redrawn about 15 times
 * a second while a network trains: on the GPU each one is a texture layer of its own that every
 * redraw hands to the compositor, which cost a whole frame per update under software WebGL
 * (headless Chromium, a machine without a GPU: 8-12 frames a second instead of 60 while only the
 * curves were redrawn). In memory, a canvas is painted with the page's tiles like an image.
 */
export function viewContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: true });
}

// One ImageData per canvas, reused from frame to frame, so drawing allocates nothing once set up.
const buffers = new WeakMap<HTMLCanvasElement, ImageData>();

function bufferFor(
  canvas: HTMLCanvasElement,
  context: CanvasRenderingContext2D,
  width: number,
  height: number,
) {
  const cached = buffers.get(canvas);
  if (cached && cached.width === width && cached.height === height) return cached;
  const created = context.createImageData(width, height);
  buffers.set(canvas, created);
  return created;
}

/** Writes one channel of NHWC `values` as RGBA pixels into `data` (the pure half of drawing). */
export function paintChannel(
  values: ArrayLike<number>,
  view: ChannelView,
  scale: ColourScale,
  data: Uint8ClampedArray,
): void {
  const count = view.height * view.width;
  for (let i = 0; i < count; i++) {
    writeColour(scale, values[i * view.channels + view.channel] as number, data, i * 4);
    data[i * 4 + 3] = 255;
  }
}

/** Draws one channel of NHWC `values` on `canvas`; does nothing where the browser has no 2D canvas. */
export function drawChannel(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  view: ChannelView,
  scale: ColourScale,
): void {
  if (canvas.width !== view.width) canvas.width = view.width;
  if (canvas.height !== view.height) canvas.height = view.height;
  const context = viewContext(canvas);
  if (!context) return;
  const image = bufferFor(canvas, context, view.width, view.height);
  paintChannel(values, view, scale, image.data);
  context.putImageData(image, 0, 0);
}

/** The value under a click at `(offsetX, offsetY)` on a picture drawn `cssWidth` x `cssHeight` pixels large. */
export function cellAt(
  offsetX: number,
  offsetY: number,
  cssWidth: number,
  cssHeight: number,
  size: { readonly height: number; readonly width: number },
): { y: number; x: number } {
  const x = Math.floor((offsetX / cssWidth) * size.width);
  const y = Math.floor((offsetY / cssHeight) * size.height);
  return { y: Math.min(Math.max(y, 0), size.height - 1), x: Math.min(Math.max(x, 0), size.width - 1) };
}
