import { describe, expect, it } from 'vitest';
import { suggestNetwork } from '../../src/editor/suggest';
import { classifierProblem, LAYER_TYPES, type LevelLimits } from '../../src/spec';

const every: LevelLimits = { blocks: [...LAYER_TYPES] };

describe('suggesting a first network', () => {
  it('offers a Conv, ReLU, Pool, Flatten and Dense when every block is allowed', () => {
    expect(suggestNetwork([5, 5, 1], 2, every)?.map((l) => l.type)).toEqual([
      'conv',
      'relu',
      'pool',
      'flatten',
      'dense',
    ]);
  });

  it('ends with one Dense unit per class', () => {
    expect(suggestNetwork([9, 9, 3], 7, every)?.at(-1)).toEqual({ type: 'dense', units: 7 });
  });

  it('shrinks the filter to a 2x2 picture', () => {
    expect(suggestNetwork([2, 2, 1], 2, every)?.[0]).toMatchObject({ type: 'conv', size: 2 });
  });

  it.each<[string, LevelLimits, string[]]>([
    [
      'no ReLU',
      { blocks: ['conv', 'activation', 'flatten', 'dense'] },
      ['conv', 'activation', 'flatten', 'dense'],
    ],
    ['no Conv', { blocks: ['relu', 'flatten', 'dense'] }, ['flatten', 'dense']],
    ['at most 4 blocks', { ...every, maxLayers: 4 }, ['conv', 'relu', 'flatten', 'dense']],
    ['at most 3 blocks', { ...every, maxLayers: 3 }, ['conv', 'flatten', 'dense']],
    ['at most 55 parameters', { ...every, maxParams: 55 }, ['conv', 'relu', 'pool', 'flatten', 'dense']],
    [
      'no Pool and at most 60 parameters',
      { blocks: ['conv', 'relu', 'flatten', 'dense'], maxParams: 60 },
      ['flatten', 'dense'],
    ],
    ['no Conv block allowed by count', { ...every, maxBlocks: { conv: 0 } }, ['flatten', 'dense']],
  ])('keeps to a level with %s', (_, limits, types) => {
    const layers = suggestNetwork([5, 5, 1], 2, limits);
    expect(layers?.map((l) => l.type)).toEqual(types);
    expect(layers && classifierProblem([5, 5, 1], layers, 2)).toBeNull();
  });

  it('gives nothing when no Flatten is allowed', () => {
    expect(suggestNetwork([5, 5, 1], 2, { blocks: ['conv', 'dense'] })).toBeNull();
  });
});
