import type * as Blockly from 'blockly/core';
import { classifierProblem, inferShapes, type LayerSpec, type LevelLimits, type ShapeReport } from '../spec';
import {
  fieldsOf,
  LAYERS_INPUT,
  type LayerBlockSpec,
  layerBlockOfType,
  NETWORK_BLOCK_TYPE,
} from './definitions';
import { type LimitProblem, limitProblems } from './limits';

/** What the level says about the network being built. */
export interface CompileContext {
  /** The level's picture shape, `[height, width, channels]`. */
  readonly input: readonly [number, number, number];
  /** The level's class names; the last Dense needs one unit per class. */
  readonly classes: readonly string[];
  readonly limits: LevelLimits;
}

/** What kind of thing is wrong with the workspace. */
export type ProblemKind = 'no-network' | 'not-a-layer' | 'shape' | 'classifier' | LimitProblem['kind'];

/** Something that stops the network from training, and the block to mark with it. */
export interface BlockProblem {
  readonly kind: ProblemKind;
  /** The block that causes it, or null when there is no block to mark. */
  readonly blockId: string | null;
  readonly reason: string;
}

/** The network a workspace describes, what the spec says about its shapes, and what is wrong. */
export interface CompileResult {
  readonly layers: readonly LayerSpec[];
  /** The id of the block of each layer, lined up with `layers`. */
  readonly layerBlockIds: readonly string[];
  readonly networkBlockId: string | null;
  /** Shapes and parameter counts from the spec, lined up with `layers`. */
  readonly shapes: ShapeReport;
  /** Blocks not stacked in the Network block: the compiler ignores them. */
  readonly looseBlockIds: readonly string[];
  readonly problems: readonly BlockProblem[];
  /** Why Train is disabled (the first problem), or null when the network can train. */
  readonly blocker: string | null;
}

/** The LayerSpec one layer block stands for, read field by field from the block table. */
export function layerFromBlock(block: Blockly.Block, spec: LayerBlockSpec): LayerSpec {
  const layer: Record<string, unknown> = { type: spec.layer };
  for (const field of fieldsOf(spec)) {
    const value = block.getFieldValue(field.name);
    if (field.kind === 'choice' && field.optional && value === field.initial) continue;
    layer[field.key] = value;
  }
  // The table lists exactly the keys of each LayerSpec, and Blockly keeps each value in its range.
  return layer as unknown as LayerSpec;
}

/** The Network block the compiler reads: the first one made, when a workspace somehow has several. */
export function findNetworkBlock(workspace: Blockly.Workspace): Blockly.Block | null {
  return workspace.getTopBlocks(false).find((block) => block.type === NETWORK_BLOCK_TYPE) ?? null;
}

/** The blocks stacked in the Network block, top to bottom. */
function stackOf(network: Blockly.Block | null): Blockly.Block[] {
  const stack: Blockly.Block[] = [];
  for (let block = network?.getInputTargetBlock(LAYERS_INPUT) ?? null; block; block = block.getNextBlock()) {
    stack.push(block);
  }
  return stack;
}

/**
 * Reads the network stacked in the workspace's Network block and checks it against the level:
 * shapes and the classifier rule come from the spec, then the level's limits. Blocks outside the
 * Network block are listed as loose and otherwise ignored.
 */
export function compileWorkspace(workspace: Blockly.Workspace, context: CompileContext): CompileResult {
  const network = findNetworkBlock(workspace);
  const stack = stackOf(network);
  const problems: BlockProblem[] = [];
  const layers: LayerSpec[] = [];
  const layerBlockIds: string[] = [];
  for (const block of stack) {
    const spec = layerBlockOfType(block.type);
    if (!spec) {
      problems.push({
        kind: 'not-a-layer',
        blockId: block.id,
        reason: 'this block is not a layer: remove it',
      });
      continue;
    }
    layers.push(layerFromBlock(block, spec));
    layerBlockIds.push(block.id);
  }
  const inStack = new Set([network?.id, ...stack.map((block) => block.id)]);
  const looseBlockIds = workspace
    .getAllBlocks(false)
    .filter((block) => !inStack.has(block.id))
    .map((block) => block.id);

  const networkBlockId = network?.id ?? null;
  const blockAt = (index: number) => (index >= 0 ? (layerBlockIds[index] ?? null) : networkBlockId);
  const shapes = inferShapes(context.input, layers);
  if (!network) {
    problems.unshift({
      kind: 'no-network',
      blockId: null,
      reason: 'there is no Network block: reload the level to get it back',
    });
  } else {
    const classifier = classifierProblem(context.input, layers, context.classes.length);
    if (classifier) {
      problems.push({
        kind: classifier.layerIndex === shapes.errorAt ? 'shape' : 'classifier',
        blockId: blockAt(classifier.layerIndex),
        reason: classifier.reason,
      });
    }
  }
  for (const limit of limitProblems(layers, shapes.totalParams, context.limits)) {
    problems.push({ kind: limit.kind, blockId: blockAt(limit.layerIndex), reason: limit.reason });
  }
  return {
    layers,
    layerBlockIds,
    networkBlockId,
    shapes,
    looseBlockIds,
    problems,
    blocker: problems[0]?.reason ?? null,
  };
}
