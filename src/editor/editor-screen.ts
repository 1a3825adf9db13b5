/**
 * The teacher's level editor screen: a header with saving and trying, and four tabs (the level,
 * its pictures, its rules, checking and sharing). The draft lives in memory; it is saved to the
 * player's store whenever it parses as a level, half a second after the last change.
 */

import { type LevelSpec, SpecError } from '../spec';
import { NEW_LEVEL_DRAFT, type PlayerStore } from '../storage';
import { type AppContext, button, editorHash, el, levelHash, type Screen } from '../ui';
import { buildLevel, levelToDraft, newLevelId } from './build-level';
import { checkDraft } from './check';
import { checkPanel } from './check-panel';
import { type EditorDraft, isReady, newDraft } from './draft';
import { draftFromJson, draftToJson } from './draft-json';
import { levelForm } from './level-form';
import type { DraftAccess, EditorPanel } from './panel';
import { picturesPanel } from './pictures-panel';
import { rulesForm } from './rules-form';
import './editor.css';

/** How long after the last change the draft is saved. */
export const EDITOR_SAVE_DELAY_MS = 500;

type TabName = 'level' | 'pictures' | 'rules' | 'check';

const TABS: readonly { name: TabName; label: string }[] = [
  { name: 'level', label: '1. Level' },
  { name: 'pictures', label: '2. Pictures' },
  { name: 'rules', label: '3. Rules' },
  { name: 'check', label: '4. Check and share' },
];

function missingLevel(root: HTMLElement, context: AppContext<PlayerStore>, message: string): Screen {
  root.replaceChildren(
    el(
      'main',
      { class: 'level-editor' },
      el('h1', {}, 'Level editor'),
      el('p', { role: 'alert' }, message),
      button('Make a new level', () => context.navigate('#/editor')),
      button('Back to map', () => context.navigate('#/')),
    ),
  );
  context.announce(message);
  return { dispose() {} };
}

/**
 * The unfinished draft to show instead of the saved level (or instead of a new one): kept only when
 * it is newer than the saved level and reads back as a draft of this level.
 */
function restoredDraft(
  store: PlayerStore,
  levelId: string | undefined,
  savedAt: string,
): { draft?: EditorDraft; message?: string } {
  const kept = store.levelDraft(levelId ?? NEW_LEVEL_DRAFT);
  if (!kept || kept.savedAt <= savedAt) return {};
  try {
    const draft = draftFromJson(kept.draft);
    if (draft.id !== levelId) return {};
    return {
      draft,
      message: `Your unfinished changes${draft.title.trim() ? ` to "${draft.title.trim()}"` : ''} are back.`,
    };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { message: `Your unfinished level could not be brought back (${error.message}).` };
  }
}

/** Shows the level editor for a new level, or for the saved level `levelId`. */
export async function showLevelEditor(
  root: HTMLElement,
  context: AppContext<PlayerStore>,
  levelId?: string,
): Promise<Screen> {
  const { store } = context;
  let draft: EditorDraft = newDraft();
  let savedAt = '';
  if (levelId !== undefined) {
    const saved = store.customLevels().find((c) => c.level.id === levelId);
    if (!saved) return missingLevel(root, context, `There is no level "${levelId}" among your levels.`);
    try {
      draft = levelToDraft(saved.level);
      savedAt = saved.savedAt;
    } catch (error) {
      return missingLevel(
        root,
        context,
        `"${saved.level.title}" cannot be edited here: ${(error as Error).message}`,
      );
    }
  }
  // Changes that did not make a complete level yet were kept as a draft: they come back.
  const unfinished = restoredDraft(store, levelId, savedAt);
  if (unfinished.draft) draft = unfinished.draft;

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let panel: EditorPanel | null = null;
  let tab: TabName = 'level';
  let deleting = false;

  const heading = el('h1', {});
  const saveStatus = el('p', { class: 'editor-save-status' });
  const readiness = el('p', { class: 'editor-header-readiness' });

  const showHeader = () => {
    heading.textContent = draft.title.trim()
      ? `Level editor: ${draft.title.trim()}`
      : 'Level editor: a new level';
    const ready = isReady(draft);
    readiness.textContent = ready
      ? 'Ready to share: a network has won it.'
      : 'Not ready: no network has won it yet.';
    readiness.classList.toggle('editor-ready', ready);
  };

  /** Why the draft cannot be saved yet, in one sentence. */
  const unsaveableReason = (d: EditorDraft, fallback: string): string => {
    const problem = checkDraft(d).find(
      (f) => f.level === 'problem' && !f.text.startsWith('No network has won'),
    );
    return problem?.text ?? fallback;
  };

  const saveNow = async (): Promise<LevelSpec | null> => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const d = draft;
    const taken = (id: string) => store.customLevels().some((c) => c.level.id === id);
    const id = d.id ?? newLevelId(d.title, new Date(), taken);
    const built = buildLevel(d, id);
    if ('error' in built) {
      await keepUnfinished(d);
      saveStatus.textContent = `Unfinished, kept in this browser: ${unsaveableReason(d, built.error.message)}`;
      return null;
    }
    await store.saveCustomLevel(built.level);
    await store.deleteLevelDraft(d.id ?? NEW_LEVEL_DRAFT);
    if (d.id === undefined) {
      draft = { ...draft, id };
      // Reloading the page now reopens this level rather than an empty editor.
      history.replaceState(null, '', editorHash(id));
    }
    saveStatus.textContent = `Saved in this browser${isReady(d) ? '' : ' (not ready to share yet)'}.`;
    return built.level;
  };

  const keepUnfinished = async (d: EditorDraft) => {
    try {
      await store.saveLevelDraft(d.id ?? NEW_LEVEL_DRAFT, draftToJson(d));
    } catch (error) {
      // The draft is still on screen; say why it is not kept rather than fail the edit.
      if (!(error instanceof SpecError)) throw error;
      context.announce(`Your unfinished level could not be kept: ${error.message}`);
    }
  };

  const access: DraftAccess = {
    draft: () => draft,
    update(change) {
      draft = change(draft);
      showHeader();
      saveStatus.textContent = 'Saving...';
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void saveNow(), EDITOR_SAVE_DELAY_MS);
    },
    announce: (message) => context.announce(message),
  };

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
    if (name === 'level') panel = levelForm(access);
    else if (name === 'pictures') panel = picturesPanel(access);
    else if (name === 'rules') panel = rulesForm(access);
    else
      panel = checkPanel({ ...access, saveNow, pageAddress: () => `${location.origin}${location.pathname}` });
    panelHost.replaceChildren(panel.element);
  };

  const tryIt = async () => {
    const level = await saveNow();
    if (!level) {
      context.announce(`The level cannot be played yet: ${unsaveableReason(draft, 'it is not complete')}`);
      return;
    }
    await store.flush();
    context.navigate(levelHash(level.id));
  };

  const deleteButton = button('Delete level', () => void deleteLevel(), { class: 'editor-delete' });
  const deleteLevel = async () => {
    const name = draft.title.trim() ? `"${draft.title.trim()}"` : 'this unfinished level';
    if (!deleting) {
      deleting = true;
      deleteButton.textContent = 'Press again to delete';
      context.announce(`Press "Delete level" again to delete ${name} from this browser.`);
      return;
    }
    clearTimeout(saveTimer);
    saveTimer = undefined;
    await store.deleteLevelDraft(draft.id ?? NEW_LEVEL_DRAFT);
    if (draft.id !== undefined) await store.deleteCustomLevel(draft.id);
    context.announce(`${name.charAt(0).toUpperCase()}${name.slice(1)} was deleted.`);
    context.navigate('#/');
  };
  deleteButton.addEventListener('blur', () => {
    deleting = false;
    deleteButton.textContent = 'Delete level';
  });

  const header = el(
    'header',
    { class: 'editor-header' },
    button('Back to map', () => context.navigate('#/'), { class: 'back' }),
    heading,
    el(
      'div',
      { class: 'editor-header-actions' },
      button('Save', () => {
        void saveNow().then((level) => context.announce(saveStatus.textContent ?? (level ? 'Saved.' : '')));
      }),
      button('Try it', () => void tryIt(), { class: 'primary' }),
      deleteButton,
    ),
    el('div', { class: 'editor-header-status' }, readiness, saveStatus),
  );
  root.replaceChildren(el('main', { class: 'level-editor' }, header, tabList, panelHost));
  showHeader();
  saveStatus.textContent = unfinished.draft
    ? 'Your unfinished changes are back.'
    : draft.id === undefined
      ? 'Not saved yet.'
      : 'Saved in this browser.';
  showTab('level');
  context.announce(
    unfinished.message ??
      (draft.id === undefined ? 'Level editor: a new level.' : `Level editor: ${draft.title}.`),
  );
  return {
    dispose() {
      // A change still waiting to be saved is saved on the way out.
      if (saveTimer !== undefined) void saveNow();
      panel?.dispose?.();
      panel = null;
    },
  };
}
