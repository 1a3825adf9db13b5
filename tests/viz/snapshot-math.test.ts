import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../src/spec';
import { convCellMath } from '../../src/viz/cell-math';
import { cellTitle, highlightsFor, layerInput, mathForCell } from '../../src/viz/snapshot-math';
import type { ViewSnapshot } from '../../src/viz/types';

const layers: LayerSpec[] = [
  { type: 'conv', filters: 1, size: 2, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];
// A 3x3 picture, a 2x2 filter of ones with bias -2: conv gives the sums of each 2x2 window minus 2.
const pixels = [1, 2, 3, 4, 5, 6, 7, 8, 9];
const conv = Float32Array.from([12 - 2, 16 - 2, 24 - 2, 28 - 2]);
const snapshot: ViewSnapshot = {
  step: 3,
  layers,
  input: [3, 3, 1],
  weights: [{ kernel: [1, 1, 1, 1], bias: [-2] }, null, null, null, { kernel: [1, -1], bias: [0, 0] }],
  selected: {
    pixels,
    outputs: [
      { type: 'conv', shape: [2, 2, 1], values: conv },
      { type: 'relu', shape: [2, 2, 1], values: conv },
      { type: 'pool', shape: [1, 1, 1], values: [26] },
      { type: 'flatten', shape: [1], values: [26] },
      { type: 'dense', shape: [2], values: [26, -26] },
    ],
    probabilities: [1, 0],
  },
};

describe('layerInput', () => {
  it('is the picture for the first layer', () => {
    expect(layerInput(snapshot, 0)).toEqual({ shape: [3, 3, 1], values: pixels });
  });

  it("is the previous layer's output after that", () => {
    expect(layerInput(snapshot, 2)?.values).toBe(conv);
  });

  it('is missing for a layer fed a flat vector', () => {
    expect(layerInput(snapshot, 4)).toBeUndefined();
  });
});

describe('mathForCell', () => {
  it('computes a conv cell from the picture and the weights', () => {
    const math = mathForCell(snapshot, { layerIndex: 0, y: 1, x: 1, channel: 0 });
    expect(typeof math === 'string' ? math : math.result).toBe(conv[3]);
  });

  it('divides by the filter pixels where the conv takes the mean of its products', () => {
    const mean: ViewSnapshot = {
      ...snapshot,
      layers: [
        { type: 'conv', filters: 1, size: 2, stride: 1, padding: 'valid', products: 'mean' },
        ...layers.slice(1),
      ],
    };
    const math = mathForCell(mean, { layerIndex: 0, y: 0, x: 0, channel: 0 });
    expect(typeof math === 'string' ? math : math.result).toBe(12 / 4 - 2);
  });

  it('explains a pooled cell from the map before it', () => {
    const math = mathForCell(snapshot, { layerIndex: 2, y: 0, x: 0, channel: 0 });
    expect(typeof math === 'string' ? math : math.result).toBe(26);
  });

  it('says why a dense cell has no per-cell math', () => {
    expect(mathForCell(snapshot, { layerIndex: 4, y: 0, x: 0, channel: 0 })).toMatch(/^Dense/);
  });

  it('asks for a picture when none is selected', () => {
    const { selected: _, ...bare } = snapshot;
    expect(mathForCell(bare, { layerIndex: 0, y: 0, x: 0, channel: 0 })).toMatch(/Pick a picture/);
  });
});

describe('cellTitle', () => {
  it('counts layers, filters, rows and columns from 1', () => {
    expect(cellTitle(snapshot, { layerIndex: 0, y: 1, x: 0, channel: 0 })).toBe(
      'Layer 1 (Conv 2x2, 1 filter, stride 1), filter 1, row 2, column 1',
    );
  });
});

describe('highlightsFor', () => {
  it('outlines the cell and the window of every input channel it read', () => {
    const cell = { layerIndex: 0, y: 1, x: 0, channel: 0 };
    const math = convCellMath(
      { shape: [3, 3, 2], values: new Array(18).fill(1) },
      { filters: 1, size: 2, stride: 1, padding: 'valid' },
      { kernel: new Array(8).fill(1), bias: [0] },
      cell,
    );
    expect(highlightsFor(cell, math, 2)).toEqual([
      { layerIndex: 0, channel: 0, top: 1, left: 0, rows: 1, cols: 1 },
      { layerIndex: -1, channel: 0, top: 1, left: 0, rows: 2, cols: 2 },
      { layerIndex: -1, channel: 1, top: 1, left: 0, rows: 2, cols: 2 },
    ]);
  });
});
