/** The editor's tab strip (arrow keys move between tabs) and the panel of the tab shown. */

import { button, el } from '../ui';
import type { EditorPanel } from './panel';

/** The editor's tabs. */
export type TabName = 'level' | 'pictures' | 'rules' | 'check';

const TABS: readonly { name: TabName; label: string }[] = [
  { name: 'level', label: '1. Level' },
  { name: 'pictures', label: '2. Pictures' },
  { name: 'rules', label: '3. Rules' },
  { name: 'check', label: '4. Check and share' },
];

/** The tab strip and the panel under it. */
export interface EditorTabs {
  readonly tabList: HTMLElement;
  readonly panelHost: HTMLElement;
  /** Disposes the panel shown and shows `name`'s panel, made anew. */
  showTab(name: TabName): void;
  /** Disposes the panel shown. */
  dispose(): void;
}

/** Builds the tabs; `makePanel` makes a tab's panel each time it is shown. */
export function mountEditorTabs(makePanel: (name: TabName) => EditorPanel): EditorTabs {
  let panel: EditorPanel | null = null;
  let tab: TabName = 'level';
  const panelHost = el('div', { class: 'editor-tabpanel', role: 'tabpanel', id: 'editor-tabpanel' });
  const tabButtons = TABS.map((t) =>
    button(t.label, () => showTab(t.name), {
      role: 'tab',
      id: `editor-tab-${t.name}`,
      'aria-controls': panelHost.id,
      class: 'editor-tab',
    }),
  );
  const tabList = el(
    'div',
    { class: 'editor-tabs', role: 'tablist', 'aria-label': 'Level editor steps' },
    ...tabButtons,
  );
  tabList.addEventListener('keydown', (event) => {
    const at = TABS.findIndex((t) => t.name === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(at + step + TABS.length) % TABS.length];
    if (!next) return;
    event.preventDefault();
    showTab(next.name);
    tabButtons[TABS.indexOf(next)]?.focus();
  });

  const showTab = (name: TabName) => {
    panel?.dispose?.();
    tab = name;
    tabButtons.forEach((b, i) => {
      const selected = TABS[i]?.name === name;
      b.setAttribute('aria-selected', String(selected));
      b.tabIndex = selected ? 0 : -1;
    });
    panelHost.setAttribute('aria-labelledby', `editor-tab-${name}`);
    panel = makePanel(name);
    panelHost.replaceChildren(panel.element);
  };

  return {
    tabList,
    panelHost,
    showTab,
    dispose() {
      panel?.dispose?.();
      panel = null;
    },
  };
}
