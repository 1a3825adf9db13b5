// @vitest-environment jsdom
import * as Blockly from 'blockly/core';
import { describe, expect, it } from 'vitest';
import {
  type CompileContext,
  compileWorkspace,
  LAYER_BLOCKS,
  loadWorkspaceState,
  saveWorkspaceState,
} from '../../src/blocks';
import { classifierProblem, type LayerSpec, type LevelLimits } from '../../src/spec';
import { headlessWorkspace, stackedBlocks, workspaceWith, xVsO, xVsONetwork } from './helpers';

/** Every layer type, and every value each field can take: its ends, a middle and each choice. */
const everyLayer: readonly LayerSpec[] = [
  { type: 'conv', filters: 1, size: 1, stride: 1, padding: 'valid' },
  { type: 'conv', filters: 256, size: 16, stride: 16, padding: 'same' },
  { type: 'conv', filters: 8, size: 5, stride: 2, padding: 'same' },
  { type: 'conv', filters: 3, size: 3, stride: 1, padding: 'valid', products: 'mean' },
  { type: 'relu' },
  { type: 'activation', fn: 'sigmoid' },
  { type: 'activation', fn: 'tanh' },
  { type: 'activation', fn: 'leaky_relu' },
  { type: 'activation', fn: 'elu' },
  { type: 'pool', op: 'max', size: 1, stride: 1, padding: 'valid' },
  { type: 'pool', op: 'avg', size: 16, stride: 16, padding: 'same' },
  { type: 'pool', op: 'avg', size: 3, stride: 2, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 1 },
  { type: 'dense', units: 10 },
  { type: 'dense', units: 1024 },
];

describe('compileWorkspace round trip', () => {
  it.each(everyLayer)('compiles a workspace built from %o back to the same layer', (layer) => {
    const workspace = workspaceWith([layer]);
    expect(compileWorkspace(workspace, xVsO).layers).toEqual([layer]);
  });

  it.each(everyLayer)('keeps %o through saved JSON and a fresh workspace', (layer) => {
    const saved = JSON.parse(JSON.stringify(saveWorkspaceState(workspaceWith([layer]))));
    const copy = headlessWorkspace();
    loadWorkspaceState(copy, saved);
    expect(compileWorkspace(copy, xVsO).layers).toEqual([layer]);
  });

  it('keeps the order of a whole stack of every layer type', () => {
    const workspace = workspaceWith(everyLayer);
    expect(compileWorkspace(workspace, xVsO).layers).toEqual(everyLayer);
  });

  it('lines each layer up with the id of its block', () => {
    const workspace = workspaceWith(xVsONetwork);
    const result = compileWorkspace(workspace, xVsO);
    expect(result.layerBlockIds).toEqual(stackedBlocks(workspace).map((block) => block.id));
  });
});

describe('compileWorkspace defaults', () => {
  it.each([
    ['conv', { type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid' }],
    ['relu', { type: 'relu' }],
    ['activation', { type: 'activation', fn: 'sigmoid' }],
    ['pool', { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' }],
    ['flatten', { type: 'flatten' }],
    ['dense', { type: 'dense', units: 2 }],
  ] as const)('gives a new %s block its default fields', (type, expected) => {
    const workspace = workspaceWith([]);
    const block = workspace.newBlock(LAYER_BLOCKS[type].blockType);
    const network = workspace.getTopBlocks(false)[0];
    network?.getInput('LAYERS')?.connection?.connect(block.previousConnection as Blockly.Connection);
    expect(compileWorkspace(workspace, xVsO).layers).toEqual([expected]);
  });
});

describe('compileWorkspace on the X-vs-O network', () => {
  it('has no problem and nothing blocking Train', () => {
    const result = compileWorkspace(workspaceWith(xVsONetwork), xVsO);
    expect(result.problems).toEqual([]);
    expect(result.blocker).toBeNull();
  });

  it('counts 86 parameters in all', () => {
    expect(compileWorkspace(workspaceWith(xVsONetwork), xVsO).shapes.totalParams).toBe(86);
  });
});

describe('compileWorkspace loose blocks', () => {
  function withLooseBlocks() {
    const workspace = workspaceWith(xVsONetwork);
    const loose = workspace.newBlock(LAYER_BLOCKS.conv.blockType);
    const chainTop = workspace.newBlock(LAYER_BLOCKS.dense.blockType);
    const chainBottom = workspace.newBlock(LAYER_BLOCKS.flatten.blockType);
    chainTop.nextConnection?.connect(chainBottom.previousConnection as Blockly.Connection);
    return { workspace, looseIds: [loose.id, chainTop.id, chainBottom.id] };
  }

  it('ignores blocks outside the Network block', () => {
    const { workspace } = withLooseBlocks();
    expect(compileWorkspace(workspace, xVsO).layers).toEqual(xVsONetwork);
  });

  it('reports every loose block, chained ones included', () => {
    const { workspace, looseIds } = withLooseBlocks();
    expect([...compileWorkspace(workspace, xVsO).looseBlockIds].sort()).toEqual([...looseIds].sort());
  });

  it('does not block Train because of loose blocks', () => {
    const { workspace } = withLooseBlocks();
    expect(compileWorkspace(workspace, xVsO).blocker).toBeNull();
  });
});

describe('compileWorkspace impossible stacks', () => {
  const conv = (size: number): LayerSpec => ({ type: 'conv', filters: 2, size, stride: 1, padding: 'valid' });
  const pool: LayerSpec = { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'valid' };
  const cases: readonly {
    what: string;
    input: readonly [number, number, number];
    layers: readonly LayerSpec[];
    blockIndex: number;
    kind: string;
    words: string;
  }[] = [
    {
      what: 'a kernel larger than its input',
      input: [2, 2, 1],
      layers: [conv(3), { type: 'flatten' }, { type: 'dense', units: 2 }],
      blockIndex: 0,
      kind: 'shape',
      words: 'does not fit',
    },
    {
      what: 'a kernel larger than the output of the block above',
      input: [5, 5, 1],
      layers: [conv(3), conv(4), { type: 'flatten' }, { type: 'dense', units: 2 }],
      blockIndex: 1,
      kind: 'shape',
      words: 'does not fit',
    },
    {
      what: 'Dense before Flatten',
      input: [9, 9, 1],
      layers: [conv(3), { type: 'dense', units: 2 }],
      blockIndex: 1,
      kind: 'shape',
      words: 'Flatten',
    },
    {
      what: 'a Pool after Flatten',
      input: [9, 9, 1],
      layers: [{ type: 'flatten' }, pool, { type: 'dense', units: 2 }],
      blockIndex: 1,
      kind: 'shape',
      words: 'flat',
    },
    {
      what: 'a last Dense not matching the number of classes',
      input: [9, 9, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 3 }],
      blockIndex: 1,
      kind: 'classifier',
      words: '2 classes',
    },
    {
      what: 'a stack that does not end in Dense',
      input: [9, 9, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }, { type: 'relu' }],
      blockIndex: 2,
      kind: 'classifier',
      words: 'last block must be a Dense',
    },
  ];

  const compileCase = (row: (typeof cases)[number]) => {
    const context: CompileContext = { ...xVsO, input: row.input };
    const workspace = workspaceWith(row.layers);
    return { workspace, result: compileWorkspace(workspace, context) };
  };

  it.each(cases)('marks the block that causes $what', (row) => {
    const { workspace, result } = compileCase(row);
    expect(result.problems[0]?.blockId).toBe(stackedBlocks(workspace)[row.blockIndex]?.id);
  });

  it.each(cases)('gives the reason from the spec for $what', (row) => {
    const { result } = compileCase(row);
    const expected = classifierProblem(row.input, row.layers, xVsO.classes.length);
    expect(result.problems[0]?.reason).toBe(expected?.reason);
    expect(result.problems[0]?.reason).toContain(row.words);
  });

  it.each(cases)('tells a shape problem from a classifier problem for $what', (row) => {
    expect(compileCase(row).result.problems[0]?.kind).toBe(row.kind);
  });

  it.each(cases)('blocks Train with the reason for $what', (row) => {
    const { result } = compileCase(row);
    expect(result.blocker).toBe(result.problems[0]?.reason);
    expect(result.blocker).not.toBeNull();
  });

  it('marks the Network block when it holds nothing', () => {
    const workspace = workspaceWith([]);
    const result = compileWorkspace(workspace, xVsO);
    expect(result.problems[0]?.blockId).toBe(result.networkBlockId);
    expect(result.blocker).toContain('empty');
  });

  it('blocks Train when the Network block is missing', () => {
    const workspace = headlessWorkspace();
    workspace.newBlock(LAYER_BLOCKS.flatten.blockType);
    const result = compileWorkspace(workspace, xVsO);
    expect(result.problems.map((problem) => problem.kind)).toEqual(['no-network']);
    expect(result.blocker).toContain('Network block');
  });

  it('marks a foreign block stacked in the network', () => {
    Blockly.common.defineBlocksWithJsonArray([
      { type: 'test_foreign', message0: 'foreign', previousStatement: 'Layer', nextStatement: 'Layer' },
    ]);
    const workspace = workspaceWith([{ type: 'flatten' }, { type: 'dense', units: 2 }]);
    const foreign = workspace.newBlock('test_foreign');
    stackedBlocks(workspace)[1]?.nextConnection?.connect(foreign.previousConnection as Blockly.Connection);
    const result = compileWorkspace(workspace, xVsO);
    expect(result.problems.map((problem) => [problem.kind, problem.blockId])).toEqual([
      ['not-a-layer', foreign.id],
    ]);
  });
});

describe('compileWorkspace level limits', () => {
  const allowed = xVsO.limits.blocks;
  const cases: readonly {
    what: string;
    limits: LevelLimits;
    blockIndex: number;
    kind: string;
    words: string;
  }[] = [
    {
      what: 'a block the level does not allow',
      limits: { blocks: allowed.filter((type) => type !== 'pool') },
      blockIndex: 2,
      kind: 'not-allowed',
      words: 'does not use Pool blocks',
    },
    {
      what: 'more blocks of a kind than allowed',
      limits: { blocks: allowed, maxBlocks: { relu: 0 } },
      blockIndex: 1,
      kind: 'too-many-of-kind',
      words: 'at most 0 ReLU blocks',
    },
    {
      what: 'a filter larger than the level allows',
      limits: { blocks: allowed, maxFilterSize: 2 },
      blockIndex: 0,
      kind: 'filter-too-big',
      words: 'filters are at most 2x2 on this level but this one is 3x3',
    },
    {
      what: 'more layers than allowed',
      limits: { blocks: allowed, maxLayers: 3 },
      blockIndex: 3,
      kind: 'too-many-layers',
      words: 'at most 3 blocks',
    },
    {
      what: 'more parameters than allowed',
      limits: { blocks: allowed, maxParams: 50 },
      blockIndex: -1,
      kind: 'too-many-params',
      words: '86 parameters',
    },
  ];

  const compileCase = (row: (typeof cases)[number]) => {
    const workspace = workspaceWith(xVsONetwork);
    return { workspace, result: compileWorkspace(workspace, { ...xVsO, limits: row.limits }) };
  };

  it.each(cases)('marks the right block for $what', (row) => {
    const { workspace, result } = compileCase(row);
    const expected =
      row.blockIndex < 0 ? result.networkBlockId : stackedBlocks(workspace)[row.blockIndex]?.id;
    expect(result.problems.map((problem) => [problem.kind, problem.blockId])).toEqual([[row.kind, expected]]);
  });

  it.each(cases)('blocks Train with a reason for $what', (row) => {
    expect(compileCase(row).result.blocker).toContain(row.words);
  });

  it('marks only the first block past "at most N of a kind"', () => {
    const workspace = workspaceWith([
      { type: 'relu' },
      { type: 'relu' },
      { type: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 2 },
    ]);
    const result = compileWorkspace(workspace, {
      ...xVsO,
      limits: { blocks: allowed, maxBlocks: { relu: 1 } },
    });
    expect(result.problems.map((problem) => problem.blockId)).toEqual([stackedBlocks(workspace)[1]?.id]);
  });

  it('accepts a network exactly at every limit', () => {
    const limits: LevelLimits = {
      blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
      maxLayers: 5,
      maxParams: 86,
      maxBlocks: { conv: 1, relu: 1, pool: 1, flatten: 1, dense: 1 },
      maxFilterSize: 3,
    };
    expect(compileWorkspace(workspaceWith(xVsONetwork), { ...xVsO, limits }).problems).toEqual([]);
  });
});
