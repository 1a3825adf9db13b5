import * as Blockly from 'blockly/core';
import type { LayerSpec } from '../spec';
import { annotateWorkspace } from './annotate';
import { mountCodeView } from './code-view';
import { type CompileContext, type CompileResult, compileWorkspace } from './compile';
import { createEditorToolbar } from './editor-toolbar';
import { registerBlocks } from './register';
import { convBlocksTheme } from './theme';
import { maxInstancesFor, toolboxFor } from './toolbox';
import {
  layersToWorkspaceState,
  saveWorkspaceState,
  validateWorkspaceState,
  type WorkspaceState,
} from './workspace-state';

/** Where the app's build serves Blockly's media (cursors, icons), next to the page: never the internet. */
export const BLOCKLY_MEDIA_PATH = './blockly-media/';

/**
 * How the workspace is shown. A wide editor starts a little under full size and shrinks a big network
 * to fit; a phone-sized one keeps blocks at full size (touch targets of 48 px, 16 px text), scrolls
 * instead of shrinking, and puts the toolbox in a row on top so the network gets the whole width.
 */
interface Fit {
  readonly start: number;
  readonly min: number;
  readonly max: number;
  readonly horizontal: boolean;
}
const WIDE: Fit = { start: 0.9, min: 0.4, max: 2, horizontal: false };
const NARROW: Fit = { start: 1, min: 1, max: 2, horizontal: true };

/** The share of a fitted view the blocks take, leaving room for the scrollbars. */
const FIT_MARGIN = 0.92;

/** Below this width (in CSS pixels) the editor is laid out for a phone. */
const NARROW_WIDTH = 400;

/** How to mount the block editor. */
export interface BlockEditorOptions {
  /** The level's input shape, classes and limits. */
  readonly context: CompileContext;
  /** The network to start from: a level's starter, or a saved or shared network. */
  readonly layers?: readonly LayerSpec[];
  /** A saved workspace (with loose blocks and positions); used instead of `layers` when given. */
  readonly state?: unknown;
  /** Called after every edit (and once at the start) with the compiled network. */
  readonly onChange?: (result: CompileResult) => void;
  /** Where Blockly's media is served; defaults to BLOCKLY_MEDIA_PATH. */
  readonly media?: string;
  /** Whether the Code view under the blocks starts open (default) or folded to its bar. */
  readonly codeOpen?: boolean;
}

/** A mounted block editor. */
export interface BlockEditor {
  readonly workspace: Blockly.WorkspaceSvg;
  /** The latest compile result: layers, shapes, problems and why Train is disabled. */
  result(): CompileResult;
  /** The layers stacked in the Network block now. */
  getLayers(): readonly LayerSpec[];
  /** Shows `layers`; throws a SpecError, leaving the editor untouched, when they cannot be shown. */
  setLayers(layers: readonly LayerSpec[]): void;
  /** The workspace as JSON, to save after each change. */
  getState(): WorkspaceState;
  /** Shows a saved workspace; throws a SpecError, leaving the editor untouched, when it is invalid. */
  setState(state: unknown): void;
  undo(): void;
  redo(): void;
  zoomToFit(): void;
  /** Removes the editor and everything it added to the page. */
  dispose(): void;
}

/** The editor's outer box and the box Blockly is injected into, sized to fill the container. */
function editorFrame(doc: Document): { root: HTMLElement; host: HTMLElement } {
  const root = doc.createElement('div');
  root.className = 'convblocks-editor';
  Object.assign(root.style, { display: 'flex', flexDirection: 'column', height: '100%' });
  const host = doc.createElement('div');
  host.className = 'convblocks-editor__workspace';
  Object.assign(host.style, { flex: '1 1 auto', minHeight: '320px', position: 'relative' });
  return { root, host };
}

/** Injects a Blockly workspace with the level's toolbox and limits into `host`. */
function injectWorkspace(
  host: HTMLElement,
  context: CompileContext,
  media: string,
  fit: Fit,
): Blockly.WorkspaceSvg {
  return Blockly.inject(host, {
    toolbox: toolboxFor(context.limits, context.classes.length),
    theme: convBlocksTheme(),
    renderer: 'zelos',
    media,
    sounds: false,
    // Blocks dropped back on the toolbox are deleted; a trashcan would only cover the network's blocks.
    trashcan: false,
    comments: false,
    disable: false,
    collapse: false,
    maxInstances: maxInstancesFor(context.limits),
    horizontalLayout: fit.horizontal,
    move: { scrollbars: true, drag: true, wheel: false },
    // The toolbar's HTML buttons zoom: Blockly's own would be drawn over the blocks.
    zoom: {
      controls: false,
      wheel: true,
      pinch: true,
      startScale: fit.start,
      minScale: fit.min,
      maxScale: fit.max,
    },
    grid: { spacing: 24, length: 2, colour: '#d5dade', snap: true },
  });
}

/**
 * Fits a big network on screen but never blows a small one up past the starting scale, nor shrinks
 * one below the smallest readable scale; a network still too big then shows from its top left.
 */
function showAll(workspace: Blockly.WorkspaceSvg, fit: Fit): void {
  workspace.zoomToFit();
  // zoomToFit goes from edge to edge, under the scrollbars: leave a margin around the blocks.
  const scale = Math.min(Math.max(workspace.scale * FIT_MARGIN, fit.min), fit.start);
  workspace.setScale(scale);
  const top = workspace.getTopBlocks(true)[0];
  if (scale > fit.min && !fit.horizontal) workspace.scrollCenter();
  else if (top) workspace.scrollBoundsIntoView(top.getBoundingRectangle());
}

/**
 * Injects the block editor into `container`, with its toolbar, and keeps every block annotated with
 * its shape and parameters after each edit. The starting network is validated before anything is
 * injected: a bad one throws a SpecError.
 */
export function mountBlockEditor(container: HTMLElement, options: BlockEditorOptions): BlockEditor {
  registerBlocks();
  const { context } = options;
  const initial = validateWorkspaceState(options.state ?? layersToWorkspaceState(options.layers ?? []));
  const doc = container.ownerDocument;

  const { root, host } = editorFrame(doc);
  const toolbar = createEditorToolbar(doc, {
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    zoomToFit: () => editor.zoomToFit(),
    zoom: (direction) => workspace.zoomCenter(direction),
  });
  root.append(toolbar.element, host);
  container.append(root);

  // Measured once, at mount: the layout is chosen for the screen the level opens on.
  const fit = host.clientWidth > 0 && host.clientWidth < NARROW_WIDTH ? NARROW : WIDE;
  const workspace = injectWorkspace(host, context, options.media ?? BLOCKLY_MEDIA_PATH, fit);

  let latest: CompileResult = compileWorkspace(workspace, context);
  const refresh = () => {
    latest = compileWorkspace(workspace, context);
    annotateWorkspace(workspace, latest, context, { dragging: workspace.isDragging() });
    toolbar.undo.disabled = workspace.getUndoStack().length === 0;
    toolbar.redo.disabled = workspace.getRedoStack().length === 0;
    options.onChange?.(latest);
  };

  // Blockly fires a burst of events per edit; one recompile after the burst is enough.
  let queued = false;
  let disposed = false;
  const onEvent = (event: Blockly.Events.Abstract) => {
    if (event.isUiEvent || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!disposed) refresh();
    });
  };

  const show = (state: WorkspaceState, recordUndo: boolean) => {
    Blockly.serialization.workspaces.load(state, workspace, { recordUndo });
    // The starting network is where the player begins, not a step they can undo.
    if (!recordUndo) workspace.clearUndo();
    refresh();
    // Blocks are drawn on the next frame; their sizes are known only then.
    void Blockly.renderManagement.finishQueuedRenders().then(() => {
      if (!disposed) showAll(workspace, fit);
    });
  };

  show(initial, false);
  workspace.addChangeListener(onEvent);
  const codeView = mountCodeView(root, workspace, context, { open: options.codeOpen ?? true });

  // The page may still be settling when the blocks are first fitted (a header wraps, a panel folds):
  // until the player touches the blocks, a resized editor fits them again.
  let untouched = true;
  const touched = () => {
    untouched = false;
  };
  host.addEventListener('pointerdown', touched, { capture: true, once: true });
  host.addEventListener('wheel', touched, { capture: true, once: true, passive: true });
  const resize =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          Blockly.svgResize(workspace);
          if (untouched && !disposed) showAll(workspace, fit);
        });
  resize?.observe(host);

  const editor: BlockEditor = {
    workspace,
    result: () => latest,
    getLayers: () => compileWorkspace(workspace, context).layers,
    setLayers: (layers) => show(validateWorkspaceState(layersToWorkspaceState(layers)), true),
    getState: () => saveWorkspaceState(workspace),
    setState: (state) => show(validateWorkspaceState(state), true),
    undo: () => workspace.undo(false),
    redo: () => workspace.undo(true),
    zoomToFit: () => workspace.zoomToFit(),
    dispose: () => {
      disposed = true;
      resize?.disconnect();
      workspace.removeChangeListener(onEvent);
      codeView.dispose();
      workspace.dispose();
      root.remove();
    },
  };
  return editor;
}
