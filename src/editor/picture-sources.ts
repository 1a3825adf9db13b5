/**
 * The bar at the top of the Pictures tab for pictures from elsewhere: the camera, and (see
 * folder-import) a folder or zip whose sub-folders name the classes. Both add to the set chosen here.
 */

import { button, el } from '../ui';
import { type CameraPanel, openCameraPanel } from './camera-panel';
import { type PictureSet, updatePictures } from './draft';
import { radioGroup } from './fields';
import { type FolderSource, folderFromInput, folderFromZip, MOST_FILES } from './folder-entries';
import { type FolderImportTarget, importFolder } from './folder-import';
import type { EditorPicture } from './picture';
import type { PicturesContext } from './picture-choice';

const SET_LABELS: Record<PictureSet, string> = { train: 'Training pictures', test: 'Hidden test pictures' };

/** The bar, with a way to redraw it and to close the camera. */
export interface PictureSources {
  readonly element: HTMLElement;
  /** The set chosen for new pictures. */
  set(): PictureSet;
  /** The draft changed: the camera's shutters follow its classes. */
  refresh(): void;
  /** Closes the camera, if it is open (the tab closes). */
  dispose(): void;
}

/** Adds a camera picture to the end of a class's set and chooses it. */
function addTaken(ctx: PicturesContext, classIndex: number, set: PictureSet, picture: EditorPicture): void {
  const { access } = ctx;
  access.update((d) => updatePictures(d, classIndex, set, (ps) => [...ps, picture]));
  const d = access.draft();
  const index = (d.classes[classIndex]?.[set].length ?? 1) - 1;
  ctx.setSelection({ classIndex, set, index });
  access.announce(
    `Took ${SET_LABELS[set].toLowerCase().replace(/s$/, '')} ${index + 1} of "${d.classes[classIndex]?.name ?? ''}".`,
  );
}

/** A hidden file input and the button that opens it; what is picked goes to `take`. */
function picker(
  label: string,
  attributes: Record<string, string>,
  take: (files: File[]) => void,
): HTMLElement[] {
  const input = el('input', {
    type: 'file',
    hidden: '',
    'aria-hidden': 'true',
    tabindex: '-1',
    ...attributes,
  });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length > 0) take(files);
  });
  return [button(label, () => input.click()), input];
}

/** "Import a folder..." and "Import a zip...", each with its hidden picker. */
function folderButtons(target: FolderImportTarget, set: () => PictureSet): HTMLElement[] {
  const run = (found: () => Promise<FolderSource>) => {
    void importFolder(target, found(), set());
  };
  return [
    ...picker('Import a folder...', { webkitdirectory: '', multiple: '' }, (files) =>
      run(async () => folderFromInput(files)),
    ),
    ...picker('Import a zip...', { accept: '.zip,application/zip' }, ([zip]) => {
      if (zip) run(() => folderFromZip(zip));
    }),
  ];
}

/** Builds the bar; `folder` is where folder and zip imports report. */
export function pictureSources(ctx: PicturesContext, folder: FolderImportTarget): PictureSources {
  let set: PictureSet = 'train';
  let camera: CameraPanel | null = null;
  let disposing = false;
  const cameraHost = el('div', { class: 'editor-camera-host' });
  const setChoice = radioGroup<PictureSet>(
    'New pictures go to',
    [
      { value: 'train', label: SET_LABELS.train },
      { value: 'test', label: SET_LABELS.test },
    ],
    set,
    (value) => {
      set = value;
      camera?.refresh();
    },
  );
  const cameraButton = button('Camera', () => {
    if (camera) {
      camera.element.querySelector<HTMLElement>('.editor-shutter, .editor-camera-close')?.focus();
      return;
    }
    camera = openCameraPanel({
      access: ctx.access,
      set: () => set,
      capture: (classIndex, picture) => addTaken(ctx, classIndex, set, picture),
      onClose: () => {
        camera = null;
        cameraButton.setAttribute('aria-expanded', 'false');
        // Closed by the teacher: focus goes back where it came from; closed with the tab, it stays put.
        if (!disposing) cameraButton.focus();
      },
    });
    cameraButton.setAttribute('aria-expanded', 'true');
    cameraHost.replaceChildren(camera.element);
    camera.element.querySelector<HTMLElement>('.editor-camera-close')?.focus();
  });
  cameraButton.setAttribute('aria-expanded', 'false');
  const element = el(
    'div',
    { class: 'editor-picture-sources' },
    el('div', { class: 'editor-sources-row' }, setChoice, cameraButton, ...folderButtons(folder, () => set)),
    el(
      'p',
      { class: 'editor-hint' },
      `A folder or zip of PNG or JPEG pictures (up to ${MOST_FILES} files): each sub-folder names a class (cats/1.png, dogs/2.jpg); train/ and test/ folders above them choose the set. Folders and zips can be dropped here too.`,
    ),
    cameraHost,
  );
  return {
    element,
    set: () => set,
    refresh: () => camera?.refresh(),
    dispose: () => {
      disposing = true;
      camera?.close();
    },
  };
}
