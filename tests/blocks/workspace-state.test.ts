// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  compileWorkspace,
  layersToWorkspaceState,
  loadNetworkIntoWorkspace,
  loadWorkspaceState,
  parseWorkspaceText,
  saveWorkspaceState,
  validateWorkspaceState,
} from '../../src/blocks';
import { MAX_WORKSPACE_BLOCKS } from '../../src/blocks/workspace-state';
import { type LayerSpec, SpecError } from '../../src/spec';
import { headlessWorkspace, workspaceWith, xVsO, xVsONetwork } from './helpers';

type Json = Record<string, unknown>;

/** A saved workspace: a Network block holding `layers` (as block JSON), plus any loose blocks. */
function savedWorkspace(layers: Json[], loose: Json[] = []): Json {
  let chain: Json | undefined;
  for (const block of [...layers].reverse()) chain = chain ? { ...block, next: { block: chain } } : block;
  const network: Json = {
    type: 'convblocks_network',
    x: 10,
    y: 10,
    ...(chain && { inputs: { LAYERS: { block: chain } } }),
  };
  return { blocks: { languageVersion: 0, blocks: [network, ...loose] } };
}

const conv = (fields: Json): Json => ({
  type: 'convblocks_conv',
  fields: { FILTERS: 2, SIZE: 3, STRIDE: 1, PADDING: 'valid', ...fields },
});
const flatten: Json = { type: 'convblocks_flatten' };
const dense: Json = { type: 'convblocks_dense', fields: { UNITS: 2 } };

describe('validateWorkspaceState refuses bad workspaces', () => {
  const network: Json = { type: 'convblocks_network' };
  it.each([
    ['an unknown block type', savedWorkspace([flatten, { type: 'controls_if' }]), 'type', 'controls_if'],
    [
      'a filter count above the maximum',
      savedWorkspace([conv({ FILTERS: 999 }), flatten, dense]),
      'FILTERS',
      '999',
    ],
    ['a filter size of 0', savedWorkspace([conv({ SIZE: 0 }), flatten, dense]), 'SIZE', '0'],
    ['a fractional stride', savedWorkspace([conv({ STRIDE: 1.5 }), flatten, dense]), 'STRIDE', '1.5'],
    [
      'units given as text',
      savedWorkspace([flatten, { type: 'convblocks_dense', fields: { UNITS: '2' } }]),
      'UNITS',
      '"2"',
    ],
    ['an unknown padding', savedWorkspace([conv({ PADDING: 'full' }), flatten, dense]), 'PADDING', 'full'],
    ['an unknown pool op', savedWorkspace([{ type: 'convblocks_pool', fields: { OP: 'min' } }]), 'OP', 'min'],
    [
      'an unknown activation',
      savedWorkspace([{ type: 'convblocks_activation', fields: { FN: 'relu6' } }]),
      'FN',
      'relu6',
    ],
    [
      'an unknown field',
      savedWorkspace([{ type: 'convblocks_relu', fields: { SLOPE: 2 } }]),
      'SLOPE',
      'SLOPE',
    ],
    [
      'a loose block out of range',
      savedWorkspace([flatten, dense], [conv({ FILTERS: -1 })]),
      'blocks[1]',
      '-1',
    ],
    ['no Network block', { blocks: { languageVersion: 0, blocks: [flatten] } }, 'blocks.blocks', 'found 0'],
    [
      'two Network blocks',
      { blocks: { languageVersion: 0, blocks: [network, network] } },
      'blocks.blocks',
      'found 2',
    ],
    [
      'a Network block inside a stack',
      savedWorkspace([{ ...flatten, next: { block: network } }]),
      'type',
      'Network',
    ],
    ['an unknown top-level key', { ...savedWorkspace([]), variables: [] }, 'variables', 'variables'],
    [
      'a block list that is not a list',
      { blocks: { languageVersion: 0, blocks: 'many' } },
      'blocks.blocks',
      '"many"',
    ],
    ['a missing block list', {}, 'blocks', 'missing'],
    ['a document that is not an object', [1, 2], '', 'a list of 2'],
    [
      'a position that is not a number',
      { blocks: { languageVersion: 0, blocks: [{ ...network, x: 'left' }] } },
      'x',
      'left',
    ],
    [
      'more blocks than any level needs',
      savedWorkspace(
        [],
        Array.from({ length: MAX_WORKSPACE_BLOCKS }, () => flatten),
      ),
      'blocks.blocks',
      `${MAX_WORKSPACE_BLOCKS}`,
    ],
  ])('refuses %s, naming the field and the value', (_what, state, field, value) => {
    const error = (() => {
      try {
        validateWorkspaceState(state);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toContain(field);
    expect((error as SpecError).message).toContain(value);
  });

  it('refuses two blocks with the same id', () => {
    const state = savedWorkspace([
      { ...flatten, id: 'same' },
      { ...dense, id: 'same' },
    ]);
    expect(() => validateWorkspaceState(state)).toThrow('two blocks have the id "same"');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseWorkspaceText('{"blocks": ')).toThrow(/not valid JSON/);
  });
});

describe('loadWorkspaceState', () => {
  const bad: readonly [string, unknown][] = [
    ['an unknown block type', savedWorkspace([{ type: 'nope' }])],
    ['an out-of-range field', savedWorkspace([conv({ FILTERS: 100_000 })])],
    ['no Network block', { blocks: { languageVersion: 0, blocks: [] } }],
    ['not a workspace at all', 'hello'],
  ];

  it.each(bad)('leaves the workspace exactly as it was when given %s', (_what, state) => {
    const workspace = workspaceWith(xVsONetwork);
    const before = saveWorkspaceState(workspace);
    expect(() => loadWorkspaceState(workspace, state)).toThrow(SpecError);
    expect(saveWorkspaceState(workspace)).toEqual(before);
  });

  it('replaces what the workspace holds with a valid saved workspace', () => {
    const workspace = workspaceWith(xVsONetwork);
    loadWorkspaceState(workspace, savedWorkspace([flatten, dense]));
    expect(compileWorkspace(workspace, xVsO).layers).toEqual([
      { type: 'flatten' },
      { type: 'dense', units: 2 },
    ]);
  });

  it('brings back loose blocks and positions', () => {
    const state = savedWorkspace([flatten, dense], [{ ...conv({}), x: 300, y: 40 }]);
    const workspace = headlessWorkspace();
    loadWorkspaceState(workspace, state);
    const loose = workspace.getBlockById(compileWorkspace(workspace, xVsO).looseBlockIds[0] ?? '');
    expect(loose?.getRelativeToSurfaceXY()).toMatchObject({ x: 300, y: 40 });
  });

  it('makes the Network block undeletable whatever the JSON says', () => {
    const workspace = headlessWorkspace();
    loadWorkspaceState(workspace, savedWorkspace([flatten, dense]));
    expect(workspace.getTopBlocks(false)[0]?.isDeletable()).toBe(false);
  });
});

describe('layersToWorkspaceState', () => {
  it.each([
    ['layers[0].filters', [{ type: 'conv', filters: 0, size: 3, stride: 1, padding: 'valid' }]],
    ['layers[1].units', [{ type: 'flatten' }, { type: 'dense', units: 5000 }]],
    ['layers[0].padding', [{ type: 'pool', op: 'max', size: 2, stride: 2, padding: 'full' }]],
    ['layers[0].type', [{ type: 'lstm' }]],
    ['layers[0].type', [{ type: 'constructor' }]],
  ])('refuses a layer the blocks cannot hold, naming %s', (field, layers) => {
    expect(() => layersToWorkspaceState(layers as unknown as LayerSpec[])).toThrow(field);
  });

  it('leaves a workspace untouched when a layer cannot be shown', () => {
    const workspace = workspaceWith(xVsONetwork);
    const before = saveWorkspaceState(workspace);
    const bad = [{ type: 'dense', units: -3 }] as unknown as LayerSpec[];
    expect(() => loadNetworkIntoWorkspace(workspace, bad)).toThrow(SpecError);
    expect(saveWorkspaceState(workspace)).toEqual(before);
  });

  it('builds the same state again from the layers the state compiles to', () => {
    const state = layersToWorkspaceState(xVsONetwork);
    const workspace = headlessWorkspace();
    loadWorkspaceState(workspace, state);
    expect(layersToWorkspaceState(compileWorkspace(workspace, xVsO).layers)).toEqual(state);
  });
});
