/**
 * Keeps the editor's draft: every change goes through it, and half a second after the last change it
 * is saved to the player's store as a level when it parses as one, or else kept as an unfinished
 * draft. It says how saving went in the editor header's save status line.
 */

import { type LevelSpec, SpecError } from '../spec';
import { levelIdTaken, NEW_LEVEL_DRAFT, type PlayerStore } from '../storage';
import { type AppContext, editorHash } from '../ui';
import { buildLevel, newLevelId } from './build-level';
import { checkDraft } from './check';
import { type EditorDraft, isReady } from './draft';
import { draftToJson } from './draft-json';
import type { DraftAccess } from './panel';

/** How long after the last change the draft is saved. */
export const EDITOR_SAVE_DELAY_MS = 500;

/** The draft, its saving, and the access the editor's tabs get to it. */
export interface DraftKeeper {
  /** What the tabs read and change the draft through. */
  readonly access: DraftAccess;
  /** Saves now (a save waiting is dropped); the level when the draft made one, else null. */
  saveNow(): Promise<LevelSpec | null>;
  /** Drops a save still waiting, when the draft is about to be deleted. */
  cancelSave(): void;
  /** True while a change waits to be saved. */
  pending(): boolean;
}

/** Why the draft cannot be saved yet, in one sentence. */
export function unsaveableReason(d: EditorDraft, fallback: string): string {
  const problem = checkDraft(d).find(
    (f) => f.level === 'problem' && !f.text.startsWith('No network has won'),
  );
  return problem?.text ?? fallback;
}

/** Keeps a draft that is not a level yet; a refusal is announced rather than failing the edit. */
async function keepUnfinished(store: PlayerStore, context: AppContext<PlayerStore>, d: EditorDraft) {
  try {
    await store.saveLevelDraft(d.id ?? NEW_LEVEL_DRAFT, draftToJson(d));
  } catch (error) {
    // The draft is still on screen; say why it is not kept rather than fail the edit.
    if (!(error instanceof SpecError)) throw error;
    context.announce(`Your unfinished level could not be kept: ${error.message}`);
  }
}

/**
 * After the level was saved: a network on the "Win it" workbench is kept with the draft (the level
 * document has no place for it), which then reopens in place of the saved level; else no draft is kept.
 */
async function afterLevelSaved(store: PlayerStore, d: EditorDraft, id: string): Promise<void> {
  await store.deleteLevelDraft(d.id ?? NEW_LEVEL_DRAFT);
  if (d.workbench !== undefined) await store.saveLevelDraft(id, draftToJson({ ...d, id }));
}

/**
 * Starts keeping `first`. `saveStatus` shows how saving went; `onChange` runs after every change
 * (the header redraws). `builtIn` says whether an id is a built-in level's: a new level never takes one.
 */
export function keepDraft(
  context: AppContext<PlayerStore>,
  first: EditorDraft,
  saveStatus: HTMLElement,
  onChange: () => void,
  builtIn: (id: string) => boolean = () => false,
): DraftKeeper {
  const { store } = context;
  let draft = first;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelSave = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
  };

  const saveNow = async (): Promise<LevelSpec | null> => {
    cancelSave();
    const d = draft;
    const id = d.id ?? newLevelId(d.title, new Date(), (i) => levelIdTaken(store, builtIn, i));
    const built = buildLevel(d, id);
    if ('error' in built) {
      await keepUnfinished(store, context, d);
      saveStatus.textContent = `Unfinished, kept in this browser: ${unsaveableReason(d, built.error.message)}`;
      return null;
    }
    await store.saveCustomLevel(built.level);
    await afterLevelSaved(store, d, id);
    if (d.id === undefined) {
      draft = { ...draft, id };
      // Reloading the page now reopens this level rather than an empty editor.
      history.replaceState(null, '', editorHash(id));
    }
    saveStatus.textContent = `Saved in this browser${isReady(d) ? '' : ' (not ready to share yet)'}.`;
    return built.level;
  };

  const access: DraftAccess = {
    draft: () => draft,
    update(change) {
      draft = change(draft);
      onChange();
      saveStatus.textContent = 'Saving...';
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void saveNow(), EDITOR_SAVE_DELAY_MS);
    },
    announce: (message) => context.announce(message),
  };

  return { access, saveNow, cancelSave, pending: () => saveTimer !== undefined };
}
