/**
 * What every layer makes of the picture the player selected: stacks of feature maps, ReLU's zeros,
 * pooling's smaller stack, the flat vector as a strip, and the final votes as probability bars.
 */
import { formatShape, type LayerSpec, type Shape } from '../spec';
import { COLOUR_CHANNELS, captioned, drawColour, isColour, lightRange } from './colour-picture';
import { createLegend, greyScaleFor, type Legend, symmetricScale } from './colour-scale';
import { layerTitle } from './layer-title';
import { overflowNote } from './overflow-note';
import { part } from './part';
import { cellAt, cellPixelsFor, createPictureCanvas, drawChannel } from './picture';
import { setText } from './set-text';
import type { LayerOutputLike, SelectedPicture } from './types';
import { createVoteBars, type VoteBars } from './vote-bars';

export { layerTitle, overflowNote };

/** How many of `values` are exactly zero: what ReLU did to a map, in words. */
export function zeroCount(values: ArrayLike<number>): number {
  let zeros = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 0) zeros++;
  return zeros;
}

/** The cell with the largest value of one channel: where a filter matched best. */
export function strongestCell(output: LayerOutputLike, channel: number): { y: number; x: number } {
  const [, width = 1, channels = 1] = output.shape;
  let best = 0;
  const count = output.values.length / channels;
  for (let i = 1; i < count; i++) {
    if (
      (output.values[i * channels + channel] as number) > (output.values[best * channels + channel] as number)
    )
      best = i;
  }
  return { y: Math.floor(best / width), x: best % width };
}

/** Which layers' cells the math view can explain. */
export function explainable(layer: LayerSpec): boolean {
  return layer.type !== 'flatten' && layer.type !== 'dense';
}

/** A cell the player clicked: the layer, the row, the column and the channel (the filter, for Conv). */
export interface PickedCell {
  readonly layerIndex: number;
  readonly y: number;
  readonly x: number;
  readonly channel: number;
}

/** A rectangle to outline on one channel's picture: the clicked cell, or the window it was computed from. */
export interface Highlight {
  /** The layer whose output carries it; -1 for the input picture. */
  readonly layerIndex: number;
  readonly channel: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** The mounted layer outputs. */
export interface LayerOutputsView {
  readonly element: HTMLElement;
  /** Draws a new selected picture's outputs (or says none is selected). */
  update(
    input: readonly [number, number, number],
    layers: readonly LayerSpec[],
    classes: readonly string[],
    selected: SelectedPicture | undefined,
  ): void;
  /** Outlines these rectangles (and clears every other outline). */
  highlight(highlights: readonly Highlight[]): void;
}

interface Panel {
  readonly canvases: HTMLCanvasElement[];
  readonly legend: Legend;
  readonly note: HTMLElement;
}

/** The view's state: what is built for the current shapes, and the picture shown. */
interface OutputsState {
  readonly doc: Document;
  readonly onCell: (cell: PickedCell) => void;
  readonly body: HTMLElement;
  /** Each map's outline, by `layerIndex:channel`, with the size of its cells. */
  readonly marks: Map<string, { mark: HTMLElement; cellPixels: number }>;
  current: SelectedPicture | undefined;
  inputCanvases: HTMLCanvasElement[];
  /** The selected colour picture drawn in its colours, beside its three channel maps. */
  inputColour: HTMLCanvasElement | undefined;
  /**
   * The picture the input maps show. A snapshot brings the watched picture again and again (ten
   * times a second at the fastest speed) while only the layers' outputs change: drawn once, until
   * another picture is picked or the maps are built again.
   */
  drawnPixels: ArrayLike<number> | undefined;
  panels: Panel[];
  votes: VoteBars | undefined;
}

function shapeKey(
  input: readonly number[],
  layers: readonly LayerSpec[],
  outputs: readonly LayerOutputLike[],
): string {
  return JSON.stringify([input, layers, outputs.map((o) => o.shape)]);
}

/** Makes a clicked cell (or, with Enter or Space, a channel's strongest cell) reach `onCell`. */
function makeClickable(
  st: OutputsState,
  canvas: HTMLCanvasElement,
  label: string,
  at: { layerIndex: number; channel: number; height: number; width: number },
): void {
  const { layerIndex, channel } = at;
  canvas.classList.add('viz-clickable');
  canvas.tabIndex = 0;
  canvas.setAttribute(
    'aria-label',
    `${label}. Click a cell, or press Enter for its strongest cell, to see the math behind it`,
  );
  canvas.addEventListener('click', (event) => {
    const box = canvas.getBoundingClientRect();
    const { y, x } = cellAt(event.offsetX, event.offsetY, box.width || 1, box.height || 1, {
      height: at.height,
      width: at.width,
    });
    st.onCell({ layerIndex, y, x, channel });
  });
  canvas.addEventListener('keydown', (event) => {
    const output = st.current?.outputs[layerIndex];
    if ((event.key !== 'Enter' && event.key !== ' ') || !output) return;
    event.preventDefault();
    st.onCell({ layerIndex, ...strongestCell(output, channel), channel });
  });
}

/** One channel's map with its (hidden) outline; clickable ones explain their cells. */
function mapCanvas(
  st: OutputsState,
  label: string,
  shape: readonly [number, number, number],
  layerIndex: number,
  channel: number,
  clickable: boolean,
): { canvas: HTMLCanvasElement; wrap: HTMLElement } {
  const [h, w] = shape;
  const cellPixels = cellPixelsFor(Math.max(h, w), 72);
  const canvas = createPictureCanvas(st.doc, label, { height: h, width: w }, cellPixels);
  const wrap = part(st.doc, 'span', 'viz-map-wrap');
  const mark = part(st.doc, 'span', 'viz-map-mark');
  mark.hidden = true;
  wrap.append(canvas, mark);
  st.marks.set(`${layerIndex}:${channel}`, { mark, cellPixels });
  if (clickable) makeClickable(st, canvas, label, { layerIndex, channel, height: h, width: w });
  return { canvas, wrap };
}

/** The input picture's channels; returns their canvases. */
function buildInput(st: OutputsState, input: readonly [number, number, number]): HTMLCanvasElement[] {
  const inputBlock = part(st.doc, 'div', 'viz-output-layer');
  const inputMaps = part(st.doc, 'div', 'viz-maps');
  const colour = isColour(input[2]);
  st.inputColour = colour
    ? createPictureCanvas(
        st.doc,
        'the selected picture in colour',
        { height: input[0], width: input[1] },
        cellPixelsFor(Math.max(input[0], input[1]), 72),
      )
    : undefined;
  if (st.inputColour) inputMaps.append(captioned(st.doc, st.inputColour, 'colour'));
  const canvases = Array.from({ length: input[2] }, (_, c) => {
    const what = colour ? `${COLOUR_CHANNELS[c]} light` : `channel ${c + 1}`;
    const name = input[2] === 1 ? 'the selected picture' : `the selected picture, ${what}`;
    const { canvas, wrap } = mapCanvas(st, name, input, -1, c, false);
    inputMaps.append(colour ? captioned(st.doc, wrap, COLOUR_CHANNELS[c] ?? '') : wrap);
    return canvas;
  });
  inputBlock.append(part(st.doc, 'h4', '', `Input ${formatShape(input)}`), inputMaps);
  st.body.append(inputBlock);
  return canvases;
}

/** A layer's maps: one captioned map per channel, or one strip for a flat output. */
function layerMaps(st: OutputsState, layer: LayerSpec, layerIndex: number, shape: Shape, maps: HTMLElement) {
  const canvases: HTMLCanvasElement[] = [];
  if (shape.length === 3) {
    for (let c = 0; c < shape[2]; c++) {
      const figure = st.doc.createElement('figure');
      const caption = part(
        st.doc,
        'figcaption',
        '',
        layer.type === 'conv' ? `filter ${c + 1}` : `channel ${c + 1}`,
      );
      const { canvas, wrap } = mapCanvas(
        st,
        `layer ${layerIndex + 1} ${layerTitle(layer)}, ${caption.textContent}`,
        shape,
        layerIndex,
        c,
        explainable(layer),
      );
      figure.append(wrap, caption);
      maps.append(figure);
      canvases.push(canvas);
    }
  } else {
    const n = shape[0];
    const strip = createPictureCanvas(
      st.doc,
      `layer ${layerIndex + 1} ${layerTitle(layer)}: ${n} numbers in a row`,
      { height: 1, width: n },
      cellPixelsFor(n, 320),
    );
    strip.style.height = '14px';
    maps.append(strip);
    canvases.push(strip);
  }
  return canvases;
}

/** A layer's block: its title and shape, its maps, a note and a colour legend. */
function buildLayer(st: OutputsState, layer: LayerSpec, layerIndex: number, output?: LayerOutputLike): Panel {
  const shape: Shape = output?.shape ?? [0];
  const block = part(st.doc, 'div', 'viz-output-layer');
  const title = part(st.doc, 'h4', '', `${layerIndex + 1}. ${layerTitle(layer)} → ${formatShape(shape)}`);
  const maps = part(st.doc, 'div', 'viz-maps');
  const canvases = layerMaps(st, layer, layerIndex, shape, maps);
  const note = part(st.doc, 'p', 'viz-output-note');
  const legend = createLegend(st.doc, 'values', { kind: 'diverging', limit: 1 });
  block.append(title, maps, note, legend.element);
  st.body.append(block);
  return { canvases, legend, note };
}

/** Builds the input, every layer's block and the votes for these shapes. */
function build(
  st: OutputsState,
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
  classes: readonly string[],
  outputs: readonly LayerOutputLike[],
): void {
  st.body.replaceChildren();
  st.marks.clear();
  st.inputCanvases = buildInput(st, input);
  st.drawnPixels = undefined;
  st.panels = layers.map((layer, layerIndex) => buildLayer(st, layer, layerIndex, outputs[layerIndex]));
  st.votes = createVoteBars(st.doc, classes);
  st.body.append(st.votes.element);
}

/** Draws one layer's output into its block, with its legend and its note. */
function drawLayer(panel: Panel, layer: LayerSpec, output: LayerOutputLike): void {
  const scale = symmetricScale(output.values);
  panel.legend.update(scale);
  const [h, w, channels] = output.shape.length === 3 ? output.shape : [1, output.shape[0], 1];
  for (const [c, canvas] of panel.canvases.entries()) {
    drawChannel(canvas, output.values, { height: h, width: w, channels, channel: c }, scale);
  }
  if (layer.type === 'relu') {
    setText(panel.note, `${zeroCount(output.values)} of ${output.values.length} values became 0 (white).`);
  } else if (output.shape.length === 1) {
    setText(panel.note, `${output.values.length} numbers, left to right.`);
  } else {
    setText(panel.note, '');
  }
}

/** Draws the picture, every layer's output and the votes. */
function draw(
  st: OutputsState,
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
  selected: SelectedPicture,
): void {
  if (selected.pixels !== st.drawnPixels) drawInput(st, input, selected.pixels);
  for (const [layerIndex, panel] of st.panels.entries()) {
    const output = selected.outputs[layerIndex];
    const layer = layers[layerIndex];
    if (output && layer) drawLayer(panel, layer, output);
  }
  st.votes?.update(selected.probabilities);
}

/** Draws the selected picture in the input maps. */
function drawInput(
  st: OutputsState,
  input: readonly [number, number, number],
  pixels: ArrayLike<number>,
): void {
  const [height, width, channels] = input;
  if (st.inputColour) drawColour(st.inputColour, pixels, { height, width, channels }, lightRange(pixels));
  const scale = greyScaleFor(pixels);
  for (const [c, canvas] of st.inputCanvases.entries()) {
    drawChannel(canvas, pixels, { height, width, channels, channel: c }, scale);
  }
  st.drawnPixels = pixels;
}

/** Outlines these rectangles and hides every other outline. */
function highlight(st: OutputsState, highlights: readonly Highlight[]): void {
  for (const { mark } of st.marks.values()) mark.hidden = true;
  for (const h of highlights) {
    const found = st.marks.get(`${h.layerIndex}:${h.channel}`);
    if (!found) continue;
    const { mark, cellPixels } = found;
    mark.style.left = `${h.left * cellPixels}px`;
    mark.style.top = `${h.top * cellPixels}px`;
    mark.style.width = `${h.cols * cellPixels}px`;
    mark.style.height = `${h.rows * cellPixels}px`;
    mark.hidden = false;
  }
}

/** Builds the view; `onCell` hears which feature-map cell the player clicked (or chose with the keyboard). */
export function createLayerOutputsView(doc: Document, onCell: (cell: PickedCell) => void): LayerOutputsView {
  const element = part(doc, 'section', 'viz-outputs');
  const empty = part(doc, 'p', '', 'Pick a picture (or draw one) to see what every layer makes of it.');
  const body = part(doc, 'div', 'viz-outputs-layers');
  const overflow = part(doc, 'p', 'viz-overflow');
  overflow.setAttribute('role', 'alert');
  overflow.hidden = true;
  element.append(part(doc, 'h3', '', 'Inside the network'), empty, overflow, body);
  const st: OutputsState = {
    doc,
    onCell,
    body,
    marks: new Map(),
    current: undefined,
    inputCanvases: [],
    inputColour: undefined,
    drawnPixels: undefined,
    panels: [],
    votes: undefined,
  };
  let key = '';
  return {
    element,
    update(input, layers, classes, selected) {
      st.current = selected;
      // Each snapshot sets these again: only a change may reach the DOM, which restyles even for the same value.
      if (empty.hidden !== (selected !== undefined)) empty.hidden = selected !== undefined;
      if (body.hidden !== (selected === undefined)) body.hidden = selected === undefined;
      const note = selected ? overflowNote(layers, selected.outputs, selected.probabilities) : null;
      setText(overflow, note ?? '');
      if (overflow.hidden !== (note === null)) overflow.hidden = note === null;
      if (!selected) return;
      const nextKey = shapeKey(input, layers, selected.outputs) + JSON.stringify(classes);
      if (nextKey !== key) {
        key = nextKey;
        build(st, input, layers, classes, selected.outputs);
      }
      draw(st, input, layers, selected);
    },
    highlight: (highlights) => highlight(st, highlights),
  };
}
