import { describe, expect, it } from 'vitest';
import { LAYER_BLOCKS, maxInstancesFor, NETWORK_BLOCK_TYPE, toolboxFor } from '../../src/blocks';
import { LAYER_TYPES } from '../../src/spec';

describe('toolboxFor', () => {
  it('offers exactly the blocks the level allows, in the usual order', () => {
    const toolbox = toolboxFor({ blocks: ['dense', 'flatten', 'conv'] }, 2);
    expect(toolbox.contents.map((item) => item.type)).toEqual([
      LAYER_BLOCKS.conv.blockType,
      LAYER_BLOCKS.flatten.blockType,
      LAYER_BLOCKS.dense.blockType,
    ]);
  });

  it('offers every layer block when the level allows them all', () => {
    expect(toolboxFor({ blocks: [...LAYER_TYPES] }, 2).contents).toHaveLength(LAYER_TYPES.length);
  });

  it('never offers a second Network block', () => {
    const types = toolboxFor({ blocks: [...LAYER_TYPES] }, 2).contents.map((item) => item.type);
    expect(types).not.toContain(NETWORK_BLOCK_TYPE);
  });

  it.each([2, 3, 10])('starts a new Dense block with one unit per class (%i classes)', (classes) => {
    const dense = toolboxFor({ blocks: ['flatten', 'dense'] }, classes).contents[1];
    expect(dense?.fields).toEqual({ UNITS: classes });
  });

  it('starts a new Conv block at the largest filter the level allows, when that is under the usual 3x3', () => {
    const conv = (maxFilterSize?: number) =>
      toolboxFor({ blocks: ['conv', 'flatten', 'dense'], ...(maxFilterSize && { maxFilterSize }) }, 2)
        .contents[0];
    expect(conv(2)?.fields).toEqual({ SIZE: 2 });
    expect(conv(1)?.fields).toEqual({ SIZE: 1 });
    // At or over the usual size, and on a level with no cap, the block keeps its own default.
    expect(conv(3)?.fields).toBeUndefined();
    expect(conv(5)?.fields).toBeUndefined();
    expect(conv()?.fields).toBeUndefined();
  });
});

describe('maxInstancesFor', () => {
  it('allows one Network block', () => {
    expect(maxInstancesFor({ blocks: ['dense'] })).toEqual({ [NETWORK_BLOCK_TYPE]: 1 });
  });

  it('caps each kind the level limits', () => {
    expect(maxInstancesFor({ blocks: [...LAYER_TYPES], maxBlocks: { conv: 2, dense: 1 } })).toEqual({
      [NETWORK_BLOCK_TYPE]: 1,
      [LAYER_BLOCKS.conv.blockType]: 2,
      [LAYER_BLOCKS.dense.blockType]: 1,
    });
  });
});
