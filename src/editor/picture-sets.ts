/**
 * The left column of the Pictures tab: for each class its training and hidden test pictures as
 * thumbnails, each set a drop zone with "New picture" and "Import images...".
 */

import { button, el } from '../ui';
import { type EditorDraft, type PictureSet, updatePictures } from './draft';
import { importImageFiles } from './image-import';
import { thumbnailCanvas } from './paint';
import { blankPicture, type EditorPicture, reshapePicture } from './picture';
import { type PicturesContext, pictureName, type Selection } from './picture-choice';

const SET_TITLES: Record<PictureSet, string> = { train: 'Training pictures', test: 'Hidden test pictures' };
const THUMB_PX = 56;

/** What the set zones need beside the tab's state. */
export interface SetsContext {
  readonly tab: PicturesContext;
  /** Thumbnails drawn before, kept while their picture is unchanged. */
  readonly canvases: WeakMap<EditorPicture, HTMLCanvasElement>;
  /** Where import progress and refused files are listed. */
  readonly messages: HTMLElement;
  /** Moves focus to the drawing grid. */
  readonly focusGrid: () => void;
  /** Imports a dropped folder or zip (sub-folders name the classes); false when the drop is neither. */
  readonly dropFolder: (transfer: DataTransfer) => boolean;
}

/** Imports PNG or JPEG files into a class's set, then chooses the last one and says what happened. */
async function importInto(sets: SetsContext, classIndex: number, set: PictureSet, files: readonly File[]) {
  if (files.length === 0) return;
  const { access } = sets.tab;
  const d = access.draft();
  const className = d.classes[classIndex]?.name ?? '';
  sets.messages.replaceChildren(
    el('p', {}, `Importing ${files.length} file${files.length === 1 ? '' : 's'}...`),
  );
  const outcomes = await importImageFiles(files, d.side, d.channels);
  const pictures = outcomes.flatMap((o) => ('picture' in o ? [o.picture] : []));
  const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
  if (pictures.length > 0) {
    const now = access.draft();
    const fitted = pictures.map((p) => reshapePicture(p, now.side, now.channels));
    access.update((draft) => updatePictures(draft, classIndex, set, (ps) => [...ps, ...fitted]));
    const count = now.classes[classIndex]?.[set].length ?? 0;
    sets.tab.setSelection({ classIndex, set, index: count + fitted.length - 1 });
  }
  const done =
    pictures.length > 0
      ? `Imported ${pictures.length} picture${pictures.length === 1 ? '' : 's'} into "${className}" (${SET_TITLES[set].toLowerCase()}).`
      : 'No picture was imported.';
  sets.messages.replaceChildren(
    el('p', {}, done),
    ...errors.map((e) => el('p', { class: 'editor-import-error' }, e)),
  );
  access.announce([done, ...errors].join(' '));
}

/** One thumbnail button; `used` keeps one canvas from showing in two places. */
function thumbnail(
  sets: SetsContext,
  draft: EditorDraft,
  s: Selection,
  picture: EditorPicture,
  used: Set<HTMLCanvasElement>,
): HTMLElement {
  let canvas = sets.canvases.get(picture);
  if (!canvas || used.has(canvas)) {
    canvas = thumbnailCanvas(picture, THUMB_PX);
    sets.canvases.set(picture, canvas);
  }
  used.add(canvas);
  canvas.setAttribute('aria-hidden', 'true');
  const chosen = sets.tab.selection;
  const isChosen = chosen?.classIndex === s.classIndex && chosen.set === s.set && chosen.index === s.index;
  const b = button(String(s.index + 1), () => sets.tab.setSelection(s), {
    class: 'editor-thumb',
    'aria-label': pictureName(draft, s),
    'aria-pressed': String(isChosen),
    'data-focus-key': `thumb-${s.classIndex}-${s.set}-${s.index}`,
  });
  b.prepend(canvas);
  return el('li', {}, b);
}

/** A hidden file picker that imports what is picked into a class's set. */
function filePicker(sets: SetsContext, classIndex: number, set: PictureSet): HTMLInputElement {
  const picker = el('input', {
    type: 'file',
    accept: 'image/png,image/jpeg',
    multiple: '',
    hidden: '',
    'aria-hidden': 'true',
    tabindex: '-1',
  });
  picker.addEventListener('change', () => {
    void importInto(sets, classIndex, set, [...(picker.files ?? [])]);
  });
  return picker;
}

/** "New picture" and "Import images..." for a class's set. */
function setActions(
  sets: SetsContext,
  draft: EditorDraft,
  classIndex: number,
  set: PictureSet,
  count: number,
): HTMLElement {
  const { access } = sets.tab;
  const picker = filePicker(sets, classIndex, set);
  const where = `"${draft.classes[classIndex]?.name ?? ''}" ${SET_TITLES[set].toLowerCase()}`;
  return el(
    'div',
    { class: 'editor-set-actions' },
    button(
      'New picture',
      () => {
        access.update((d) =>
          updatePictures(d, classIndex, set, (ps) => [...ps, blankPicture(d.side, d.channels)]),
        );
        sets.tab.setSelection({ classIndex, set, index: count });
        sets.focusGrid();
      },
      { 'aria-label': `New picture in ${where}`, 'data-focus-key': `new-${classIndex}-${set}` },
    ),
    button('Import images...', () => picker.click(), {
      'aria-label': `Import PNG or JPEG images into ${where}`,
      'data-focus-key': `import-${classIndex}-${set}`,
    }),
    picker,
  );
}

/** Makes `zone` take dropped image files into a class's set. */
function acceptDrops(sets: SetsContext, zone: HTMLElement, classIndex: number, set: PictureSet): void {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('editor-set-dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('editor-set-dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    zone.classList.remove('editor-set-dragging');
    // A folder or zip goes by its sub-folders' names, wherever it is dropped.
    if (event.dataTransfer && sets.dropFolder(event.dataTransfer)) return;
    void importInto(sets, classIndex, set, [...(event.dataTransfer?.files ?? [])]);
  });
}

/** One set of one class: its thumbnails, its buttons, and a drop zone for image files. */
export function setBlock(
  sets: SetsContext,
  draft: EditorDraft,
  classIndex: number,
  set: PictureSet,
  used: Set<HTMLCanvasElement>,
): HTMLElement {
  const pictures = draft.classes[classIndex]?.[set] ?? [];
  const zone = el(
    'div',
    { class: 'editor-set', 'data-class': String(classIndex), 'data-set': set },
    el('h4', {}, `${SET_TITLES[set]} (${pictures.length})`),
    pictures.length
      ? el(
          'ul',
          { class: 'editor-thumbs' },
          ...pictures.map((p, index) => thumbnail(sets, draft, { classIndex, set, index }, p, used)),
        )
      : el('p', { class: 'editor-empty' }, 'None yet.'),
    setActions(sets, draft, classIndex, set, pictures.length),
    el('p', { class: 'editor-hint' }, 'Or drop PNG or JPEG files here.'),
  );
  acceptDrops(sets, zone, classIndex, set);
  return zone;
}
