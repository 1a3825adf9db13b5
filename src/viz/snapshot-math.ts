/** Finds what the math view needs for a clicked cell inside a snapshot: the layer, its input and its weights. */

import { convScale } from '../spec';
import {
  activationCellMath,
  type CellMath,
  convCellMath,
  type MapValues,
  poolCellMath,
  reluCellMath,
} from './cell-math';
import { type Highlight, layerTitle, type PickedCell } from './layer-outputs';
import type { ViewSnapshot } from './types';

/** The input the layer at `layerIndex` read for the selected picture, when it is a picture (not flat). */
export function layerInput(snapshot: ViewSnapshot, layerIndex: number): MapValues | undefined {
  const selected = snapshot.selected;
  if (!selected) return undefined;
  if (layerIndex === 0) return { shape: snapshot.input, values: selected.pixels };
  const previous = selected.outputs[layerIndex - 1];
  if (previous?.shape.length !== 3) return undefined;
  return { shape: previous.shape, values: previous.values };
}

/**
 * The math of one clicked cell, or a sentence saying why there is none. A conv that takes the mean
 * of its products shows its sum divided by the filter's pixels, as the engine computes it.
 */
export function mathForCell(snapshot: ViewSnapshot, cell: PickedCell): CellMath | string {
  const layer = snapshot.layers[cell.layerIndex];
  if (!layer) return `There is no layer ${cell.layerIndex + 1} in this network.`;
  if (layer.type === 'flatten' || layer.type === 'dense') {
    return `${layerTitle(layer)} has no per-cell math to show here.`;
  }
  const input = layerInput(snapshot, cell.layerIndex);
  if (!input) return 'Pick a picture first: the math needs its numbers.';
  const where = { y: cell.y, x: cell.x, channel: cell.channel };
  switch (layer.type) {
    case 'conv': {
      const weights = snapshot.weights[cell.layerIndex];
      if (!weights) return 'This Conv block has no weights yet.';
      return convCellMath(input, layer, weights, where, convScale(layer));
    }
    case 'pool':
      return poolCellMath(input, layer, where);
    case 'relu':
      return reluCellMath(input, where);
    case 'activation':
      return activationCellMath(input, layer.fn, where);
    default: {
      const unknown: never = layer;
      throw new Error(`no cell math for ${JSON.stringify(unknown)}`);
    }
  }
}

/** The math view's heading for a cell, counted from 1 as players count. */
export function cellTitle(snapshot: ViewSnapshot, cell: PickedCell): string {
  const layer = snapshot.layers[cell.layerIndex];
  const name = layer ? layerTitle(layer) : 'layer';
  const channel = layer?.type === 'conv' ? `filter ${cell.channel + 1}` : `channel ${cell.channel + 1}`;
  return `Layer ${cell.layerIndex + 1} (${name}), ${channel}, row ${cell.y + 1}, column ${cell.x + 1}`;
}

/** What to outline for a cell's math: the cell itself, and the window of the layer's input it came from. */
export function highlightsFor(cell: PickedCell, math: CellMath, inputChannels: number): Highlight[] {
  const own: Highlight = {
    layerIndex: cell.layerIndex,
    channel: cell.channel,
    top: cell.y,
    left: cell.x,
    rows: 1,
    cols: 1,
  };
  const from = cell.layerIndex - 1;
  switch (math.kind) {
    case 'conv': {
      const rows = math.channels[0]?.kernel.length ?? 0;
      const cols = math.channels[0]?.kernel[0]?.length ?? 0;
      const windows = Array.from({ length: inputChannels }, (_, channel) => ({
        layerIndex: from,
        channel,
        top: math.top,
        left: math.left,
        rows,
        cols,
      }));
      return [own, ...windows];
    }
    case 'pool':
      return [
        own,
        {
          layerIndex: from,
          channel: cell.channel,
          top: math.top,
          left: math.left,
          rows: math.window.length,
          cols: math.window[0]?.length ?? 0,
        },
      ];
    case 'relu':
    case 'activation':
      return [own, { ...own, layerIndex: from }];
    default: {
      const unknown: never = math;
      throw new Error(`no highlight for ${JSON.stringify(unknown)}`);
    }
  }
}
