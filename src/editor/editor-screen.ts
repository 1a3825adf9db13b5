/**
 * The teacher's level editor screen: a header with saving and trying, and four tabs (the level,
 * its pictures, its rules, checking and sharing). The draft lives in memory; it is saved to the
 * player's store whenever it parses as a level, half a second after the last change.
 */

import { type LevelSpec, SpecError } from '../spec';
import { NEW_LEVEL_DRAFT, type PlayerStore } from '../storage';
import { type AppContext, button, el, levelHash, type Screen } from '../ui';
import { levelToDraft } from './build-level';
import { checkPanel } from './check-panel';
import { type EditorDraft, isReady, newDraft } from './draft';
import { draftFromJson } from './draft-json';
import { type DraftKeeper, keepDraft, unsaveableReason } from './draft-keeper';
import { mountEditorTabs, type TabName } from './editor-tabs';
import { levelForm } from './level-form';
import type { EditorPanel } from './panel';
import { picturesPanel } from './pictures-panel';
import { rulesForm } from './rules-form';
import './editor.css';

export { EDITOR_SAVE_DELAY_MS } from './draft-keeper';

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
  // A draft kept with the level's own save (its workbench network) carries the same stamp or a later one.
  if (!kept || kept.savedAt < savedAt) return {};
  try {
    const draft = draftFromJson(kept.draft);
    if (draft.id !== levelId) return {};
    return {
      draft,
      message: `Your unfinished changes${draft.title.trim() ? ` to "${draft.title.trim()}"` : ''}${draft.workbench ? ', with the network you built under "Win it",' : ''} are back.`,
    };
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { message: `Your unfinished level could not be brought back (${error.message}).` };
  }
}

/**
 * The draft to open: the saved level `levelId` (or a new one), replaced by unfinished changes kept
 * since; or, when the level is missing or cannot be edited here, the message saying so.
 */
function openDraft(
  store: PlayerStore,
  levelId: string | undefined,
): { draft: EditorDraft; unfinished: { draft?: EditorDraft; message?: string } } | { missing: string } {
  let draft: EditorDraft = newDraft();
  let savedAt = '';
  if (levelId !== undefined) {
    const saved = store.customLevels().find((c) => c.level.id === levelId);
    if (!saved) return { missing: `There is no level "${levelId}" among your levels.` };
    try {
      draft = levelToDraft(saved.level);
      savedAt = saved.savedAt;
    } catch (error) {
      return { missing: `"${saved.level.title}" cannot be edited here: ${(error as Error).message}` };
    }
  }
  // Changes that did not make a complete level yet were kept as a draft: they come back.
  const unfinished = restoredDraft(store, levelId, savedAt);
  return { draft: unfinished.draft ?? draft, unfinished };
}

/** Shows the draft's title and whether a network has won it. */
function showHeader(draft: EditorDraft, heading: HTMLElement, readiness: HTMLElement): void {
  heading.textContent = draft.title.trim()
    ? `Level editor: ${draft.title.trim()}`
    : 'Level editor: a new level';
  const ready = isReady(draft);
  readiness.textContent = ready
    ? 'Ready to share: a network has won it.'
    : 'Not ready: no network has won it yet.';
  readiness.classList.toggle('editor-ready', ready);
}

/** Makes the panel of a tab. */
function tabPanel(
  name: TabName,
  keeper: DraftKeeper,
  builtInLevels: () => Promise<readonly LevelSpec[]>,
): EditorPanel {
  const { access, saveNow } = keeper;
  if (name === 'level') return levelForm(access);
  if (name === 'pictures') return picturesPanel(access);
  if (name === 'rules') return rulesForm(access);
  const pageAddress = () => `${location.origin}${location.pathname}`;
  return checkPanel({ ...access, saveNow, pageAddress, builtInLevels });
}

/** Saves the level and plays it, or says why it cannot be played yet. */
async function tryIt(context: AppContext<PlayerStore>, keeper: DraftKeeper): Promise<void> {
  const level = await keeper.saveNow();
  if (!level) {
    const reason = unsaveableReason(keeper.access.draft(), 'it is not complete');
    context.announce(`The level cannot be played yet: ${reason}`);
    return;
  }
  await context.store.flush();
  context.navigate(levelHash(level.id));
}

/** "Delete level": a first press asks again, a second deletes the level and its draft. */
function deleteButton(context: AppContext<PlayerStore>, keeper: DraftKeeper): HTMLButtonElement {
  let deleting = false;
  const deleteLevel = async () => {
    const draft = keeper.access.draft();
    const name = draft.title.trim() ? `"${draft.title.trim()}"` : 'this unfinished level';
    if (!deleting) {
      deleting = true;
      b.textContent = 'Press again to delete';
      context.announce(`Press "Delete level" again to delete ${name} from this browser.`);
      return;
    }
    keeper.cancelSave();
    await context.store.deleteLevelDraft(draft.id ?? NEW_LEVEL_DRAFT);
    if (draft.id !== undefined) await context.store.deleteCustomLevel(draft.id);
    context.announce(`${name.charAt(0).toUpperCase()}${name.slice(1)} was deleted.`);
    context.navigate('#/');
  };
  const b = button('Delete level', () => void deleteLevel(), { class: 'editor-delete' });
  b.addEventListener('blur', () => {
    deleting = false;
    b.textContent = 'Delete level';
  });
  return b;
}

/** The header: back, the title, Save, Try it, Delete, and the readiness and save status lines. */
function editorHeader(
  context: AppContext<PlayerStore>,
  keeper: DraftKeeper,
  parts: { heading: HTMLElement; readiness: HTMLElement; saveStatus: HTMLElement },
): HTMLElement {
  return el(
    'header',
    { class: 'editor-header' },
    button('Back to map', () => context.navigate('#/'), { class: 'back' }),
    parts.heading,
    el(
      'div',
      { class: 'editor-header-actions' },
      button('Save', () => {
        void keeper
          .saveNow()
          .then((level) => context.announce(parts.saveStatus.textContent ?? (level ? 'Saved.' : '')));
      }),
      button('Try it', () => void tryIt(context, keeper), { class: 'primary' }),
      deleteButton(context, keeper),
    ),
    el('div', { class: 'editor-header-status' }, parts.readiness, parts.saveStatus),
  );
}

/**
 * Shows the level editor for a new level, or for the saved level `levelId`; `builtIn` says which ids
 * are built-in levels' (the app knows them), which a new level never takes; `builtInLevels` loads
 * them, for Suggest to try their reference networks.
 */
export async function showLevelEditor(
  root: HTMLElement,
  context: AppContext<PlayerStore>,
  levelId?: string,
  builtIn: (id: string) => boolean = () => false,
  builtInLevels: () => Promise<readonly LevelSpec[]> = async () => [],
): Promise<Screen> {
  const opened = openDraft(context.store, levelId);
  if ('missing' in opened) return missingLevel(root, context, opened.missing);
  const { unfinished } = opened;
  const heading = el('h1', {});
  const saveStatus = el('p', { class: 'editor-save-status' });
  const readiness = el('p', { class: 'editor-header-readiness' });
  const keeper = keepDraft(
    context,
    opened.draft,
    saveStatus,
    () => showHeader(keeper.access.draft(), heading, readiness),
    builtIn,
  );
  const tabs = mountEditorTabs((name) => tabPanel(name, keeper, builtInLevels));
  const header = editorHeader(context, keeper, { heading, readiness, saveStatus });
  root.replaceChildren(el('main', { class: 'level-editor' }, header, tabs.tabList, tabs.panelHost));
  const draft = keeper.access.draft();
  showHeader(draft, heading, readiness);
  saveStatus.textContent = unfinished.draft
    ? 'Your unfinished changes are back.'
    : draft.id === undefined
      ? 'Not saved yet.'
      : 'Saved in this browser.';
  tabs.showTab('level');
  context.announce(
    unfinished.message ??
      (draft.id === undefined ? 'Level editor: a new level.' : `Level editor: ${draft.title}.`),
  );
  return {
    dispose() {
      // A change still waiting to be saved is saved on the way out.
      if (keeper.pending()) void keeper.saveNow();
      tabs.dispose();
    },
  };
}
