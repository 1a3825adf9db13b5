/**
 * The editor's own HTML buttons, so undo, redo and zoom have real, keyboard-reachable controls. They
 * sit above the blocks: Blockly's own zoom buttons would be drawn over the blocks.
 */

/** The toolbar's buttons, to enable and disable as the undo stacks change. */
export interface EditorToolbar {
  readonly element: HTMLElement;
  readonly undo: HTMLButtonElement;
  readonly redo: HTMLButtonElement;
  readonly zoomToFit: HTMLButtonElement;
  readonly zoomIn: HTMLButtonElement;
  readonly zoomOut: HTMLButtonElement;
}

/** What the toolbar's buttons do. */
export interface EditorToolbarActions {
  readonly undo: () => void;
  readonly redo: () => void;
  readonly zoomToFit: () => void;
  /** `1` zooms in a step, `-1` out. */
  readonly zoom: (direction: 1 | -1) => void;
}

function button(doc: Document, label: string, hint: string, shortcut: string | null, onClick: () => void) {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.title = hint;
  if (shortcut) element.setAttribute('aria-keyshortcuts', shortcut);
  element.addEventListener('click', onClick);
  return element;
}

/** Builds the toolbar (Undo, Redo, Zoom to fit, Zoom in, Zoom out) with DOM APIs; the caller places it. */
export function createEditorToolbar(doc: Document, actions: EditorToolbarActions): EditorToolbar {
  const element = doc.createElement('div');
  element.className = 'convblocks-editor__toolbar';
  element.setAttribute('role', 'toolbar');
  element.setAttribute('aria-label', 'Block editor');
  const undo = button(doc, 'Undo', 'Undo the last change', 'Control+Z', actions.undo);
  const redo = button(doc, 'Redo', 'Redo the change you undid', 'Control+Shift+Z', actions.redo);
  const zoomToFit = button(doc, 'Zoom to fit', 'Show every block at once', null, actions.zoomToFit);
  // Short visible labels, full accessible names: the toolbar must fit a phone's width on one row.
  const zoomIn = button(doc, '+', 'Zoom in', null, () => actions.zoom(1));
  zoomIn.setAttribute('aria-label', 'Zoom in');
  const zoomOut = button(doc, '−', 'Zoom out', null, () => actions.zoom(-1));
  zoomOut.setAttribute('aria-label', 'Zoom out');
  element.append(undo, redo, zoomToFit, zoomOut, zoomIn);
  return { element, undo, redo, zoomToFit, zoomIn, zoomOut };
}
