import { describe, expect, it } from 'vitest';
import { type LayerSpec, type LevelLimits, limitBreaches } from '../../src/spec';

const conv = (size: number): LayerSpec => ({ type: 'conv', filters: 2, size, stride: 1, padding: 'valid' });
const relu: LayerSpec = { type: 'relu' };
const flatten: LayerSpec = { type: 'flatten' };
const dense: LayerSpec = { type: 'dense', units: 2 };
const every: LevelLimits = { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'] };

describe('limitBreaches', () => {
  it('finds nothing in a stack within every limit', () => {
    const limits: LevelLimits = {
      ...every,
      maxLayers: 4,
      maxParams: 100,
      maxFilterSize: 3,
      maxBlocks: { conv: 1 },
    };
    expect(limitBreaches([conv(3), relu, flatten, dense], 100, limits)).toEqual([]);
  });

  it('marks each block the level does not offer, and nothing else about it', () => {
    const limits: LevelLimits = { blocks: ['flatten', 'dense'], maxBlocks: { conv: 0 }, maxFilterSize: 1 };
    expect(limitBreaches([conv(3), relu, flatten, dense], 10, limits)).toEqual([
      { kind: 'not-allowed', layerIndex: 0, type: 'conv' },
      { kind: 'not-allowed', layerIndex: 1, type: 'relu' },
    ]);
  });

  it('marks the first block of a kind past its count, with how many there are', () => {
    const limits: LevelLimits = { ...every, maxBlocks: { conv: 1 } };
    expect(limitBreaches([conv(3), conv(3), conv(3), flatten, dense], 10, limits)).toEqual([
      { kind: 'too-many-of-kind', layerIndex: 1, type: 'conv', count: 3, most: 1 },
    ]);
  });

  it('marks every Conv over the filter cap with its size', () => {
    const limits: LevelLimits = { ...every, maxFilterSize: 5 };
    expect(limitBreaches([conv(3), conv(7), conv(6), flatten, dense], 10, limits)).toEqual([
      { kind: 'filter-too-big', layerIndex: 1, size: 7, cap: 5 },
      { kind: 'filter-too-big', layerIndex: 2, size: 6, cap: 5 },
    ]);
  });

  it('marks the first layer past the length limit, and the network for its parameters', () => {
    const limits: LevelLimits = { ...every, maxLayers: 2, maxParams: 40 };
    expect(limitBreaches([conv(3), relu, flatten, dense], 50, limits)).toEqual([
      { kind: 'too-many-layers', layerIndex: 2, count: 4, most: 2 },
      { kind: 'too-many-params', layerIndex: -1, params: 50, most: 40 },
    ]);
  });
});
