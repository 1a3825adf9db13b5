/**
 * What every layer makes of the picture the player selected: stacks of feature maps, ReLU's zeros,
 * pooling's smaller stack, the flat vector as a strip, and the final votes as probability bars.
 */
import { formatShape, type LayerSpec, nonFiniteOutput, type Shape } from '../spec';
import { createLegend, greyScaleFor, type Legend, symmetricScale } from './colour-scale';
import { cellAt, cellPixelsFor, createPictureCanvas, drawChannel } from './picture';
import { formatPercent } from './pictures-grid';
import type { LayerOutputLike, SelectedPicture } from './types';

/** A layer's name as the blocks call it, with its settings. */
export function layerTitle(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv':
      return `Conv ${layer.size}x${layer.size}, ${layer.filters} ${layer.filters === 1 ? 'filter' : 'filters'}, stride ${layer.stride}`;
    case 'relu':
      return 'ReLU';
    case 'activation':
      return `Activation ${layer.fn}`;
    case 'pool':
      return `${layer.op === 'max' ? 'Max' : 'Average'} pool ${layer.size}x${layer.size}, stride ${layer.stride}`;
    case 'flatten':
      return 'Flatten';
    case 'dense':
      return `Dense, ${layer.units} ${layer.units === 1 ? 'unit' : 'units'}`;
    default: {
      const unknown: never = layer;
      throw new Error(`no title for layer ${JSON.stringify(unknown)}`);
    }
  }
}

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

function shapeKey(
  input: readonly number[],
  layers: readonly LayerSpec[],
  outputs: readonly LayerOutputLike[],
): string {
  return JSON.stringify([input, layers, outputs.map((o) => o.shape)]);
}

/**
 * Why the picture's numbers cannot be shown, or null when they can: the first layer whose output
 * holds NaN or Infinity (weights or pictures so big the sums overflowed), named as the blocks name it.
 */
export function overflowNote(
  layers: readonly LayerSpec[],
  outputs: readonly LayerOutputLike[],
  probabilities: ArrayLike<number>,
): string | null {
  const found = nonFiniteOutput([...outputs, { values: probabilities }]);
  if (!found) return null;
  const layer = layers[found.layerIndex];
  const where = layer ? `Layer ${found.layerIndex + 1} (${layerTitle(layer)})` : 'The final votes';
  return `${where} gives ${found.value}: the numbers grew past what can be computed, so this network's votes cannot be shown. Reset for fresh weights, or use smaller weights or pictures.`;
}

/** Builds the view; `onCell` hears which feature-map cell the player clicked (or chose with the keyboard). */
export function createLayerOutputsView(doc: Document, onCell: (cell: PickedCell) => void): LayerOutputsView {
  const element = doc.createElement('section');
  element.className = 'viz-outputs';
  const heading = doc.createElement('h3');
  heading.textContent = 'Inside the network';
  const empty = doc.createElement('p');
  empty.textContent = 'Pick a picture (or draw one) to see what every layer makes of it.';
  const body = doc.createElement('div');
  body.className = 'viz-outputs-layers';
  const overflow = doc.createElement('p');
  overflow.className = 'viz-overflow';
  overflow.setAttribute('role', 'alert');
  overflow.hidden = true;
  element.append(heading, empty, overflow, body);
  let key = '';
  let inputCanvases: HTMLCanvasElement[] = [];
  let panels: Panel[] = [];
  const marks = new Map<string, { mark: HTMLElement; cellPixels: number }>();
  let current: SelectedPicture | undefined;
  let bars: { fill: HTMLElement; text: HTMLElement; row: HTMLElement }[] = [];

  const mapCanvas = (
    label: string,
    shape: readonly [number, number, number],
    layerIndex: number,
    channel: number,
    clickable: boolean,
  ) => {
    const [h, w] = shape;
    const cellPixels = cellPixelsFor(Math.max(h, w), 72);
    const canvas = createPictureCanvas(doc, label, { height: h, width: w }, cellPixels);
    const wrap = doc.createElement('span');
    wrap.className = 'viz-map-wrap';
    const mark = doc.createElement('span');
    mark.className = 'viz-map-mark';
    mark.hidden = true;
    wrap.append(canvas, mark);
    marks.set(`${layerIndex}:${channel}`, { mark, cellPixels });
    if (!clickable) return { canvas, wrap };
    canvas.classList.add('viz-clickable');
    canvas.tabIndex = 0;
    canvas.setAttribute(
      'aria-label',
      `${label}. Click a cell, or press Enter for its strongest cell, to see the math behind it`,
    );
    canvas.addEventListener('click', (event) => {
      const box = canvas.getBoundingClientRect();
      const { y, x } = cellAt(event.offsetX, event.offsetY, box.width || 1, box.height || 1, {
        height: h,
        width: w,
      });
      onCell({ layerIndex, y, x, channel });
    });
    canvas.addEventListener('keydown', (event) => {
      const output = current?.outputs[layerIndex];
      if ((event.key !== 'Enter' && event.key !== ' ') || !output) return;
      event.preventDefault();
      onCell({ layerIndex, ...strongestCell(output, channel), channel });
    });
    return { canvas, wrap };
  };

  const build = (
    input: readonly [number, number, number],
    layers: readonly LayerSpec[],
    classes: readonly string[],
    outputs: readonly LayerOutputLike[],
  ) => {
    body.replaceChildren();
    marks.clear();
    const inputBlock = doc.createElement('div');
    inputBlock.className = 'viz-output-layer';
    const inputTitle = doc.createElement('h4');
    inputTitle.textContent = `Input ${formatShape(input)}`;
    const inputMaps = doc.createElement('div');
    inputMaps.className = 'viz-maps';
    inputCanvases = Array.from({ length: input[2] }, (_, c) => {
      const name = input[2] === 1 ? 'the selected picture' : `the selected picture, channel ${c + 1}`;
      const { canvas, wrap } = mapCanvas(name, input, -1, c, false);
      inputMaps.append(wrap);
      return canvas;
    });
    inputBlock.append(inputTitle, inputMaps);
    body.append(inputBlock);
    panels = layers.map((layer, layerIndex) => {
      const output = outputs[layerIndex];
      const shape: Shape = output?.shape ?? [0];
      const block = doc.createElement('div');
      block.className = 'viz-output-layer';
      const title = doc.createElement('h4');
      title.textContent = `${layerIndex + 1}. ${layerTitle(layer)} → ${formatShape(shape)}`;
      const maps = doc.createElement('div');
      maps.className = 'viz-maps';
      const canvases: HTMLCanvasElement[] = [];
      if (shape.length === 3) {
        for (let c = 0; c < shape[2]; c++) {
          const figure = doc.createElement('figure');
          const caption = doc.createElement('figcaption');
          caption.textContent = layer.type === 'conv' ? `filter ${c + 1}` : `channel ${c + 1}`;
          const { canvas, wrap } = mapCanvas(
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
          doc,
          `layer ${layerIndex + 1} ${layerTitle(layer)}: ${n} numbers in a row`,
          { height: 1, width: n },
          cellPixelsFor(n, 320),
        );
        strip.style.height = '14px';
        maps.append(strip);
        canvases.push(strip);
      }
      const note = doc.createElement('p');
      note.className = 'viz-output-note';
      const legend = createLegend(doc, 'values', { kind: 'diverging', limit: 1 });
      block.append(title, maps, note, legend.element);
      body.append(block);
      return { canvases, legend, note };
    });
    const votes = doc.createElement('div');
    votes.className = 'viz-votes';
    const votesTitle = doc.createElement('h4');
    votesTitle.textContent = 'Votes';
    votes.append(votesTitle);
    bars = classes.map((name) => {
      const row = doc.createElement('div');
      row.className = 'viz-vote-row';
      const label = doc.createElement('span');
      label.className = 'viz-vote-class';
      label.textContent = name;
      const track = doc.createElement('div');
      track.className = 'viz-vote-track';
      const fill = doc.createElement('div');
      fill.className = 'viz-vote-fill';
      track.append(fill);
      const text = doc.createElement('span');
      text.className = 'viz-vote-percent';
      row.append(label, track, text);
      row.setAttribute('role', 'meter');
      row.setAttribute('aria-label', `vote for ${name}`);
      row.setAttribute('aria-valuemin', '0');
      row.setAttribute('aria-valuemax', '100');
      votes.append(row);
      return { fill, text, row };
    });
    body.append(votes);
  };

  return {
    element,
    update(input, layers, classes, selected) {
      current = selected;
      empty.hidden = selected !== undefined;
      body.hidden = selected === undefined;
      const note = selected ? overflowNote(layers, selected.outputs, selected.probabilities) : null;
      overflow.textContent = note ?? '';
      overflow.hidden = note === null;
      if (!selected) return;
      const nextKey = shapeKey(input, layers, selected.outputs) + JSON.stringify(classes);
      if (nextKey !== key) {
        key = nextKey;
        build(input, layers, classes, selected.outputs);
      }
      const pictureScale = greyScaleFor(selected.pixels);
      for (const [c, canvas] of inputCanvases.entries()) {
        const [h, w, channels] = input;
        drawChannel(canvas, selected.pixels, { height: h, width: w, channels, channel: c }, pictureScale);
      }
      for (const [layerIndex, panel] of panels.entries()) {
        const output = selected.outputs[layerIndex];
        const layer = layers[layerIndex];
        if (!output || !layer) continue;
        const scale = symmetricScale(output.values);
        panel.legend.update(scale);
        const [h, w, channels] = output.shape.length === 3 ? output.shape : [1, output.shape[0], 1];
        for (const [c, canvas] of panel.canvases.entries()) {
          drawChannel(canvas, output.values, { height: h, width: w, channels, channel: c }, scale);
        }
        if (layer.type === 'relu') {
          panel.note.textContent = `${zeroCount(output.values)} of ${output.values.length} values became 0 (white).`;
        } else if (output.shape.length === 1) {
          panel.note.textContent = `${output.values.length} numbers, left to right.`;
        } else {
          panel.note.textContent = '';
        }
      }
      for (const [k, bar] of bars.entries()) {
        const p = selected.probabilities[k] ?? 0;
        const shown = Number.isFinite(p);
        bar.fill.style.width = shown ? `${Math.round(p * 1000) / 10}%` : '0%';
        bar.text.textContent = formatPercent(p);
        if (shown) bar.row.setAttribute('aria-valuenow', String(Math.round(p * 100)));
        else bar.row.removeAttribute('aria-valuenow');
        bar.row.setAttribute('aria-valuetext', bar.text.textContent);
      }
    },
    highlight(highlights) {
      for (const { mark } of marks.values()) mark.hidden = true;
      for (const h of highlights) {
        const found = marks.get(`${h.layerIndex}:${h.channel}`);
        if (!found) continue;
        const { mark, cellPixels } = found;
        mark.style.left = `${h.left * cellPixels}px`;
        mark.style.top = `${h.top * cellPixels}px`;
        mark.style.width = `${h.cols * cellPixels}px`;
        mark.style.height = `${h.rows * cellPixels}px`;
        mark.hidden = false;
      }
    },
  };
}
