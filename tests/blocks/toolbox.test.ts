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
