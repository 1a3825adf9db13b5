import { describe, expect, it } from 'vitest';
import { limitProblems } from '../../src/blocks/limits';
import type { LayerSpec, LevelLimits } from '../../src/spec';

const conv = (size: number): LayerSpec => ({ type: 'conv', filters: 2, size, stride: 1, padding: 'valid' });
const pool = (size: number): LayerSpec => ({ type: 'pool', op: 'max', size, stride: size, padding: 'valid' });
const limits: LevelLimits = { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxFilterSize: 5 };

describe('limitProblems: the largest filter', () => {
  it('marks every Conv block over the cap and nothing else, pool windows included', () => {
    const layers = [conv(7), { type: 'relu' }, conv(5), pool(8), conv(6), { type: 'flatten' }];
    const problems = limitProblems(layers as LayerSpec[], 0, limits);
    expect(problems.map((p) => [p.kind, p.layerIndex])).toEqual([
      ['filter-too-big', 0],
      ['filter-too-big', 4],
    ]);
    expect(problems[0]?.reason).toBe(
      'filters are at most 5x5 on this level but this one is 7x7: make it smaller',
    );
    expect(problems[1]?.reason).toContain('this one is 6x6');
  });

  it('caps nothing on a level without maxFilterSize', () => {
    const { maxFilterSize: _, ...uncapped } = limits;
    expect(limitProblems([conv(16)], 0, uncapped)).toEqual([]);
  });

  it('accepts a filter exactly at the cap', () => {
    expect(limitProblems([conv(5), conv(1)], 0, limits)).toEqual([]);
  });
});
