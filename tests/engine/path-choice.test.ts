import { describe, expect, it } from 'vitest';
import { expectedFastest, forwardWork, PLAIN_MAX_STEP_WORK } from '../../src/engine';
import { DEFAULT_TRAINING, type LayerSpec, networkOf } from '../../src/spec';

const conv = (filters: number, size: number): LayerSpec => ({
  type: 'conv',
  filters,
  size,
  stride: 1,
  padding: 'valid',
});

describe('the path a network starts on', () => {
  it('counts a conv layer as outputs x window x input channels, a Dense as outputs x inputs', () => {
    const network = networkOf({
      input: [6, 6, 2],
      layers: [conv(3, 3), { type: 'flatten' }, { type: 'dense', units: 5 }],
    });
    // 4x4x3 outputs of 3x3x2 windows; the flatten's 48 outputs; 5 x 48 for the Dense.
    expect(forwardWork(network)).toBe(48 * 18 + 48 + 5 * 48);
  });

  it('is the plain path for the seed levels and the wasm backend for a big network', () => {
    const small = networkOf({
      input: [9, 9, 1],
      layers: [conv(4, 3), { type: 'flatten' }, { type: 'dense', units: 2 }],
    });
    expect(expectedFastest(small, 18, ['plain', 'wasm', 'cpu', 'webgl'])).toBe('plain');
    const big = networkOf({
      input: [64, 64, 3],
      layers: [conv(64, 5), { type: 'relu' }, conv(64, 5), { type: 'flatten' }, { type: 'dense', units: 10 }],
      training: { ...DEFAULT_TRAINING, batchSize: 64 },
    });
    expect(forwardWork(big) * 64).toBeGreaterThan(PLAIN_MAX_STEP_WORK);
    expect(expectedFastest(big, 1000, ['plain', 'wasm', 'cpu', 'webgl'])).toBe('wasm');
    // Only the paths on offer count, and never WebGL, which is only ever timed.
    expect(expectedFastest(big, 1000, ['plain', 'cpu'])).toBe('plain');
    expect(expectedFastest(small, 18, ['cpu'])).toBe('cpu');
  });
});
