import type * as Blockly from 'blockly/core';
import { LAYER_TYPES, type LevelLimits } from '../spec';
import { LAYER_BLOCKS, NETWORK_BLOCK_TYPE } from './definitions';

/** A toolbox that is one flyout of blocks, as Blockly's JSON. */
export interface FlyoutToolbox {
  readonly kind: 'flyoutToolbox';
  readonly contents: Blockly.utils.toolbox.BlockInfo[];
}

/**
 * The toolbox a level offers: its allowed blocks in the usual order. A new Dense block starts with
 * one unit per class, since the last one needs exactly that; a new Conv block's filter is no larger
 * than the level's largest, so a block taken from the toolbox never starts over a limit.
 */
export function toolboxFor(limits: LevelLimits, classCount: number): FlyoutToolbox {
  const units = LAYER_BLOCKS.dense.rows[0][0];
  const denseUnits = Math.min(Math.max(classCount, units.min), units.max);
  const size = LAYER_BLOCKS.conv.rows[0][1];
  const convSize = limits.maxFilterSize ?? size.initial;
  return {
    kind: 'flyoutToolbox',
    contents: LAYER_TYPES.filter((type) => limits.blocks.includes(type)).map((type) => ({
      kind: 'block',
      type: LAYER_BLOCKS[type].blockType,
      ...(type === 'dense' && { fields: { [units.name]: denseUnits } }),
      ...(type === 'conv' && convSize < size.initial && { fields: { [size.name]: convSize } }),
    })),
  };
}

/**
 * Blockly's per-type block caps for a level: one Network block, and the level's "at most N of a
 * kind". Blockly greys out a toolbox block once the workspace holds that many.
 */
export function maxInstancesFor(limits: LevelLimits): Record<string, number> {
  const caps: Record<string, number> = { [NETWORK_BLOCK_TYPE]: 1 };
  for (const type of LAYER_TYPES) {
    const most = limits.maxBlocks?.[type];
    if (most !== undefined) caps[LAYER_BLOCKS[type].blockType] = most;
  }
  return caps;
}
