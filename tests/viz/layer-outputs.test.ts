// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { LayerSpec } from '../../src/spec';
import { createLayerOutputsView, layerTitle, strongestCell, zeroCount } from '../../src/viz/layer-outputs';

describe('layer titles', () => {
  it.each([
    {
      layer: { type: 'conv', filters: 3, size: 3, stride: 1, padding: 'valid' },
      title: 'Conv 3x3, 3 filters, stride 1',
    },
    { layer: { type: 'relu' }, title: 'ReLU' },
    { layer: { type: 'activation', fn: 'tanh' }, title: 'Activation tanh' },
    {
      layer: { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'same' },
      title: 'Average pool 2x2, stride 2',
    },
    { layer: { type: 'flatten' }, title: 'Flatten' },
    { layer: { type: 'dense', units: 1 }, title: 'Dense, 1 unit' },
  ] as { layer: LayerSpec; title: string }[])('names $layer.type as "$title"', ({ layer, title }) => {
    expect(layerTitle(layer)).toBe(title);
  });
});

describe('zeroCount', () => {
  it('counts exact zeros only', () => {
    expect(zeroCount([0, 0.001, -0, 2, 0])).toBe(3);
  });
});

describe('strongestCell', () => {
  it('finds the largest value of one channel', () => {
    // 2x2x2: channel 1 peaks at row 1, column 0.
    const output = { type: 'conv' as const, shape: [2, 2, 2] as const, values: [9, 0, 9, 1, 9, 5, 9, 2] };
    expect(strongestCell(output, 1)).toEqual({ y: 1, x: 0 });
  });
});

describe('createLayerOutputsView', () => {
  const layers: LayerSpec[] = [{ type: 'relu' }, { type: 'flatten' }];
  const selected = {
    pixels: [-1, 2, -3, 4],
    outputs: [
      { type: 'relu' as const, shape: [2, 2, 1] as const, values: [0, 2, 0, 4] },
      { type: 'flatten' as const, shape: [4] as const, values: [0, 2, 0, 4] },
    ],
    probabilities: [0.5, 0.5],
  };

  it('says how many values ReLU turned to zero', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b'], selected);
    expect(view.element.querySelector('.viz-output-note')?.textContent).toBe(
      '2 of 4 values became 0 (white).',
    );
  });

  it('titles each layer with its output shape', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b'], selected);
    expect([...view.element.querySelectorAll('h4')].map((h) => h.textContent)).toEqual([
      'Input 2x2x1',
      '1. ReLU → 2x2x1',
      '2. Flatten → 4',
      'Votes',
    ]);
  });

  it('opens the strongest cell of a map with the keyboard', () => {
    const onCell = vi.fn();
    const view = createLayerOutputsView(document, onCell);
    view.update([2, 2, 1], layers, ['a', 'b'], selected);
    view.element
      .querySelector('canvas[aria-label^="layer 1 ReLU"]')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onCell).toHaveBeenCalledWith({ layerIndex: 0, y: 1, x: 1, channel: 0 });
  });

  it('asks for a picture while none is selected', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b'], undefined);
    expect(view.element.textContent).toContain('Pick a picture');
  });
});
