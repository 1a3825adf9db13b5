import * as Blockly from 'blockly/core';
import { convParamsFormula, formatShape, type LayerShapeResult, type LayerSpec } from '../spec';
import type { CompileContext, CompileResult } from './compile';
import { INFO_FIELD, NETWORK_FIELDS } from './definitions';

/** What one block shows: text for its labels, the problem it causes, and a warning bubble. */
export interface BlockAnnotation {
  /** Label field name to text. */
  readonly labels: Readonly<Record<string, string>>;
  /** The reason shown on a row of its own at the bottom of the block, or null for no such row. */
  readonly problem: string | null;
  /** The text of the block's warning icon, or null for no icon. */
  readonly warning: string | null;
}

/** The name of the row (and its label) that shows a block's problem; it exists only while there is one. */
export const PROBLEM_ROW = 'PROBLEM';

/** The id Blockly files our warnings under, so other warnings are left alone. */
const WARNING_ID = 'convblocks';

/** The label of a block outside the Network block. */
export const LOOSE_LABEL = 'not in the network: ignored';

const LOOSE_WARNING =
  'This block is not inside the Network block, so the network ignores it. Drag it into the stack to use it.';

/** `20 params`, `1 param`. */
export function paramsText(count: number): string {
  return `${count} ${count === 1 ? 'param' : 'params'}`;
}

/**
 * A layer block's label: `→ 7x7x4 · 40 params`. A Conv that reads more than one channel (a colour
 * picture, or the maps of an earlier Conv) writes its count out, `(3×3×3+1)×4 = 112 params`, so the
 * depth D of its filters is on the block, not only in the total.
 */
export function layerLabel(layer: LayerSpec | undefined, shape: LayerShapeResult | undefined): string {
  if (!shape) return '→ ?';
  if (!shape.ok) return '→ does not fit';
  const depth = shape.input.length === 3 ? shape.input[2] : 1;
  const params =
    layer?.type === 'conv' && depth > 1
      ? `${convParamsFormula(layer.size, depth, layer.filters)} params`
      : paramsText(shape.params);
  return `→ ${formatShape(shape.output)} · ${params}`;
}

/**
 * What every block of a compiled workspace shows: each layer its output shape and parameters, the
 * Network block the level's input and classes and the total, and the blocks that cause a problem
 * the reason. Pure, so it can be checked without drawing anything.
 */
export function annotationsFor(result: CompileResult, context: CompileContext): Map<string, BlockAnnotation> {
  const reasons = new Map<string, string[]>();
  for (const problem of result.problems) {
    if (problem.blockId === null) continue;
    reasons.set(problem.blockId, [...(reasons.get(problem.blockId) ?? []), problem.reason]);
  }
  const warningOf = (id: string) => reasons.get(id)?.join('\n') ?? null;
  const problemOf = (id: string) => {
    const found = reasons.get(id);
    return found ? `⚠ ${found.join('; ')}` : null;
  };

  const annotations = new Map<string, BlockAnnotation>();
  result.layerBlockIds.forEach((id, index) => {
    const text = layerLabel(result.layers[index], result.shapes.layers[index]);
    annotations.set(id, { labels: { [INFO_FIELD]: text }, problem: problemOf(id), warning: warningOf(id) });
  });
  if (result.networkBlockId !== null) {
    const id = result.networkBlockId;
    const total = result.shapes.errorAt >= 0 ? 'total ?' : `total ${paramsText(result.shapes.totalParams)}`;
    annotations.set(id, {
      labels: {
        [NETWORK_FIELDS.input]: `input ${formatShape(context.input)}`,
        [NETWORK_FIELDS.classes]: `${context.classes.length} classes: ${context.classes.join(', ')}`,
        [NETWORK_FIELDS.total]: total,
      },
      problem: problemOf(id),
      warning: warningOf(id),
    });
  }
  for (const id of result.looseBlockIds) {
    annotations.set(id, { labels: { [INFO_FIELD]: LOOSE_LABEL }, problem: null, warning: LOOSE_WARNING });
  }
  return annotations;
}

/** Adds, updates or removes the row that shows a block's problem, so a block without one stays compact. */
function showProblem(block: Blockly.Block, problem: string | null): void {
  const row = block.getInput(PROBLEM_ROW);
  if (problem === null) {
    if (row) block.removeInput(PROBLEM_ROW);
    return;
  }
  if (!row) {
    block.appendDummyInput(PROBLEM_ROW).appendField(new Blockly.FieldLabel(problem), PROBLEM_ROW);
  } else if (block.getFieldValue(PROBLEM_ROW) !== problem) {
    block.setFieldValue(problem, PROBLEM_ROW);
  }
}

/**
 * Writes annotations onto the blocks. Events are off meanwhile: the labels are a view of the
 * workspace, not an edit, so they must neither enter the undo stack nor trigger a recompile.
 */
export function applyAnnotations(
  workspace: Blockly.Workspace,
  annotations: ReadonlyMap<string, BlockAnnotation>,
): void {
  Blockly.Events.disable();
  try {
    for (const [id, annotation] of annotations) {
      const block = workspace.getBlockById(id);
      if (!block) continue;
      for (const [name, text] of Object.entries(annotation.labels)) {
        if (block.getField(name) && block.getFieldValue(name) !== text) block.setFieldValue(text, name);
      }
      showProblem(block, annotation.problem);
      block.setWarningText(annotation.warning, WARNING_ID);
    }
  } finally {
    Blockly.Events.enable();
  }
}

/**
 * Annotates every block of `workspace` from its compile result. While a block is being dragged it is
 * loose by definition, so loose blocks keep what they showed: a block on its way into the stack must
 * not flash "not in the network" before it lands; the drop's own edit labels it where it lands.
 */
export function annotateWorkspace(
  workspace: Blockly.Workspace,
  result: CompileResult,
  context: CompileContext,
  options: { readonly dragging?: boolean } = {},
): void {
  const annotations = annotationsFor(result, context);
  if (options.dragging) for (const id of result.looseBlockIds) annotations.delete(id);
  applyAnnotations(workspace, annotations);
}
