/** Each conv layer's filters as small pictures, one per filter and input channel, on one diverging scale per layer. */
import { inferShapes, type LayerSpec } from '../spec';
import { COLOUR_CHANNELS, colourChannelNames, drawColour, filterColours } from './colour-picture';
import { createLegend, type Legend, symmetricScale } from './colour-scale';
import { cellPixelsFor, createPictureCanvas, drawChannel } from './picture';
import type { ViewWeights } from './types';

/** Where one conv layer's kernel sits and how it is laid out. */
export interface ConvKernelLayout {
  readonly layerIndex: number;
  readonly size: number;
  readonly inChannels: number;
  readonly filters: number;
  /** Whether it reads the picture's colours (red, green, blue) rather than maps. */
  readonly colour: boolean;
}

/** The conv layers of a stack with the input channels each one sees. */
export function convLayouts(
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
): ConvKernelLayout[] {
  const report = inferShapes(input, layers);
  const layouts: ConvKernelLayout[] = [];
  for (const [layerIndex, layer] of layers.entries()) {
    const shape = report.layers[layerIndex];
    if (layer.type !== 'conv' || !shape || shape.input.length !== 3) continue;
    const inChannels = shape.input[2];
    const colour = colourChannelNames(layers, layerIndex, inChannels) !== undefined;
    layouts.push({ layerIndex, size: layer.size, inChannels, filters: layer.filters, colour });
  }
  return layouts;
}

/** One filter's weights for one input channel, row by row, out of a flat HWIO kernel. Writes into `out`. */
export function kernelSlice(
  kernel: ArrayLike<number>,
  layout: ConvKernelLayout,
  filter: number,
  channel: number,
  out: Float32Array = new Float32Array(layout.size * layout.size),
): Float32Array {
  const { size, inChannels, filters } = layout;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      out[y * size + x] = kernel[((y * size + x) * inChannels + channel) * filters + filter] as number;
    }
  }
  return out;
}

/** The mounted filter pictures. */
export interface FiltersView {
  readonly element: HTMLElement;
  /** Redraws every filter from the current weights; rebuilds when the network changed shape. */
  update(
    input: readonly [number, number, number],
    layers: readonly LayerSpec[],
    weights: readonly (ViewWeights | null)[],
  ): void;
}

interface LayerBlock {
  readonly layout: ConvKernelLayout;
  readonly canvases: HTMLCanvasElement[][];
  /** Each filter drawn in the colours it looks for (colour filters only). */
  readonly colours: HTMLCanvasElement[];
  readonly legend: Legend;
  readonly slice: Float32Array;
}

/** The column heads over colour filters: the filter in colour, then its red, green and blue weights. */
function colourHeads(doc: Document, columnWidth: number): HTMLElement {
  const row = doc.createElement('div');
  row.className = 'viz-filter-row viz-filter-heads';
  row.setAttribute('aria-hidden', 'true');
  for (const text of ['', 'colour', ...COLOUR_CHANNELS]) {
    const head = doc.createElement('span');
    head.textContent = text;
    if (text) head.style.width = `${columnWidth}px`;
    row.append(head);
  }
  return row;
}

/** One filter's row: its name, its colour picture (colour filters only), then one map per input channel. */
function filterRow(
  doc: Document,
  layout: ConvKernelLayout,
  at: { readonly convIndex: number; readonly filter: number },
  cellPixels: number,
) {
  const own = `Conv ${at.convIndex + 1} filter ${at.filter + 1}`;
  const element = doc.createElement('div');
  element.className = 'viz-filter-row';
  const label = doc.createElement('span');
  label.textContent = `filter ${at.filter + 1}`;
  element.append(label);
  const size = { height: layout.size, width: layout.size };
  const colour = layout.colour
    ? createPictureCanvas(doc, `${own} in colour: the colours it looks for`, size, cellPixels)
    : undefined;
  if (colour) element.append(colour);
  const cells = Array.from({ length: layout.inChannels }, (_, c) => {
    const name =
      layout.inChannels === 1
        ? own
        : layout.colour
          ? `${own}, ${COLOUR_CHANNELS[c]} weights`
          : `${own}, channel ${c + 1}`;
    const canvas = createPictureCanvas(doc, name, size, cellPixels);
    element.append(canvas);
    return canvas;
  });
  return { element, colour, cells };
}

/** Builds the filters view: a heading, a grid (a row per filter, a column per input channel) and a legend per conv layer. */
export function createFiltersView(doc: Document): FiltersView {
  const element = doc.createElement('section');
  element.className = 'viz-filters';
  const heading = doc.createElement('h3');
  heading.textContent = 'Filters';
  const body = doc.createElement('div');
  element.append(heading, body);
  let key = '';
  let blocks: LayerBlock[] = [];
  let lastLayers: readonly LayerSpec[] | undefined;
  let lastInput: readonly number[] | undefined;

  const build = (layouts: ConvKernelLayout[]) => {
    blocks = layouts.map((layout, convIndex) => {
      const block = doc.createElement('div');
      block.className = 'viz-filter-layer';
      const title = doc.createElement('h4');
      const channels = layout.inChannels === 1 ? '1 input channel' : `${layout.inChannels} input channels`;
      title.textContent = `Conv ${convIndex + 1} (layer ${layout.layerIndex + 1}): ${layout.filters} filters of ${layout.size}x${layout.size}, ${channels}`;
      const grid = doc.createElement('div');
      grid.className = 'viz-filter-grid';
      const cellPixels = cellPixelsFor(layout.size, 54);
      if (layout.colour) grid.append(colourHeads(doc, layout.size * cellPixels));
      const colours: HTMLCanvasElement[] = [];
      const canvases = Array.from({ length: layout.filters }, (_, f) => {
        const row = filterRow(doc, layout, { convIndex, filter: f }, cellPixels);
        if (row.colour) colours.push(row.colour);
        grid.append(row.element);
        return row.cells;
      });
      const legend = createLegend(doc, 'weights', { kind: 'diverging', limit: 1 });
      block.append(title, grid, legend.element);
      body.append(block);
      return { layout, canvases, colours, legend, slice: new Float32Array(layout.size * layout.size) };
    });
  };

  return {
    element,
    update(input, layers, weights) {
      // The same network between two snapshots keeps its layout: skip shape inference then.
      const sameNetwork = layers === lastLayers && input === lastInput;
      lastLayers = layers;
      lastInput = input;
      const layouts = sameNetwork ? blocks.map((b) => b.layout) : convLayouts(input, layers);
      const nextKey = sameNetwork ? key : JSON.stringify(layouts);
      if (nextKey !== key) {
        key = nextKey;
        body.replaceChildren();
        build(layouts);
        if (layouts.length === 0) {
          const none = doc.createElement('p');
          none.textContent = 'This network has no Conv block, so it has no filters to show.';
          body.append(none);
        }
      }
      for (const block of blocks) {
        const w = weights[block.layout.layerIndex];
        if (!w) continue;
        const scale = symmetricScale(w.kernel);
        block.legend.update(scale);
        const { size } = block.layout;
        for (const [f, canvas] of block.colours.entries()) {
          const light = filterColours(w.kernel, block.layout, f);
          drawColour(canvas, light, { height: size, width: size, channels: 3 }, { min: 0, max: 1 });
        }
        for (const [f, row] of block.canvases.entries()) {
          for (const [c, canvas] of row.entries()) {
            kernelSlice(w.kernel, block.layout, f, c, block.slice);
            drawChannel(canvas, block.slice, { height: size, width: size, channels: 1, channel: 0 }, scale);
          }
        }
      }
    },
  };
}
