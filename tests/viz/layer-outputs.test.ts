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

  it('draws the selected picture once while only the outputs change, again for another picture', () => {
    const drawn: HTMLCanvasElement[] = [];
    const getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
    ) {
      drawn.push(this);
      return null;
    });
    try {
      const view = createLayerOutputsView(document, vi.fn());
      const inputDraws = () =>
        drawn.filter((c) => c.getAttribute('aria-label')?.startsWith('the selected picture')).length;
      view.update([2, 2, 1], layers, ['a', 'b'], selected);
      expect(inputDraws()).toBe(1);
      const later = { ...selected, outputs: selected.outputs.map((o) => ({ ...o, values: [1, 2, 3, 4] })) };
      view.update([2, 2, 1], layers, ['a', 'b'], later);
      expect(inputDraws()).toBe(1);
      // The ReLU map itself is drawn with every snapshot.
      expect(drawn.filter((c) => c.getAttribute('aria-label')?.startsWith('layer 1 ReLU')).length).toBe(2);
      view.update([2, 2, 1], layers, ['a', 'b'], { ...later, pixels: [4, 3, 2, 1] });
      expect(inputDraws()).toBe(2);
      // New shapes build new maps, which start blank: the same picture is drawn into them.
      view.update([2, 2, 1], [{ type: 'relu' }], ['a', 'b'], {
        ...later,
        outputs: later.outputs.slice(0, 1),
      });
      expect(inputDraws()).toBe(3);
    } finally {
      getContext.mockRestore();
    }
  });

  it('asks for a picture while none is selected', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b'], undefined);
    expect(view.element.textContent).toContain('Pick a picture');
  });
});

describe('a network whose numbers overflowed (issue 18)', () => {
  // Pixels and weights of 1e6 (the most a document may hold) through Dense layers of 4 units: each
  // multiplies the numbers by 4e6, so the fifth passes the largest 32-bit float (3.4e38) and gives
  // Infinity; softmax of Infinity - Infinity is NaN.
  const dense = (inputs: ArrayLike<number>) =>
    Float32Array.from({ length: 4 }, () =>
      Array.from(inputs).reduce((sum, v) => Math.fround(sum + v * 1e6), 0),
    );
  const pixels = [1e6, 1e6, 1e6, 1e6];
  const values: Float32Array[] = [];
  for (let i = 0; i < 5; i++) values.push(dense(values[i - 1] ?? pixels));
  const layers: LayerSpec[] = [
    { type: 'flatten' },
    ...values.map(() => ({ type: 'dense' as const, units: 4 })),
  ];
  const selected = {
    pixels,
    outputs: [
      { type: 'flatten' as const, shape: [4] as const, values: pixels },
      ...values.map((v) => ({ type: 'dense' as const, shape: [4] as const, values: v })),
    ],
    probabilities: [Number.NaN, Number.NaN, Number.NaN, Number.NaN],
  };

  it('overflows where the arithmetic says', () => {
    expect([...(values[3] ?? [])].every(Number.isFinite)).toBe(true);
    expect([...(values[4] ?? [])]).toEqual([Infinity, Infinity, Infinity, Infinity]);
  });

  it('shows no percentage for the votes and says which layer overflowed', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b', 'c', 'd'], selected);
    const percents = [...view.element.querySelectorAll('.viz-vote-percent')].map((e) => e.textContent);
    expect(percents).toEqual(['—', '—', '—', '—']);
    expect(view.element.textContent).not.toMatch(/NaN/);
    const note = view.element.querySelector('.viz-overflow');
    expect(note?.hasAttribute('hidden')).toBe(false);
    expect(note?.textContent).toBe(
      "Layer 6 (Dense, 4 units) gives Infinity: the numbers grew past what can be computed, so this network's votes cannot be shown. Reset for fresh weights, or use smaller weights or pictures.",
    );
    expect(view.element.querySelector('.viz-vote-row')?.getAttribute('aria-valuenow')).toBeNull();
  });

  it('hides the note again for a picture whose numbers are fine', () => {
    const view = createLayerOutputsView(document, vi.fn());
    view.update([2, 2, 1], layers, ['a', 'b', 'c', 'd'], selected);
    const fine = { ...selected, outputs: selected.outputs.slice(0, 2), probabilities: [0.1, 0.2, 0.3, 0.4] };
    view.update([2, 2, 1], layers.slice(0, 2), ['a', 'b', 'c', 'd'], fine);
    expect(view.element.querySelector('.viz-overflow')?.hasAttribute('hidden')).toBe(true);
    expect([...view.element.querySelectorAll('.viz-vote-percent')].map((e) => e.textContent)).toEqual([
      '10%',
      '20%',
      '30%',
      '40%',
    ]);
  });
});
