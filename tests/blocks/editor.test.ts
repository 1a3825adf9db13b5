// @vitest-environment jsdom
import * as Blockly from 'blockly/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BLOCK_COLOURS, type BlockEditor, type CompileResult, mountBlockEditor } from '../../src/blocks';
import { SpecError } from '../../src/spec';
import { stackedBlocks, xVsO, xVsONetwork } from './helpers';

let container: HTMLElement;
let editor: BlockEditor | null = null;
let results: CompileResult[];
let nextResult: (() => void) | null = null;

function mount(): BlockEditor {
  results = [];
  editor = mountBlockEditor(container, {
    context: xVsO,
    layers: xVsONetwork,
    onChange: (result) => {
      results.push(result);
      nextResult?.();
    },
  });
  return editor;
}

const buttonNamed = (name: string) =>
  [...container.querySelectorAll('button')].find((button) => button.textContent === name);

/**
 * Waits for Blockly to deliver its queued change events (it fires them from a timer) and the
 * editor to recompile: the next compiled result, however long a busy machine takes to bring it.
 */
function eventsDelivered(): Promise<void> {
  return new Promise((resolve) => {
    nextResult = () => {
      nextResult = null;
      resolve();
    };
  });
}

beforeEach(() => {
  // jsdom draws no text; Blockly only needs a width for each label.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => ({ measureText: (text: string) => ({ width: text.length * 7 }) }) as unknown as null,
  );
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  editor?.dispose();
  editor = null;
  nextResult = null;
  container.remove();
  vi.restoreAllMocks();
});

describe('mountBlockEditor', () => {
  it('shows the starting network', () => {
    expect(mount().getLayers()).toEqual(xVsONetwork);
  });

  it('reports the compiled starting network once mounted', () => {
    mount();
    expect(results.at(-1)?.shapes.totalParams).toBe(86);
  });

  it('annotates the visible blocks', () => {
    const { workspace } = mount();
    expect(stackedBlocks(workspace)[2]?.getFieldValue('INFO')).toBe('→ 4x4x2 · 0 params');
  });

  it.each([0, 1, 2, 3, 4])('draws block %i in the colour of its kind', (index) => {
    const block = stackedBlocks(mount().workspace)[index];
    const kind = xVsONetwork[index]?.type ?? 'network';
    expect(block?.getColour()).toBe(BLOCK_COLOURS[kind]);
  });

  it('draws the Network block in its own colour', () => {
    const network = mount().workspace.getTopBlocks(false)[0];
    expect(network?.getColour()).toBe(BLOCK_COLOURS.network);
  });

  it.each(['Undo', 'Redo', 'Zoom to fit'])('has a real %s button', (name) => {
    mount();
    expect(buttonNamed(name)?.type).toBe('button');
  });

  it('starts with nothing to undo', () => {
    mount();
    expect(buttonNamed('Undo')?.disabled).toBe(true);
  });

  it('recompiles after an edit and blocks Train with the reason', async () => {
    const { workspace } = mount();
    stackedBlocks(workspace)[4]?.setFieldValue(3, 'UNITS');
    await eventsDelivered();
    expect(results.at(-1)?.blocker).toContain('give it 2');
  });

  it('marks the offending visible block with a warning', async () => {
    const { workspace } = mount();
    const dense = stackedBlocks(workspace)[4] as Blockly.BlockSvg;
    dense.setFieldValue(3, 'UNITS');
    await eventsDelivered();
    expect(dense.hasIcon(Blockly.icons.IconType.WARNING)).toBe(true);
  });

  it('undoes an edit from the Undo button', async () => {
    const { workspace } = mount();
    stackedBlocks(workspace)[0]?.setFieldValue(5, 'FILTERS');
    await eventsDelivered();
    buttonNamed('Undo')?.click();
    await eventsDelivered();
    expect(editor?.getLayers()[0]).toMatchObject({ filters: 2 });
  });

  it('redoes an undone edit from the Redo button', async () => {
    const { workspace } = mount();
    stackedBlocks(workspace)[0]?.setFieldValue(5, 'FILTERS');
    await eventsDelivered();
    editor?.undo();
    await eventsDelivered();
    buttonNamed('Redo')?.click();
    await eventsDelivered();
    expect(editor?.getLayers()[0]).toMatchObject({ filters: 5 });
  });

  it('shows new layers from setLayers', () => {
    mount().setLayers([{ type: 'flatten' }, { type: 'dense', units: 2 }]);
    expect(editor?.getLayers()).toEqual([{ type: 'flatten' }, { type: 'dense', units: 2 }]);
  });

  it('refuses bad layers from setLayers without touching the workspace', () => {
    const mounted = mount();
    const before = mounted.getState();
    expect(() => mounted.setLayers([{ type: 'dense', units: 0 }])).toThrow(SpecError);
    expect(mounted.getState()).toEqual(before);
  });

  it('refuses a bad saved workspace from setState without touching the workspace', () => {
    const mounted = mount();
    const before = mounted.getState();
    const bad = {
      blocks: { languageVersion: 0, blocks: [{ type: 'convblocks_network' }, { type: 'nope' }] },
    };
    expect(() => mounted.setState(bad)).toThrow(SpecError);
    expect(mounted.getState()).toEqual(before);
  });

  it('brings back a saved workspace from setState', () => {
    const mounted = mount();
    const saved = mounted.getState();
    mounted.setLayers([{ type: 'flatten' }, { type: 'dense', units: 2 }]);
    mounted.setState(saved);
    expect(mounted.getLayers()).toEqual(xVsONetwork);
  });

  it('refuses a bad starting workspace before adding anything to the page', () => {
    expect(() => mountBlockEditor(container, { context: xVsO, state: { blocks: {} } })).toThrow(SpecError);
    expect(container.childElementCount).toBe(0);
  });

  it('removes everything it added on dispose', () => {
    mount().dispose();
    editor = null;
    expect(container.childElementCount).toBe(0);
  });
});
