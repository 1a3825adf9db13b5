/**
 * What the parts of the Pictures tab share: the chosen picture, the drawing settings, and the edits
 * that change the chosen picture's set and then choose again.
 */

import { type EditorDraft, type PictureSet, updatePictures } from './draft';
import type { DraftAccess } from './panel';
import type { EditorPicture } from './picture';
import type { Tool } from './pixel-grid';

/** Which picture is chosen. */
export interface Selection {
  readonly classIndex: number;
  readonly set: PictureSet;
  readonly index: number;
}

/** The Pictures tab's state, read and changed by its parts; only `setSelection` redraws. */
export interface PicturesContext {
  readonly access: DraftAccess;
  selection: Selection | null;
  tool: Tool;
  penColour: string;
  /** Seed of the next batch of noisy copies, so each batch differs and a replay gives the same. */
  noiseSeed: number;
  /** Chooses a picture (or none) and redraws the tab. */
  readonly setSelection: (next: Selection | null) => void;
}

const SET_WORDS: Record<PictureSet, string> = { train: 'Training picture', test: 'Test picture' };

/** The picture's name for people: 'Training picture 2 of "cat"'. */
export function pictureName(draft: EditorDraft, s: Selection): string {
  return `${SET_WORDS[s.set]} ${s.index + 1} of "${draft.classes[s.classIndex]?.name ?? ''}"`;
}

/** The chosen picture, if the selection still points at one. */
export function selected(draft: EditorDraft, s: Selection | null): EditorPicture | undefined {
  return s ? draft.classes[s.classIndex]?.[s.set][s.index] : undefined;
}

/** Changes the chosen picture's set with `change`, then chooses `choose` (an index in that set). */
export function changeSet(
  ctx: PicturesContext,
  s: Selection,
  change: (pictures: readonly EditorPicture[]) => readonly EditorPicture[],
  choose: number | null,
): void {
  ctx.access.update((d) => updatePictures(d, s.classIndex, s.set, change));
  ctx.setSelection(choose === null ? null : { ...s, index: choose });
}

/** Replaces the chosen picture with `transform` of it. */
export function replaceChosen(ctx: PicturesContext, transform: (p: EditorPicture) => EditorPicture): void {
  const s = ctx.selection;
  if (!s) return;
  changeSet(ctx, s, (pictures) => pictures.map((p, i) => (i === s.index ? transform(p) : p)), s.index);
}

/** Inserts `make` of the chosen picture right after it and chooses the first one; `what` names them. */
export function insertAfterChosen(
  ctx: PicturesContext,
  make: (p: EditorPicture) => EditorPicture[],
  what: string,
): void {
  const s = ctx.selection;
  const picture = selected(ctx.access.draft(), s);
  if (!s || !picture) return;
  const copies = make(picture);
  if (copies.length === 0) {
    ctx.access.announce(`No ${what}: every one would lose ink at the edge or equal the original.`);
    return;
  }
  changeSet(
    ctx,
    s,
    (pictures) => [...pictures.slice(0, s.index + 1), ...copies, ...pictures.slice(s.index + 1)],
    s.index + 1,
  );
  ctx.access.announce(`Added ${copies.length} ${what} after ${pictureName(ctx.access.draft(), s)}.`);
}

/** Deletes the chosen picture and chooses its neighbour, if its set keeps one. */
export function deleteChosen(ctx: PicturesContext, s: Selection): void {
  const { access } = ctx;
  const name = pictureName(access.draft(), s);
  const left = (access.draft().classes[s.classIndex]?.[s.set].length ?? 1) - 1;
  changeSet(
    ctx,
    s,
    (pictures) => pictures.filter((_, i) => i !== s.index),
    left > 0 ? Math.min(s.index, left - 1) : null,
  );
  access.announce(`${name} deleted.`);
}

/** Moves the chosen picture to the end of its class's other set and keeps it chosen there. */
export function moveChosen(ctx: PicturesContext, s: Selection): void {
  const { access } = ctx;
  const picture = selected(access.draft(), s);
  if (!picture) return;
  const other: PictureSet = s.set === 'train' ? 'test' : 'train';
  const name = pictureName(access.draft(), s);
  access.update((d) => {
    const removed = updatePictures(d, s.classIndex, s.set, (ps) => ps.filter((_, i) => i !== s.index));
    return updatePictures(removed, s.classIndex, other, (ps) => [...ps, picture]);
  });
  const index = (access.draft().classes[s.classIndex]?.[other].length ?? 1) - 1;
  ctx.setSelection({ classIndex: s.classIndex, set: other, index });
  access.announce(`${name} is now ${pictureName(access.draft(), { ...s, set: other, index })}.`);
}
