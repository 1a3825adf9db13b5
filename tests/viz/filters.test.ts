// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../src/spec';
import { convLayouts, createFiltersView, kernelSlice } from '../../src/viz/filters';

const layers: LayerSpec[] = [
  { type: 'conv', filters: 2, size: 2, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'conv', filters: 3, size: 1, stride: 1, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

describe('convLayouts', () => {
  it('finds each conv layer with the channels it reads', () => {
    expect(convLayouts([3, 3, 3], layers)).toEqual([
      { layerIndex: 0, size: 2, inChannels: 3, filters: 2, colour: true },
      { layerIndex: 2, size: 1, inChannels: 2, filters: 3, colour: false },
    ]);
  });

  it('reads the colours only of a picture with three channels, before any Conv mixed them', () => {
    expect(convLayouts([3, 3, 2], layers).map((l) => l.colour)).toEqual([false, false]);
    const twoConvs: LayerSpec[] = [
      { type: 'conv', filters: 3, size: 1, stride: 1, padding: 'valid' },
      { type: 'conv', filters: 1, size: 1, stride: 1, padding: 'valid' },
    ];
    expect(convLayouts([3, 3, 3], twoConvs).map((l) => [l.inChannels, l.colour])).toEqual([
      [3, true],
      [3, false],
    ]);
  });
});

describe('kernelSlice', () => {
  // HWIO 2x2x1x2: the value is 10 * position + filter.
  const kernel = [0, 1, 10, 11, 20, 21, 30, 31];
  const layout = { layerIndex: 0, size: 2, inChannels: 1, filters: 2, colour: false };

  it.each([
    { filter: 0, values: [0, 10, 20, 30] },
    { filter: 1, values: [1, 11, 21, 31] },
  ])('reads filter $filter row by row', ({ filter, values }) => {
    expect([...kernelSlice(kernel, layout, filter, 0)]).toEqual(values);
  });

  it('reads one input channel of a several-channel filter', () => {
    // HWIO 1x1x2x1: channel 0 is 5, channel 1 is 7.
    expect([
      ...kernelSlice([5, 7], { layerIndex: 0, size: 1, inChannels: 2, filters: 1, colour: false }, 0, 1),
    ]).toEqual([7]);
  });
});

describe('createFiltersView', () => {
  const weights = [
    { kernel: new Array(2 * 2 * 3 * 2).fill(0.5), bias: [0, 0] },
    null,
    { kernel: new Array(2 * 3).fill(-0.25), bias: [0, 0, 0] },
    null,
    null,
  ];

  it('draws one named picture per filter and input channel, and each colour filter in colour', () => {
    const view = createFiltersView(document);
    view.update([3, 3, 3], layers, weights);
    // The first Conv reads colours: each filter in colour, then its red, green and blue weights.
    expect(view.element.querySelectorAll('canvas[role="img"]')).toHaveLength(2 * (1 + 3) + 3 * 2);
    const names = [...view.element.querySelectorAll('canvas')].map((c) => c.getAttribute('aria-label'));
    expect(names.slice(0, 4)).toEqual([
      'Conv 1 filter 1 in colour: the colours it looks for',
      'Conv 1 filter 1, red weights',
      'Conv 1 filter 1, green weights',
      'Conv 1 filter 1, blue weights',
    ]);
    expect(names[8]).toBe('Conv 2 filter 1, channel 1');
    expect(view.element.querySelector('.viz-filter-heads')?.textContent).toBe('colourredgreenblue');
  });

  it("labels each layer's legend with its weight range", () => {
    const view = createFiltersView(document);
    view.update([3, 3, 3], layers, weights);
    expect([...view.element.querySelectorAll('.viz-legend-ticks')].map((t) => t.textContent)).toEqual([
      '-0.500.5',
      '-0.2500.25',
    ]);
  });

  it('follows new weights of the same network', () => {
    const view = createFiltersView(document);
    const input = [3, 3, 3] as const;
    view.update(input, layers, weights);
    view.update(input, layers, [{ kernel: new Array(24).fill(2), bias: [0, 0] }, null, null, null, null]);
    expect(view.element.querySelector('.viz-legend-ticks')?.textContent).toBe('-202');
  });

  it('says so when there is no conv layer', () => {
    const view = createFiltersView(document);
    view.update([2, 2, 1], [{ type: 'flatten' }, { type: 'dense', units: 2 }], [null, null]);
    expect(view.element.textContent).toContain('no Conv block');
  });
});
