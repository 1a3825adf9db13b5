/**
 * The "Pictures" tab: a thumbnail grid per class (training and hidden test pictures), the drawing
 * grid for the chosen picture with its tools and transforms, and importing PNG or JPEG files
 * (picked or dropped).
 */

import { seededRandom } from '../spec';
import { button, el } from '../ui';
import { type EditorDraft, type PictureSet, updatePictures } from './draft';
import { radioGroup } from './fields';
import { importImageFiles } from './image-import';
import { thumbnailCanvas } from './paint';
import type { DraftAccess, EditorPanel } from './panel';
import { blankPicture, type EditorPicture, reshapePicture } from './picture';
import { mountPixelGrid, type Tool } from './pixel-grid';
import {
  flipPicture,
  type Ink,
  noiseFlips,
  noisyVariants,
  rotatePicture,
  shiftedVariants,
  shiftPicture,
} from './transforms';

/** Which picture is chosen. */
interface Selection {
  readonly classIndex: number;
  readonly set: PictureSet;
  readonly index: number;
}

const SET_TITLES: Record<PictureSet, string> = { train: 'Training pictures', test: 'Hidden test pictures' };
const SET_WORDS: Record<PictureSet, string> = { train: 'Training picture', test: 'Test picture' };
const THUMB_PX = 56;
const NOISY_COPIES = 4;

/** The picture's name for people: 'Training picture 2 of "cat"'. */
export function pictureName(draft: EditorDraft, s: Selection): string {
  return `${SET_WORDS[s.set]} ${s.index + 1} of "${draft.classes[s.classIndex]?.name ?? ''}"`;
}

function selected(draft: EditorDraft, s: Selection | null): EditorPicture | undefined {
  return s ? draft.classes[s.classIndex]?.[s.set][s.index] : undefined;
}

function hexToInk(hex: string): Ink {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => v / 255);
}

/** Builds the Pictures tab. */
export function picturesPanel(access: DraftAccess): EditorPanel {
  let selection: Selection | null = null;
  let tool: Tool = 'pen';
  let penColour = '#ffffff';
  let noiseSeed = 1;
  const canvases = new WeakMap<EditorPicture, HTMLCanvasElement>();

  const classesColumn = el('div', { class: 'editor-picture-classes' });
  const messages = el('div', { class: 'editor-import-messages', role: 'alert' });
  const heading = el('h3', { class: 'editor-picture-title' });
  const aside = el('section', { class: 'editor-picture-editor', 'aria-label': 'Chosen picture' });

  const setSelection = (next: Selection | null) => {
    selection = next;
    refresh();
  };

  /** Changes the chosen picture's set with `change`, then chooses `choose` (an index in that set). */
  const changeSet = (
    s: Selection,
    change: (pictures: readonly EditorPicture[]) => readonly EditorPicture[],
    choose: number | null,
  ) => {
    access.update((d) => updatePictures(d, s.classIndex, s.set, change));
    setSelection(choose === null ? null : { ...s, index: choose });
  };

  const replaceChosen = (transform: (p: EditorPicture) => EditorPicture) => {
    const s = selection;
    if (!s) return;
    changeSet(s, (pictures) => pictures.map((p, i) => (i === s.index ? transform(p) : p)), s.index);
  };

  const insertAfterChosen = (make: (p: EditorPicture) => EditorPicture[], what: string) => {
    const s = selection;
    const picture = selected(access.draft(), s);
    if (!s || !picture) return;
    const copies = make(picture);
    if (copies.length === 0) {
      access.announce(`No ${what}: every one would lose ink at the edge or equal the original.`);
      return;
    }
    changeSet(
      s,
      (pictures) => [...pictures.slice(0, s.index + 1), ...copies, ...pictures.slice(s.index + 1)],
      s.index + 1,
    );
    access.announce(`Added ${copies.length} ${what} after ${pictureName(access.draft(), s)}.`);
  };

  const grid = mountPixelGrid(blankPicture(access.draft().side, access.draft().channels), {
    label: 'No picture chosen',
    tool: () => tool,
    ink: () => (access.draft().channels === 1 ? [1] : hexToInk(penColour)),
    onChange: (picture) => replaceChosen(() => picture),
  });

  const actions = (): HTMLElement => {
    const s = selection;
    const other: PictureSet = s?.set === 'train' ? 'test' : 'train';
    const group = (label: string, ...buttons: HTMLButtonElement[]) =>
      el('div', { class: 'editor-action-group', role: 'group', 'aria-label': label }, ...buttons);
    return el(
      'div',
      { class: 'editor-picture-actions' },
      group(
        'Picture',
        button('Clear', () => replaceChosen((p) => blankPicture(p.side, p.channels))),
        button('Duplicate', () => insertAfterChosen((p) => [{ ...p, values: p.values.slice() }], 'copy')),
        button('Delete', () => {
          if (!s) return;
          const name = pictureName(access.draft(), s);
          const left = (access.draft().classes[s.classIndex]?.[s.set].length ?? 1) - 1;
          changeSet(
            s,
            (pictures) => pictures.filter((_, i) => i !== s.index),
            left > 0 ? Math.min(s.index, left - 1) : null,
          );
          access.announce(`${name} deleted.`);
        }),
        button(s?.set === 'train' ? 'Move to test pictures' : 'Move to training pictures', () => {
          const picture = selected(access.draft(), s);
          if (!s || !picture) return;
          const name = pictureName(access.draft(), s);
          access.update((d) => {
            const removed = updatePictures(d, s.classIndex, s.set, (ps) =>
              ps.filter((_, i) => i !== s.index),
            );
            return updatePictures(removed, s.classIndex, other, (ps) => [...ps, picture]);
          });
          const index = (access.draft().classes[s.classIndex]?.[other].length ?? 1) - 1;
          setSelection({ classIndex: s.classIndex, set: other, index });
          access.announce(`${name} is now ${pictureName(access.draft(), { ...s, set: other, index })}.`);
        }),
      ),
      group(
        'Shift',
        button('Shift left', () => replaceChosen((p) => shiftPicture(p, -1, 0))),
        button('Shift right', () => replaceChosen((p) => shiftPicture(p, 1, 0))),
        button('Shift up', () => replaceChosen((p) => shiftPicture(p, 0, -1))),
        button('Shift down', () => replaceChosen((p) => shiftPicture(p, 0, 1))),
      ),
      group(
        'Turn and mirror',
        button('Rotate anticlockwise', () => replaceChosen((p) => rotatePicture(p, 'anticlockwise'))),
        button('Rotate clockwise', () => replaceChosen((p) => rotatePicture(p, 'clockwise'))),
        button('Flip left to right', () => replaceChosen((p) => flipPicture(p, 'horizontal'))),
        button('Flip top to bottom', () => replaceChosen((p) => flipPicture(p, 'vertical'))),
      ),
      group(
        'Variants',
        button('Add shifted copies', () => insertAfterChosen(shiftedVariants, 'shifted copies')),
        button(`Add ${NOISY_COPIES} noisy copies`, () =>
          insertAfterChosen(
            (p) => noisyVariants(p, NOISY_COPIES, noiseFlips(p.side), seededRandom(noiseSeed++)),
            'noisy copies',
          ),
        ),
      ),
    );
  };

  const toolbar = (): HTMLElement => {
    const tools = radioGroup<Tool>(
      'Tool',
      [
        { value: 'pen', label: 'Pen' },
        { value: 'eraser', label: 'Eraser' },
        { value: 'fill', label: 'Fill' },
      ],
      tool,
      (t) => {
        tool = t;
      },
    );
    if (access.draft().channels === 1) return el('div', { class: 'editor-tools' }, tools);
    const colour = el('input', { type: 'color', id: 'editor-pen-colour', value: penColour });
    colour.addEventListener('input', () => {
      penColour = colour.value;
    });
    return el(
      'div',
      { class: 'editor-tools' },
      tools,
      el('span', { class: 'editor-pen-colour' }, el('label', { for: colour.id }, 'Pen colour'), colour),
    );
  };

  const importInto = async (classIndex: number, set: PictureSet, files: readonly File[]) => {
    if (files.length === 0) return;
    const d = access.draft();
    const className = d.classes[classIndex]?.name ?? '';
    messages.replaceChildren(
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
      setSelection({ classIndex, set, index: count + fitted.length - 1 });
    }
    const done =
      pictures.length > 0
        ? `Imported ${pictures.length} picture${pictures.length === 1 ? '' : 's'} into "${className}" (${SET_TITLES[set].toLowerCase()}).`
        : 'No picture was imported.';
    messages.replaceChildren(
      el('p', {}, done),
      ...errors.map((e) => el('p', { class: 'editor-import-error' }, e)),
    );
    access.announce([done, ...errors].join(' '));
  };

  const thumbnail = (
    draft: EditorDraft,
    s: Selection,
    picture: EditorPicture,
    used: Set<HTMLCanvasElement>,
  ) => {
    let canvas = canvases.get(picture);
    if (!canvas || used.has(canvas)) {
      canvas = thumbnailCanvas(picture, THUMB_PX);
      canvases.set(picture, canvas);
    }
    used.add(canvas);
    canvas.setAttribute('aria-hidden', 'true');
    const chosen =
      selection?.classIndex === s.classIndex && selection.set === s.set && selection.index === s.index;
    const b = button(String(s.index + 1), () => setSelection(s), {
      class: 'editor-thumb',
      'aria-label': pictureName(draft, s),
      'aria-pressed': String(chosen),
      'data-focus-key': `thumb-${s.classIndex}-${s.set}-${s.index}`,
    });
    b.prepend(canvas);
    return el('li', {}, b);
  };

  const setBlock = (
    draft: EditorDraft,
    classIndex: number,
    set: PictureSet,
    used: Set<HTMLCanvasElement>,
  ) => {
    const c = draft.classes[classIndex];
    const pictures = c?.[set] ?? [];
    const picker = el('input', {
      type: 'file',
      accept: 'image/png,image/jpeg',
      multiple: '',
      hidden: '',
      'aria-hidden': 'true',
      tabindex: '-1',
    });
    picker.addEventListener('change', () => {
      void importInto(classIndex, set, [...(picker.files ?? [])]);
    });
    const where = `"${c?.name ?? ''}" ${SET_TITLES[set].toLowerCase()}`;
    const zone = el(
      'div',
      { class: 'editor-set', 'data-class': String(classIndex), 'data-set': set },
      el('h4', {}, `${SET_TITLES[set]} (${pictures.length})`),
      pictures.length
        ? el(
            'ul',
            { class: 'editor-thumbs' },
            ...pictures.map((p, index) => thumbnail(draft, { classIndex, set, index }, p, used)),
          )
        : el('p', { class: 'editor-empty' }, 'None yet.'),
      el(
        'div',
        { class: 'editor-set-actions' },
        button(
          'New picture',
          () => {
            access.update((d) =>
              updatePictures(d, classIndex, set, (ps) => [...ps, blankPicture(d.side, d.channels)]),
            );
            setSelection({ classIndex, set, index: pictures.length });
            grid.element.querySelector('canvas')?.focus();
          },
          { 'aria-label': `New picture in ${where}`, 'data-focus-key': `new-${classIndex}-${set}` },
        ),
        button('Import images...', () => picker.click(), {
          'aria-label': `Import PNG or JPEG images into ${where}`,
          'data-focus-key': `import-${classIndex}-${set}`,
        }),
        picker,
      ),
      el('p', { class: 'editor-hint' }, 'Or drop PNG or JPEG files here.'),
    );
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('editor-set-dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('editor-set-dragging'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      event.stopPropagation();
      zone.classList.remove('editor-set-dragging');
      void importInto(classIndex, set, [...(event.dataTransfer?.files ?? [])]);
    });
    return zone;
  };

  const refresh = () => {
    const draft = access.draft();
    const focusKey = document.activeElement?.getAttribute('data-focus-key');
    const used = new Set<HTMLCanvasElement>();
    classesColumn.replaceChildren(
      ...draft.classes.map((c, i) =>
        el(
          'section',
          { class: 'editor-class-pictures', 'aria-label': `Class "${c.name}"` },
          el('h3', {}, `Class "${c.name}"`),
          setBlock(draft, i, 'train', used),
          setBlock(draft, i, 'test', used),
        ),
      ),
    );
    if (focusKey) classesColumn.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus();
    const picture = selected(draft, selection);
    if (!picture || !selection) {
      selection = null;
      heading.textContent = 'No picture chosen';
      aside.replaceChildren(
        heading,
        el('p', {}, 'Choose a picture on the left, or make a new one with "New picture".'),
      );
      return;
    }
    heading.textContent = pictureName(draft, selection);
    grid.show(picture, pictureName(draft, selection));
    if (!aside.contains(grid.element)) aside.replaceChildren(heading, toolbar(), grid.element, actions());
    else (aside.lastElementChild as HTMLElement).replaceWith(actions());
  };

  // Import messages come first, where they are seen whichever class a file was dropped on.
  const element = el(
    'div',
    { class: 'editor-pictures' },
    messages,
    el('div', { class: 'editor-pictures-main' }, classesColumn, aside),
  );
  // A file dropped beside the zones must not make the browser leave the page to show it.
  element.addEventListener('dragover', (event) => event.preventDefault());
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    access.announce("Drop pictures on a class's training or test pictures to import them.");
  });
  refresh();
  return { element, refresh };
}
