/** What every part of the editor gets from the editor screen. */
import type { EditorDraft } from './draft';

/** Reads and changes the draft; every change goes through `update`, which also saves. */
export interface DraftAccess {
  draft(): EditorDraft;
  update(change: (draft: EditorDraft) => EditorDraft): void;
  announce(message: string): void;
}

/** One tab of the editor. */
export interface EditorPanel {
  readonly element: HTMLElement;
  /** The draft changed (here or elsewhere): show what changed. */
  refresh?(): void;
  dispose?(): void;
}
