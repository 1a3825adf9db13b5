import { describe, expect, it } from 'vitest';
import type { PoolLayer } from '../../src/spec';
import {
  activate,
  activationCellMath,
  type ConvWindow,
  convCellMath,
  describeCellMath,
  formatNumber,
  formatScale,
  type MapValues,
  poolCellMath,
  reluCellMath,
} from '../../src/viz/cell-math';
import { channelsToNhwc, hwioKernel, type WorkedExample, workedExamples } from '../fixtures';

/** Every output cell of a worked example, with the fixture's number for it. */
function cellsOf(example: WorkedExample) {
  return example.expected.flatMap((rows, channel) =>
    rows.flatMap((row, y) => row.map((expected, x) => ({ id: example.id, y, x, channel, expected }))),
  );
}

const convExamples = workedExamples.filter((e) => e.op === 'conv2d');
const poolExamples = workedExamples.filter((e) => e.op === 'maxpool');
const reluExamples = workedExamples.filter((e) => e.op === 'relu');
const byId = new Map(workedExamples.map((e) => [e.id, e]));

function inputOf(example: WorkedExample): MapValues {
  return channelsToNhwc(example.input);
}

function convSetup(example: WorkedExample) {
  const kernels = example.kernels ?? [];
  const first = kernels[0]?.channels[0] ?? [];
  // The course's 1-D edge filter is 1x2; every other worked example is square.
  const layer: ConvWindow = {
    filters: kernels.length,
    size: [first.length, first[0]?.length ?? 0],
    stride: example.stride ?? 1,
    padding: example.padding ?? 'valid',
  };
  const weights = { kernel: hwioKernel(kernels), bias: kernels.map((k) => k.bias) };
  return { layer, weights, scale: example.scale ?? 1 };
}

function example(id: string): WorkedExample {
  const found = byId.get(id);
  if (!found) throw new Error(`no worked example ${id}`);
  return found;
}

describe('convCellMath', () => {
  it('covers every conv worked example', () => {
    expect(convExamples.map((e) => e.id)).toEqual(
      expect.arrayContaining(['x-three-filters', 'multichannel', 'k2-stride2-same']),
    );
  });

  it.each(convExamples.flatMap(cellsOf))(
    '$id row $y column $x filter $channel prints the fixture number $expected',
    ({ id, y, x, channel, expected }) => {
      const e = example(id);
      const { layer, weights, scale } = convSetup(e);
      const math = convCellMath(inputOf(e), layer, weights, { y, x, channel }, scale);
      expect(formatNumber(math.result)).toBe(formatNumber(expected));
    },
  );

  it.each(convExamples.flatMap(cellsOf))(
    '$id row $y column $x filter $channel: the products add up to the sum shown',
    ({ id, y, x, channel }) => {
      const e = example(id);
      const { layer, weights, scale } = convSetup(e);
      const math = convCellMath(inputOf(e), layer, weights, { y, x, channel }, scale);
      const products = math.channels.flatMap((c) => c.products.flat());
      expect(products.reduce((a, b) => a + b, 0)).toBe(math.sum);
      expect(math.result).toBe(math.sum * scale + math.bias);
    },
  );

  it('lays the filter over the patch it sees (corners-5x5, row 1 column 2)', () => {
    const e = example('corners-5x5');
    const { layer, weights } = convSetup(e);
    const math = convCellMath(inputOf(e), layer, weights, { y: 1, x: 2, channel: 0 });
    const rows = e.input[0] ?? [];
    expect(math.channels[0]?.patch).toEqual(rows.slice(1, 4).map((row) => row.slice(2, 5)));
    expect(math.channels[0]?.kernel).toEqual(e.kernels?.[0]?.channels[0]);
  });

  it('marks the zero padding of "same" as padding, not as a pixel (k2-stride2-same, last cell)', () => {
    const e = example('k2-stride2-same');
    const { layer, weights } = convSetup(e);
    const math = convCellMath(inputOf(e), layer, weights, { y: 2, x: 2, channel: 0 });
    const patch = math.channels[0]?.patch ?? [];
    expect(patch.map((row) => row.map((v) => v === null))).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(math.channels[0]?.products.flat().slice(1)).toEqual([0, 0, 0]);
  });

  it('keeps one patch per input channel (multichannel)', () => {
    const e = example('multichannel');
    const { layer, weights } = convSetup(e);
    const math = convCellMath(inputOf(e), layer, weights, { y: 0, x: 0, channel: 1 });
    expect(math.channels.map((c) => c.kernel)).toEqual(e.kernels?.[1]?.channels);
  });

  it('writes the divide by nine pixels of x-three-filters', () => {
    const e = example('x-three-filters');
    const { layer, weights, scale } = convSetup(e);
    const lines = describeCellMath(
      convCellMath(inputOf(e), layer, weights, { y: 0, x: 0, channel: 0 }, scale),
    );
    expect(lines.slice(-2)).toEqual(['7 ÷ 9 = 0.777778', '0.777778 + bias 0 = 0.777778']);
  });

  it('writes each channel sum, then their total, for several channels', () => {
    const e = example('multichannel');
    const { layer, weights } = convSetup(e);
    const math = convCellMath(inputOf(e), layer, weights, { y: 0, x: 0, channel: 0 });
    const lines = describeCellMath(math);
    expect(lines).toHaveLength(5);
    expect(lines[3]).toBe(
      `Sum of the channels: ${math.channels.map((c) => formatNumber(c.sum)).join(' + ')} = ${formatNumber(math.sum)}`,
    );
    expect(lines[4]).toBe(
      `${formatNumber(math.sum)} + bias 1 = ${formatNumber(e.expected[0]?.[0]?.[0] ?? Number.NaN)}`,
    );
  });

  it.each([
    { y: 3, x: 0, channel: 0, message: /row 3/ },
    { y: 0, x: -1, channel: 0, message: /column -1/ },
    { y: 0, x: 0, channel: 1, message: /filter 1/ },
  ])('refuses a cell outside the output ($message)', ({ message, ...cell }) => {
    const e = example('corners-5x5');
    const { layer, weights } = convSetup(e);
    expect(() => convCellMath(inputOf(e), layer, weights, cell)).toThrow(message);
  });
});

describe('poolCellMath', () => {
  const poolLayer = (e: WorkedExample): PoolLayer => ({
    type: 'pool',
    op: 'max',
    size: e.size ?? 2,
    stride: e.stride ?? 2,
    padding: e.padding ?? 'valid',
  });

  it.each(poolExamples.flatMap(cellsOf))(
    '$id row $y column $x channel $channel keeps the fixture number $expected',
    ({ id, y, x, channel, expected }) => {
      const e = example(id);
      const math = poolCellMath(inputOf(e), poolLayer(e), { y, x, channel });
      expect(formatNumber(math.result)).toBe(formatNumber(expected));
    },
  );

  it('points at the value max pooling kept', () => {
    const e = example('pool-4x4');
    const math = poolCellMath(inputOf(e), poolLayer(e), { y: 0, x: 0, channel: 0 });
    const { row, column } = math.picked ?? { row: -1, column: -1 };
    expect(math.window[row]?.[column]).toBe(math.result);
  });

  it('skips the cells a "same" window hangs over (pool-face, corner)', () => {
    const e = example('pool-face');
    const math = poolCellMath(inputOf(e), poolLayer(e), { y: 2, x: 2, channel: 0 });
    expect(math.count).toBe(1);
    expect(describeCellMath(math)[0]).toMatch(/3 of the window's cells hang over the edge/);
  });

  it('averages only the real values of an avg window', () => {
    const input: MapValues = { shape: [3, 3, 1], values: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
    const layer: PoolLayer = { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'same' };
    const math = poolCellMath(input, layer, { y: 1, x: 0, channel: 0 });
    expect(math.result).toBe((7 + 8) / 2);
    expect(describeCellMath(math)[0]).toContain('(7 + 8) ÷ 2 = 7.5');
  });
});

describe('reluCellMath', () => {
  it.each(reluExamples.flatMap(cellsOf))(
    '$id row $y column $x gives the fixture number $expected',
    ({ id, y, x, channel, expected }) => {
      const math = reluCellMath(inputOf(example(id)), { y, x, channel });
      expect(formatNumber(math.result)).toBe(formatNumber(expected));
    },
  );

  it.each([
    { value: -0.25, text: '-0.25 is negative, so ReLU gives 0' },
    { value: 0.5, text: '0.5 is not negative, so ReLU keeps it: 0.5' },
  ])('explains ReLU on $value', ({ value, text }) => {
    const math = reluCellMath({ shape: [1, 1, 1], values: [value] }, { y: 0, x: 0, channel: 0 });
    expect(describeCellMath(math)).toEqual([text]);
  });
});

describe('activationCellMath', () => {
  it.each([
    { fn: 'sigmoid', x: 0, y: 0.5 },
    { fn: 'tanh', x: 0, y: 0 },
    { fn: 'leaky_relu', x: -2, y: -0.2 },
    { fn: 'leaky_relu', x: 3, y: 3 },
    { fn: 'elu', x: 0, y: 0 },
    { fn: 'elu', x: -1, y: Math.exp(-1) - 1 },
  ] as const)('$fn($x) = $y', ({ fn, x, y }) => {
    expect(activate(fn, x)).toBeCloseTo(y, 12);
  });

  it.each([
    { fn: 'sigmoid', text: 'sigmoid(-2) = 1 ÷ (1 + e^2) = 0.119203' },
    { fn: 'tanh', text: 'tanh(-2) = -0.964028' },
    { fn: 'leaky_relu', text: '-2 is negative, so leaky ReLU gives 0.1 × -2 = -0.2' },
    { fn: 'elu', text: '-2 is negative, so ELU gives e^-2 - 1 = -0.864665' },
  ] as const)('explains $fn on one cell', ({ fn, text }) => {
    const math = activationCellMath({ shape: [1, 2, 1], values: [5, -2] }, fn, { y: 0, x: 1, channel: 0 });
    expect(describeCellMath(math)).toEqual([text]);
  });
});

describe('number formatting', () => {
  it.each([
    { value: 7 / 9, text: '0.777778' },
    { value: -1 / 9, text: '-0.111111' },
    { value: -0.0000001, text: '0' },
    { value: 3, text: '3' },
    { value: Number.NaN, text: 'not a number' },
  ])('prints $value as $text', ({ value, text }) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([
    { scale: 1 / 9, text: '÷ 9' },
    { scale: 0.3, text: '× 0.3' },
  ])('prints the scale $scale as $text', ({ scale, text }) => {
    expect(formatScale(scale)).toBe(text);
  });
});
