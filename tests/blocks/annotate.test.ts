// @vitest-environment jsdom
import * as Blockly from 'blockly/core';
import { describe, expect, it } from 'vitest';
import { annotateWorkspace, annotationsFor, compileWorkspace, LAYER_BLOCKS } from '../../src/blocks';
import { LOOSE_LABEL, PROBLEM_ROW } from '../../src/blocks/annotate';
import { classifierProblem, type LayerSpec } from '../../src/spec';
import { stackedBlocks, workspaceWith, xVsO, xVsONetwork } from './helpers';

function annotated(layers: readonly LayerSpec[]) {
  const workspace = workspaceWith(layers);
  const result = compileWorkspace(workspace, xVsO);
  annotateWorkspace(workspace, result, xVsO);
  return { workspace, result };
}

const networkBlock = (workspace: Blockly.Workspace) =>
  workspace.getTopBlocks(false).find((block) => block.type === 'convblocks_network');

describe('annotateWorkspace on the X-vs-O network', () => {
  it.each([
    [0, '→ 7x7x2 · 20 params'],
    [1, '→ 7x7x2 · 0 params'],
    [2, '→ 4x4x2 · 0 params'],
    [3, '→ 32 · 0 params'],
    [4, '→ 2 · 66 params'],
  ])('shows block %i its output shape and parameters: %s', (index, text) => {
    const { workspace } = annotated(xVsONetwork);
    expect(stackedBlocks(workspace)[index]?.getFieldValue('INFO')).toBe(text);
  });

  it.each([
    ['INPUT', 'input 9x9x1'],
    ['CLASSES', '2 classes: X, O'],
    ['TOTAL', 'total 86 params'],
  ])('shows on the Network block its %s: %s', (field, text) => {
    expect(networkBlock(annotated(xVsONetwork).workspace)?.getFieldValue(field)).toBe(text);
  });

  it('adds nothing to the undo stack', () => {
    const workspace = workspaceWith(xVsONetwork);
    workspace.clearUndo();
    annotateWorkspace(workspace, compileWorkspace(workspace, xVsO), xVsO);
    expect(workspace.getUndoStack()).toEqual([]);
  });

  it('is not saved with the workspace', () => {
    const { workspace } = annotated(xVsONetwork);
    expect(JSON.stringify(Blockly.serialization.workspaces.save(workspace))).not.toContain('params');
  });
});

describe('annotateWorkspace on colour pictures', () => {
  // The course's colour example: 32x32x3 pictures, 10 filters of 5x5x3, padded to keep the size.
  const colour = { ...xVsO, input: [32, 32, 3] as const, classes: ['warm', 'cool'] };
  const layers: readonly LayerSpec[] = [
    { type: 'conv', filters: 10, size: 5, stride: 1, padding: 'same' },
    { type: 'relu' },
    { type: 'conv', filters: 2, size: 3, stride: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 2 },
  ];

  it.each([
    [0, '→ 32x32x10 · (5×5×3+1)×10 = 760 params'],
    [1, '→ 32x32x10 · 0 params'],
    [2, '→ 15x15x2 · (3×3×10+1)×2 = 182 params'],
    [3, '→ 450 · 0 params'],
    [4, '→ 2 · 902 params'],
  ])('writes block %i its count with the depth of its filters: %s', (index, text) => {
    const workspace = workspaceWith(layers);
    annotateWorkspace(workspace, compileWorkspace(workspace, colour), colour);
    expect(stackedBlocks(workspace)[index]?.getFieldValue('INFO')).toBe(text);
  });
});

describe('annotateWorkspace on impossible stacks', () => {
  const tooBig: readonly LayerSpec[] = [
    { type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid' },
    { type: 'conv', filters: 2, size: 9, stride: 1, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 2 },
  ];

  it('writes the reason from the spec on a row of the block that causes it', () => {
    const { workspace } = annotated(tooBig);
    const reason = classifierProblem(xVsO.input, tooBig, 2)?.reason;
    expect(stackedBlocks(workspace)[1]?.getFieldValue(PROBLEM_ROW)).toBe(`⚠ ${reason}`);
  });

  it('says that the offending block does not fit where its shape would be', () => {
    const { workspace } = annotated(tooBig);
    expect(stackedBlocks(workspace)[1]?.getFieldValue('INFO')).toBe('→ does not fit');
  });

  it('shows an unknown shape for the blocks below the one that does not fit', () => {
    const { workspace } = annotated(tooBig);
    expect(stackedBlocks(workspace)[2]?.getFieldValue('INFO')).toBe('→ ?');
  });

  it('adds a problem row only to the offending block', () => {
    const { workspace } = annotated(tooBig);
    expect(stackedBlocks(workspace).map((block) => block.getInput(PROBLEM_ROW) !== null)).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });

  it('removes the problem row once the problem is fixed', () => {
    const { workspace } = annotated(tooBig);
    stackedBlocks(workspace)[1]?.setFieldValue(3, 'SIZE');
    annotateWorkspace(workspace, compileWorkspace(workspace, xVsO), xVsO);
    expect(stackedBlocks(workspace)[1]?.getInput(PROBLEM_ROW)).toBeNull();
  });

  it('gives the offending block a warning and the others none', () => {
    const workspace = workspaceWith(tooBig);
    const result = compileWorkspace(workspace, xVsO);
    const warnings = result.layerBlockIds.map((id) => annotationsFor(result, xVsO).get(id)?.warning ?? null);
    expect(warnings).toEqual([null, result.blocker, null, null]);
  });

  it('keeps the shape of a block that fits but breaks the classifier rule', () => {
    const { workspace } = annotated([{ type: 'flatten' }, { type: 'dense', units: 3 }]);
    expect(stackedBlocks(workspace)[1]?.getFieldValue('INFO')).toBe('→ 3 · 246 params');
  });

  it('adds the classifier reason to the last Dense block', () => {
    const { workspace } = annotated([{ type: 'flatten' }, { type: 'dense', units: 3 }]);
    expect(stackedBlocks(workspace)[1]?.getFieldValue(PROBLEM_ROW)).toContain('has 3 units');
  });

  it('joins every reason of a block that breaks several rules', () => {
    const workspace = workspaceWith([{ type: 'flatten' }, { type: 'dense', units: 3 }]);
    const context = { ...xVsO, limits: { blocks: xVsO.limits.blocks, maxBlocks: { dense: 0 } } };
    const result = compileWorkspace(workspace, context);
    annotateWorkspace(workspace, result, context);
    const reasons = result.problems.map((problem) => problem.reason);
    expect(stackedBlocks(workspace)[1]?.getFieldValue(PROBLEM_ROW)).toBe(`⚠ ${reasons.join('; ')}`);
  });

  it('shows no total while a block does not fit', () => {
    expect(networkBlock(annotated(tooBig).workspace)?.getFieldValue('TOTAL')).toBe('total ?');
  });

  it('marks the Network block of an empty network', () => {
    const { workspace, result } = annotated([]);
    expect(networkBlock(workspace)?.getFieldValue(PROBLEM_ROW)).toBe(`⚠ ${result.blocker}`);
  });

  it('saves no problem row with the workspace', () => {
    const { workspace } = annotated(tooBig);
    expect(JSON.stringify(Blockly.serialization.workspaces.save(workspace))).not.toContain(PROBLEM_ROW);
  });
});

describe('annotateWorkspace on loose blocks', () => {
  it('labels a block outside the Network block as ignored', () => {
    const workspace = workspaceWith(xVsONetwork);
    const loose = workspace.newBlock(LAYER_BLOCKS.pool.blockType);
    annotateWorkspace(workspace, compileWorkspace(workspace, xVsO), xVsO);
    expect(loose.getFieldValue('INFO')).toBe(LOOSE_LABEL);
  });

  it('gives a loose block a warning that says how to use it', () => {
    const workspace = workspaceWith(xVsONetwork);
    const loose = workspace.newBlock(LAYER_BLOCKS.pool.blockType);
    const result = compileWorkspace(workspace, xVsO);
    expect(annotationsFor(result, xVsO).get(loose.id)?.warning).toContain('Drag it into the stack');
  });

  it('shows a block its shape again once it is put back in the stack', () => {
    const workspace = workspaceWith([{ type: 'flatten' }]);
    const dense = workspace.newBlock(LAYER_BLOCKS.dense.blockType);
    annotateWorkspace(workspace, compileWorkspace(workspace, xVsO), xVsO);
    stackedBlocks(workspace)[0]?.nextConnection?.connect(dense.previousConnection as Blockly.Connection);
    annotateWorkspace(workspace, compileWorkspace(workspace, xVsO), xVsO);
    expect(dense.getFieldValue('INFO')).toBe('→ 2 · 164 params');
  });
});
