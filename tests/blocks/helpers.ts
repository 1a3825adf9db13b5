/** Shared set-up for the block tests: a headless workspace and the course's X-vs-O level. */
import * as Blockly from 'blockly/core';
import { type CompileContext, loadNetworkIntoWorkspace, registerBlocks } from '../../src/blocks';
import { LAYER_TYPES, type LayerSpec } from '../../src/spec';

/** The X-vs-O level of the course: 9x9 grey pictures, two classes, every block allowed. */
export const xVsO: CompileContext = {
  input: [9, 9, 1],
  classes: ['X', 'O'],
  limits: { blocks: [...LAYER_TYPES] },
};

/** The course's X-vs-O network: conv 2 3x3 valid, relu, pool max 2 stride 2 same, flatten, dense 2. */
export const xVsONetwork: readonly LayerSpec[] = [
  { type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

/** A fresh headless workspace with our blocks registered. */
export function headlessWorkspace(): Blockly.Workspace {
  registerBlocks();
  return new Blockly.Workspace();
}

/** A headless workspace holding a Network block with `layers`. */
export function workspaceWith(layers: readonly LayerSpec[]): Blockly.Workspace {
  const workspace = headlessWorkspace();
  loadNetworkIntoWorkspace(workspace, layers);
  return workspace;
}

/** The blocks stacked in the workspace's Network block, top to bottom. */
export function stackedBlocks(workspace: Blockly.Workspace): Blockly.Block[] {
  const network = workspace.getTopBlocks(false).find((block) => block.type === 'convblocks_network');
  const blocks: Blockly.Block[] = [];
  for (let block = network?.getInputTargetBlock('LAYERS') ?? null; block; block = block.getNextBlock()) {
    blocks.push(block);
  }
  return blocks;
}
