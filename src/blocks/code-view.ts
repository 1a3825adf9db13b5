/**
 * The Code view under the blocks, in the block editor's panel: the network as Keras, PyTorch or TensorFlow.js code, rewritten
 * after every edit, with the selected block's lines lit up and a Copy button. Text goes in through
 * textContent only: class names and everything else come from files anyone may have written.
 */
import * as Blockly from 'blockly/core';
import { networkCode } from './code/generators';
import { CODE_LANGUAGES, type CodeLanguage, LANGUAGE_LABELS } from './code/layer-code';
import { type CompileContext, compileWorkspace } from './compile';

/** A mounted Code view. */
export interface CodeView {
  readonly element: HTMLElement;
  /** The code shown now, one string per line. */
  text(): string;
  /** Removes the view and its listener. */
  dispose(): void;
}

const HIGHLIGHT = '#fff1a8';

function styled<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  style: Partial<CSSStyleDeclaration> = {},
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  Object.assign(element.style, style);
  return element;
}

const SMALL_BUTTON: Partial<CSSStyleDeclaration> = { fontSize: '0.85rem', padding: '0.15em 0.6em' };

/** Builds the view's elements: a bar (title, tabs, Hide, Copy, status) over the code itself, open or not. */
function buildElements(doc: Document, open: boolean) {
  // Under the workspace, taking what the workspace's minimum height leaves, scrolling inside.
  const root = styled(doc, 'section', 'convblocks-code', {
    flex: '0 1 40%',
    minHeight: '0',
    display: 'flex',
    flexDirection: 'column',
    marginTop: '0.3em',
  });
  root.setAttribute('aria-label', 'Code');
  const bar = styled(doc, 'div', 'convblocks-code__bar', {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0.3em',
    alignItems: 'center',
    marginBottom: '0.3em',
    flex: '0 0 auto',
  });
  const title = styled(doc, 'strong', 'convblocks-code__title');
  title.textContent = 'Code';
  const tabs = styled(doc, 'div', 'convblocks-code__tabs', {
    display: 'flex',
    gap: '0.3em',
    flexWrap: 'wrap',
  });
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', 'Language');
  const toggle = styled(doc, 'button', 'convblocks-code__toggle', { ...SMALL_BUTTON, marginLeft: 'auto' });
  toggle.title = 'Show or hide the code';
  toggle.type = 'button';
  const copy = styled(doc, 'button', 'convblocks-code__copy', SMALL_BUTTON);
  copy.type = 'button';
  copy.textContent = 'Copy';
  const status = styled(doc, 'span', 'convblocks-code__status', { fontSize: '0.85em' });
  status.setAttribute('role', 'status');
  const code = styled(doc, 'pre', 'convblocks-code__text', {
    margin: '0',
    flex: '1 1 auto',
    minHeight: '0',
    overflow: 'auto',
    fontSize: '12px',
    lineHeight: '1.45',
    background: '#f7f8fa',
    border: '1px solid #d5dade',
    borderRadius: '6px',
    padding: '0.3em 0',
  });
  code.setAttribute('role', 'tabpanel');
  code.setAttribute('aria-label', 'The network as code');
  code.tabIndex = 0;
  const show = (open: boolean) => {
    code.hidden = !open;
    root.style.flex = open ? '0 1 40%' : '0 0 auto';
    toggle.textContent = open ? 'Hide' : 'Show';
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => show(code.hidden === true));
  show(open);
  bar.append(title, tabs, status, toggle, copy);
  root.append(bar, code);
  return { root, tabs, copy, status, code };
}

/** One tab button per language, appended to `tabs`; `onPick` hears the language clicked. */
function addLanguageTabs(
  doc: Document,
  tabs: HTMLElement,
  onPick: (language: CodeLanguage) => void,
): HTMLButtonElement[] {
  return CODE_LANGUAGES.map((lang) => {
    const tab = doc.createElement('button');
    tab.type = 'button';
    tab.className = 'convblocks-code__tab';
    Object.assign(tab.style, SMALL_BUTTON);
    tab.setAttribute('role', 'tab');
    tab.textContent = LANGUAGE_LABELS[lang];
    tab.title =
      lang === 'tfjs' ? 'JavaScript with TensorFlow.js layers' : `Python with ${LANGUAGE_LABELS[lang]}`;
    tab.addEventListener('click', () => onPick(lang));
    tabs.append(tab);
    return tab;
  });
}

/** Copy puts the shown code on the clipboard and says on `status` whether the browser allowed it. */
function wireCopy(
  copy: HTMLButtonElement,
  status: HTMLElement,
  shown: () => { text: string; language: CodeLanguage },
): void {
  copy.addEventListener('click', () => {
    const { text, language } = shown();
    const clipboard = copy.ownerDocument.defaultView?.navigator.clipboard;
    if (!clipboard) {
      status.textContent = 'Copying is not available here: select the code instead';
      return;
    }
    clipboard.writeText(`${text}\n`).then(
      () => {
        status.textContent = `Copied the ${LANGUAGE_LABELS[language]} code`;
      },
      () => {
        status.textContent = 'The browser did not allow copying: select the code instead';
      },
    );
  });
}

/**
 * Scrolls `box` (and only it: scrollIntoView would scroll the page too, away from the blocks) just
 * enough to show `line`.
 */
function scrollWithin(box: HTMLElement, line: HTMLElement | null): void {
  if (!line || box.hidden) return;
  const outer = box.getBoundingClientRect();
  const inner = line.getBoundingClientRect();
  if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top;
  else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom;
}

/**
 * Mounts the Code view at the end of `container`, following `workspace`: rewritten after each edit
 * (once per burst of Blockly events), lit up where the selected block's code is.
 */
export function mountCodeView(
  container: HTMLElement,
  workspace: Blockly.WorkspaceSvg,
  context: CompileContext,
  options: { readonly open?: boolean } = {},
): CodeView {
  const doc = container.ownerDocument;
  const { root, tabs, copy, status, code } = buildElements(doc, options.open ?? true);
  let language: CodeLanguage = 'keras';
  let selected: string | null = null;
  let lines: readonly string[] = [];
  // Clicking a tab or Copy moves focus off the workspace, which deselects the block: keep its lines lit.
  let pointerInView = false;
  const onPointerDown = (event: PointerEvent) => {
    pointerInView = root.contains(event.target as Node);
  };
  doc.addEventListener('pointerdown', onPointerDown, true);

  const tabButtons = addLanguageTabs(doc, tabs, (lang) => {
    language = lang;
    render();
  });

  const highlight = () => {
    for (const line of Array.from(code.children) as HTMLElement[]) {
      const on = selected !== null && line.dataset.blockId === selected;
      line.classList.toggle('is-selected', on);
      line.style.background = on ? HIGHLIGHT : '';
    }
    scrollWithin(code, code.querySelector<HTMLElement>('.is-selected'));
  };

  function render() {
    const written = networkCode(workspace, language, context, compileWorkspace(workspace, context));
    lines = written.lines;
    code.replaceChildren(
      ...written.lines.map((text, i) => {
        const line = doc.createElement('div');
        line.className = 'convblocks-code__line';
        line.dataset.blockId = written.blockIds[i] ?? '';
        Object.assign(line.style, { whiteSpace: 'pre', padding: '0 0.6em', minHeight: '1.45em' });
        line.textContent = text;
        return line;
      }),
    );
    tabButtons.forEach((tab, i) => {
      const on = CODE_LANGUAGES[i] === language;
      tab.setAttribute('aria-selected', String(on));
      tab.style.fontWeight = on ? '700' : '400';
    });
    highlight();
  }

  wireCopy(copy, status, () => ({ text: lines.join('\n'), language }));

  // Blockly fires a burst of events per edit: one rewrite after the burst.
  let queued = false;
  let disposed = false;
  const onEvent = (event: Blockly.Events.Abstract) => {
    if (event.type === Blockly.Events.SELECTED) {
      const id = (event as Blockly.Events.Selected).newElementId ?? null;
      if (id === null && pointerInView) return;
      selected = id;
      highlight();
      return;
    }
    if (event.isUiEvent || queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!disposed) render();
    });
  };
  workspace.addChangeListener(onEvent);
  container.append(root);
  render();

  return {
    element: root,
    text: () => lines.join('\n'),
    dispose: () => {
      disposed = true;
      workspace.removeChangeListener(onEvent);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      root.remove();
    },
  };
}
