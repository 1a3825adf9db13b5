/**
 * The bar at the top of the Pictures tab for pictures from elsewhere: the camera, and (see
 * folder-import) a folder or zip whose sub-folders name the classes. Both add to the set chosen here.
 */

import { button, el } from '../ui';
import { type CameraPanel, openCameraPanel } from './camera-panel';
import { type PictureSet, updatePictures } from './draft';
import { radioGroup } from './fields';
import type { EditorPicture } from './picture';
import type { PicturesContext } from './picture-choice';

const SET_LABELS: Record<PictureSet, string> = { train: 'Training pictures', test: 'Hidden test pictures' };

/** The bar, with a way to redraw it and to close the camera. */
export interface PictureSources {
  readonly element: HTMLElement;
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

/** Builds the bar; `extra` are further controls (the folder and zip import). */
export function pictureSources(ctx: PicturesContext, extra: readonly HTMLElement[] = []): PictureSources {
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
    el('div', { class: 'editor-sources-row' }, setChoice, cameraButton, ...extra),
    cameraHost,
  );
  return {
    element,
    refresh: () => camera?.refresh(),
    dispose: () => {
      disposing = true;
      camera?.close();
    },
  };
}
