/**
 * Workspaces as Blockly's JSON serialization: built from a list of layers, or read from storage or
 * a link. Untrusted JSON is checked field by field, then loaded into a headless workspace, before
 * anything touches the workspace the player sees.
 */
import * as Blockly from 'blockly/core';
import {
  describeValue,
  formatPath,
  LAYER_TYPES,
  type LayerSpec,
  MAX,
  parseJsonText,
  SpecError,
} from '../spec';
import {
  fieldsOf,
  fieldValueProblem,
  LAYER_BLOCKS,
  LAYERS_INPUT,
  type LayerBlockSpec,
  layerBlockOfType,
  NETWORK_BLOCK_TYPE,
} from './definitions';
import { registerBlocks } from './register';

/** One block in Blockly's JSON serialization. */
export type BlockState = Blockly.serialization.blocks.State;

/** A whole workspace in Blockly's JSON serialization, as saved and loaded. */
export interface WorkspaceState {
  readonly blocks: { readonly languageVersion: 0; readonly blocks: BlockState[] };
}

/** The most blocks a saved workspace may hold, stack and loose blocks together. */
export const MAX_WORKSPACE_BLOCKS = 200;

/** Where a new Network block sits on the workspace. */
const NETWORK_POSITION = { x: 24, y: 24 } as const;

/** The longest block id accepted; Blockly makes ids of 20 characters. */
const MAX_ID_LENGTH = 64;

/** The block for one layer, its fields checked against the block's ranges. */
export function blockStateOfLayer(layer: LayerSpec, field = 'layer'): BlockState {
  // Own keys only: a crafted type such as "constructor" must not reach Object's prototype.
  const spec: LayerBlockSpec | undefined = Object.hasOwn(LAYER_BLOCKS, layer.type)
    ? LAYER_BLOCKS[layer.type]
    : undefined;
  if (!spec) {
    throw new SpecError(
      `${field}.type`,
      `expected one of ${LAYER_TYPES.join(', ')} but got ${describeValue(layer.type)}`,
    );
  }
  const fields: Record<string, string | number> = {};
  const values = layer as unknown as Record<string, unknown>;
  for (const fieldSpec of fieldsOf(spec)) {
    const given = values[fieldSpec.key];
    const value =
      given === undefined && fieldSpec.kind === 'choice' && fieldSpec.optional ? fieldSpec.initial : given;
    const problem = fieldValueProblem(fieldSpec, value);
    if (problem)
      throw new SpecError(`${field}.${fieldSpec.key}`, `${problem} but got ${describeValue(value)}`);
    fields[fieldSpec.name] = value as string | number;
  }
  return { type: spec.blockType, fields };
}

/** A workspace holding just the Network block with `layers` stacked in it. */
export function layersToWorkspaceState(layers: readonly LayerSpec[]): WorkspaceState {
  if (layers.length > MAX.layers) {
    throw new SpecError('layers', `expected at most ${MAX.layers} layers but got ${layers.length}`);
  }
  let chain: BlockState | undefined;
  for (let i = layers.length - 1; i >= 0; i--) {
    const block = blockStateOfLayer(layers[i] as LayerSpec, `layers[${i}]`);
    chain = chain ? { ...block, next: { block: chain } } : block;
  }
  const network: BlockState = {
    type: NETWORK_BLOCK_TYPE,
    ...NETWORK_POSITION,
    deletable: false,
    ...(chain && { inputs: { [LAYERS_INPUT]: { block: chain } } }),
  };
  return { blocks: { languageVersion: 0, blocks: [network] } };
}

type Path = PropertyKey[];

function fail(path: Path, message: string): never {
  throw new SpecError(formatPath(path), message);
}

function objectAt(value: unknown, path: Path, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(path, `expected ${what} (a JSON object) but got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

function onlyKeys(object: Record<string, unknown>, allowed: readonly string[], path: Path): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      fail([...path, key], `is not a field this can have (expected ${allowed.join(', ')})`);
  }
}

const BLOCK_KEYS = [
  'type',
  'id',
  'x',
  'y',
  'collapsed',
  'deletable',
  'movable',
  'editable',
  'inline',
  'fields',
  'inputs',
  'next',
] as const;
const FLAGS = ['collapsed', 'movable', 'editable', 'inline'] as const;

/** Reads untrusted block JSON into a fresh block state of known keys and checked values. */
class StateReader {
  private count = 0;
  private readonly ids = new Set<string>();

  block(value: unknown, path: Path, topLevel: boolean): BlockState {
    this.count++;
    if (this.count > MAX_WORKSPACE_BLOCKS) {
      fail(path, `the workspace has more than ${MAX_WORKSPACE_BLOCKS} blocks`);
    }
    const raw = objectAt(value, path, 'a block');
    onlyKeys(raw, BLOCK_KEYS, path);
    const type = raw.type;
    const isNetwork = type === NETWORK_BLOCK_TYPE;
    const spec = typeof type === 'string' ? layerBlockOfType(type) : undefined;
    if (!isNetwork && !spec) {
      const known = [NETWORK_BLOCK_TYPE, ...LAYER_TYPES.map((t) => LAYER_BLOCKS[t].blockType)];
      fail(
        [...path, 'type'],
        `expected one of the blocks ${known.join(', ')} but got ${describeValue(type)}`,
      );
    }
    if (isNetwork && !topLevel) fail([...path, 'type'], 'a Network block cannot sit inside another block');
    const state: BlockState = { type: type as string };
    if (raw.id !== undefined) {
      if (typeof raw.id !== 'string' || raw.id.length === 0 || raw.id.length > MAX_ID_LENGTH) {
        fail(
          [...path, 'id'],
          `expected a text of 1 to ${MAX_ID_LENGTH} characters but got ${describeValue(raw.id)}`,
        );
      }
      if (this.ids.has(raw.id)) fail([...path, 'id'], `two blocks have the id ${describeValue(raw.id)}`);
      this.ids.add(raw.id);
      state.id = raw.id;
    }
    for (const axis of ['x', 'y'] as const) {
      const v = raw[axis];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e6) {
        fail([...path, axis], `expected a position in pixels but got ${describeValue(v)}`);
      }
      state[axis] = v;
    }
    for (const flag of FLAGS) {
      const v = raw[flag];
      if (v === undefined) continue;
      if (typeof v !== 'boolean') fail([...path, flag], `expected true or false but got ${describeValue(v)}`);
      state[flag] = v;
    }
    if (raw.deletable !== undefined && typeof raw.deletable !== 'boolean') {
      fail([...path, 'deletable'], `expected true or false but got ${describeValue(raw.deletable)}`);
    }
    // The Network block is never deletable, whatever the JSON says; layer blocks always are.
    if (isNetwork) state.deletable = false;
    if (spec) this.fields(raw.fields, spec, [...path, 'fields'], state);
    else if (raw.fields !== undefined)
      onlyKeys(objectAt(raw.fields, [...path, 'fields'], 'fields'), [], [...path, 'fields']);
    if (raw.inputs !== undefined) {
      const inputsPath = [...path, 'inputs'];
      const inputs = objectAt(raw.inputs, inputsPath, 'the inputs');
      onlyKeys(inputs, isNetwork ? [LAYERS_INPUT] : [], inputsPath);
      if (inputs[LAYERS_INPUT] !== undefined) {
        state.inputs = {
          [LAYERS_INPUT]: { block: this.connection(inputs[LAYERS_INPUT], [...inputsPath, LAYERS_INPUT]) },
        };
      }
    }
    if (raw.next !== undefined) {
      if (isNetwork) fail([...path, 'next'], 'a Network block has nothing below it');
      state.next = { block: this.connection(raw.next, [...path, 'next']) };
    }
    return state;
  }

  private connection(value: unknown, path: Path): BlockState {
    const raw = objectAt(value, path, 'a connection');
    onlyKeys(raw, ['block'], path);
    return this.block(raw.block, [...path, 'block'], false);
  }

  private fields(value: unknown, spec: LayerBlockSpec, path: Path, state: BlockState): void {
    if (value === undefined) return;
    const raw = objectAt(value, path, 'the fields');
    const specs = fieldsOf(spec);
    onlyKeys(
      raw,
      specs.map((field) => field.name),
      path,
    );
    const fields: Record<string, unknown> = {};
    for (const field of specs) {
      const v = raw[field.name];
      if (v === undefined) continue;
      const problem = fieldValueProblem(field, v);
      if (problem) fail([...path, field.name], `${problem} but got ${describeValue(v)}`);
      fields[field.name] = v;
    }
    state.fields = fields;
  }
}

/**
 * Checks untrusted workspace JSON without touching any workspace: known blocks only, every field in
 * range, exactly one Network block. Returns a clean copy; throws a SpecError naming the field.
 */
export function checkWorkspaceState(value: unknown): WorkspaceState {
  const root = objectAt(value, [], 'a saved workspace');
  onlyKeys(root, ['blocks'], []);
  if (root.blocks === undefined) fail(['blocks'], 'is missing: a workspace holds at least the Network block');
  const blocks = objectAt(root.blocks, ['blocks'], 'the blocks');
  onlyKeys(blocks, ['languageVersion', 'blocks'], ['blocks']);
  if (blocks.languageVersion !== 0) {
    fail(['blocks', 'languageVersion'], `expected 0 but got ${describeValue(blocks.languageVersion)}`);
  }
  const list = blocks.blocks;
  if (!Array.isArray(list))
    fail(['blocks', 'blocks'], `expected a list of blocks but got ${describeValue(list)}`);
  if (list.length > MAX_WORKSPACE_BLOCKS) {
    fail(['blocks', 'blocks'], `the workspace has more than ${MAX_WORKSPACE_BLOCKS} blocks`);
  }
  const reader = new StateReader();
  const states = list.map((block, i) => reader.block(block, ['blocks', 'blocks', i], true));
  const networks = states.filter((state) => state.type === NETWORK_BLOCK_TYPE).length;
  if (networks !== 1) fail(['blocks', 'blocks'], `expected one Network block but found ${networks}`);
  return { blocks: { languageVersion: 0, blocks: states } };
}

/**
 * Checks untrusted workspace JSON, then loads it into a throwaway headless workspace so that
 * anything Blockly itself refuses (a repeated block id, say) is caught before the visible one is
 * cleared. Returns the clean state to load.
 */
export function validateWorkspaceState(value: unknown): WorkspaceState {
  const state = checkWorkspaceState(value);
  registerBlocks();
  const scratch = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load(state, scratch);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpecError('blocks', `these blocks could not be loaded (${detail})`);
  } finally {
    scratch.dispose();
  }
  return state;
}

/** Reads a saved workspace from JSON text, refusing text that is not JSON or not a valid workspace. */
export function parseWorkspaceText(text: string): WorkspaceState {
  return validateWorkspaceState(parseJsonText(text));
}

/**
 * Replaces what `workspace` holds with untrusted workspace JSON, validated headlessly first: on a
 * SpecError the workspace is left exactly as it was.
 */
export function loadWorkspaceState(workspace: Blockly.Workspace, value: unknown): void {
  const state = validateWorkspaceState(value);
  Blockly.serialization.workspaces.load(state, workspace);
}

/** Replaces what `workspace` holds with a Network block holding `layers`, or throws a SpecError first. */
export function loadNetworkIntoWorkspace(workspace: Blockly.Workspace, layers: readonly LayerSpec[]): void {
  loadWorkspaceState(workspace, layersToWorkspaceState(layers));
}

/** The workspace as JSON, ready to store or share. */
export function saveWorkspaceState(workspace: Blockly.Workspace): WorkspaceState {
  const saved = Blockly.serialization.workspaces.save(workspace) as Partial<WorkspaceState>;
  return { blocks: saved.blocks ?? { languageVersion: 0, blocks: [] } };
}
