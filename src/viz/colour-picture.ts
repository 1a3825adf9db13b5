/**
 * Colour pictures (three channels: red, green and blue light) drawn in their colours, and the names
 * of their channels. A grey picture's one channel is drawn ink dark on light, as everywhere else.
 */
import type { LayerSpec } from '../spec';
import type { ColourScale } from './colour-scale';
import { type ChannelView, drawChannel } from './picture';

/** The names of a colour picture's channels, in order. */
export const COLOUR_CHANNELS = ['red', 'green', 'blue'] as const;

/** Whether pictures of this many channels are drawn as colours. */
export function isColour(channels: number): boolean {
  return channels === COLOUR_CHANNELS.length;
}

/**
 * The names of the channels layer `layerIndex` reads, when they are still the picture's colours (no
 * Conv before it mixed them into maps); undefined otherwise, where "channel 1", "channel 2" is right.
 */
export function colourChannelNames(
  layers: readonly LayerSpec[],
  layerIndex: number,
  inputChannels: number,
): readonly string[] | undefined {
  if (!isColour(inputChannels)) return undefined;
  const before = layers.slice(0, Math.max(layerIndex, 0));
  if (before.some((layer) => layer.type !== 'relu' && layer.type !== 'activation' && layer.type !== 'pool'))
    return undefined;
  return COLOUR_CHANNELS;
}

/** From which value (no light) to which (full light) a channel's numbers are drawn. */
export interface LightRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The light range of a set of colour pictures: 0 to 1, widened to hold every value (a level whose
 * blank is -1 writes no light as -1).
 */
export function lightRange(values: ArrayLike<number>): LightRange {
  let min = 0;
  let max = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Writes NHWC `values` with three channels as RGBA pixels into `data` (the pure half of drawing). */
export function paintColour(
  values: ArrayLike<number>,
  view: Omit<ChannelView, 'channel'>,
  range: LightRange,
  data: Uint8ClampedArray,
): void {
  const count = view.height * view.width;
  const span = range.max - range.min || 1;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < 3; k++) {
      const v = values[i * view.channels + k] as number;
      // A NaN channel is drawn dark: the picture itself never holds one.
      const t = Number.isNaN(v) ? 0 : Math.min(Math.max((v - range.min) / span, 0), 1);
      data[i * 4 + k] = Math.round(255 * t);
    }
    data[i * 4 + 3] = 255;
  }
}

/** Draws a three-channel picture in its colours on `canvas`; nothing where the browser has no 2D canvas. */
export function drawColour(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  view: Omit<ChannelView, 'channel'>,
  range: LightRange,
): void {
  if (canvas.width !== view.width) canvas.width = view.width;
  if (canvas.height !== view.height) canvas.height = view.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(view.width, view.height);
  paintColour(values, view, range, image.data);
  context.putImageData(image, 0, 0);
}

/** Draws a picture as a player sees it: in colour when it has three channels, else its one grey channel. */
export function drawPicture(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  view: Omit<ChannelView, 'channel'>,
  grey: ColourScale,
  range: LightRange = lightRange(values),
): void {
  if (isColour(view.channels)) drawColour(canvas, values, view, range);
  else drawChannel(canvas, values, { ...view, channel: 0 }, grey);
}

/**
 * One colour filter's weights as the colours it looks for: each channel's weight from minus the
 * filter's largest weight (no light) through 0 (half light) to plus it (full light), so a filter
 * that weighs red up and the others down is drawn red. Each filter spans its own range, so a weak
 * filter still shows its colour. `kernel` is flat HWIO with 3 input channels.
 */
export function filterColours(
  kernel: ArrayLike<number>,
  layout: { readonly size: number; readonly filters: number },
  filter: number,
): Float32Array {
  const { size, filters } = layout;
  const out = new Float32Array(size * size * 3);
  let limit = 0;
  for (let i = 0; i < size * size * 3; i++)
    limit = Math.max(limit, Math.abs(kernel[i * filters + filter] as number));
  for (let i = 0; i < size * size * 3; i++) {
    out[i] = ((kernel[i * filters + filter] as number) / (limit || 1) + 1) / 2;
  }
  return out;
}

/** A figure of `node` over a short caption ("red", "colour"). */
export function captioned(doc: Document, node: HTMLElement, caption: string): HTMLElement {
  const figure = doc.createElement('figure');
  const text = doc.createElement('figcaption');
  text.textContent = caption;
  figure.append(node, text);
  return figure;
}
