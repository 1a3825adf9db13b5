import { describe, expect, it } from 'vitest';
import { packingError, packWeights, unpackWeights, WEIGHT_ENCODING } from '../../src/share/packed-weights';
import { type LayerWeights, type NetworkSpec, parseNetwork } from '../../src/spec';
import { xVsONetwork } from './samples';

const trained = xVsONetwork({ filters: 4, padding: 'valid', trained: true });
const bare: NetworkSpec = { ...trained, weights: undefined };
const roundTrip = (weights: readonly (LayerWeights | null)[]) =>
  unpackWeights(JSON.parse(JSON.stringify(packWeights(weights))), bare, 'link');
const maxAbs = (values: readonly number[]) => Math.max(...values.map(Math.abs));
const tensors = (weights: readonly (LayerWeights | null)[]) =>
  weights.flatMap((w, i) =>
    w
      ? [
          { name: `layer ${i} kernel`, values: w.kernel },
          { name: `layer ${i} bias`, values: w.bias },
        ]
      : [],
  );

/** Weights of the trained network with every number replaced through `map`. */
function mapWeights(map: (v: number, i: number) => number): (LayerWeights | null)[] {
  return (trained.weights ?? []).map((w) =>
    w ? { kernel: w.kernel.map(map), bias: w.bias.map(map) } : null,
  );
}

describe('packWeights', () => {
  it('names its encoding and keeps a scale pair per layer with weights', () => {
    const packed = packWeights(trained.weights ?? []);
    expect(packed.encoding).toBe(WEIGHT_ENCODING);
    expect(packed.scales.map((s) => s === null)).toEqual([false, true, true, true, false]);
  });

  it('stores two bytes per number', () => {
    const packed = packWeights(trained.weights ?? []);
    const count = tensors(trained.weights ?? []).reduce((n, t) => n + t.values.length, 0);
    expect(Buffer.from(packed.data, 'base64url').length).toBe(2 * count);
  });
});

describe('unpackWeights', () => {
  const original = tensors(trained.weights ?? []);
  const unpacked = tensors(roundTrip(trained.weights ?? []));

  it.each(original.map((t, i) => [t.name, i] as const))(
    'brings back %s within the documented error',
    (_, i) => {
      const before = original[i]?.values ?? [];
      const after = unpacked[i]?.values ?? [];
      const bound = packingError(maxAbs(before)) * (1 + 1e-12);
      expect(after).toHaveLength(before.length);
      const worst = Math.max(...before.map((v, k) => Math.abs(v - (after[k] ?? Number.NaN))));
      expect(worst).toBeLessThanOrEqual(bound);
    },
  );

  it.each(original.map((t, i) => [t.name, i] as const))('keeps the largest weight of %s exactly', (_, i) => {
    expect(maxAbs(unpacked[i]?.values ?? [])).toBe(maxAbs(original[i]?.values ?? []));
  });

  it('keeps zeros exactly, an all-zero tensor included', () => {
    const weights = mapWeights((v, i) => (i % 2 === 0 ? 0 : v));
    const zeroBias = weights.map((w) => (w ? { ...w, bias: w.bias.map(() => 0) } : null));
    const after = roundTrip(zeroBias);
    expect(after[4]?.bias).toEqual([0, 0]);
    expect(after[0]?.kernel.filter((_, i) => i % 2 === 0).every((v) => v === 0)).toBe(true);
  });

  it('keeps huge weights finite', () => {
    const after = roundTrip(mapWeights((v) => v * 1e307));
    expect(after.flatMap((w) => (w ? [...w.kernel, ...w.bias] : [])).every(Number.isFinite)).toBe(true);
  });

  it('gives weights the network parser accepts', () => {
    const parsed = parseNetwork({ ...trained, weights: roundTrip(trained.weights ?? []) });
    expect(parsed.weights).toHaveLength(5);
  });
});
