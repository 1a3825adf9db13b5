/**
 * The camera panel of the Pictures tab: the camera's own picture, beside it the picture the level
 * would get (its size, its colours), and a shutter per class that adds the frame on show to that
 * class. The camera is stopped when the panel closes, whichever way it closes.
 */

import { button, el } from '../ui';
import { type CameraDevices, CameraError, framePicture, startCamera, stopStream } from './camera';
import type { PictureSet } from './draft';
import { paintPicture } from './paint';
import type { DraftAccess } from './panel';
import type { EditorPicture } from './picture';

const PREVIEW_PX = 192;
const SET_WORDS: Record<PictureSet, string> = { train: 'training pictures', test: 'hidden test pictures' };

/** What the camera panel needs from the tab. */
export interface CameraPanelOptions {
  readonly access: DraftAccess;
  /** The set a shutter adds to. */
  readonly set: () => PictureSet;
  /** Adds a taken picture to a class. */
  readonly capture: (classIndex: number, picture: EditorPicture) => void;
  /** Called once the panel has closed (and the camera is off). */
  readonly onClose: () => void;
  /** Where the camera comes from: the browser's by default. */
  readonly devices?: CameraDevices | undefined;
}

/** The open camera panel. */
export interface CameraPanel {
  readonly element: HTMLElement;
  /** Classes or the set changed: redraws the shutters. */
  refresh(): void;
  /** Stops the camera and removes the panel. */
  close(): void;
}

function describeLevel(access: DraftAccess): string {
  const d = access.draft();
  return `What the level gets: ${d.side}x${d.side} pixels, ${d.channels === 1 ? 'grey' : 'colour'}, a blank pixel counting as ${d.blank}.`;
}

/** Opens the camera panel and asks for the camera. */
// Long: the panel's parts share the stream's state (started, closed, the frame loop), kept in one closure.
export function openCameraPanel(options: CameraPanelOptions): CameraPanel {
  const { access } = options;
  const video = el('video', {
    class: 'editor-camera-video',
    muted: '',
    playsinline: '',
    'aria-hidden': 'true',
  });
  video.muted = true;
  const preview = el('canvas', { class: 'editor-camera-preview', role: 'img' });
  const caption = el('p', { class: 'editor-hint' });
  const status = el('p', { class: 'editor-camera-status', role: 'status' }, 'Asking for the camera...');
  const shutters = el('div', { class: 'editor-camera-shutters', role: 'group', 'aria-label': 'Shutters' });
  let stream: MediaStream | null = null;
  let closed = false;
  let loop = 0;
  let showing = false;

  const drawPreview = () => {
    loop = requestAnimationFrame(drawPreview);
    const d = access.draft();
    const picture = framePicture(video, d.side, d.channels);
    if (!picture) return;
    const cell = Math.max(1, Math.floor(PREVIEW_PX / d.side));
    if (preview.width !== cell * d.side) [preview.width, preview.height] = [cell * d.side, cell * d.side];
    const context = preview.getContext('2d');
    if (context) paintPicture(context, picture, cell, false);
    if (!showing) {
      showing = true;
      status.textContent = "The camera is on. Press a class's shutter to add the picture the level gets.";
    }
  };

  const take = (classIndex: number) => {
    const d = access.draft();
    const picture = framePicture(video, d.side, d.channels);
    if (!picture) {
      access.announce('The camera has not shown a picture yet: wait a moment and press again.');
      return;
    }
    options.capture(classIndex, picture);
  };

  const refresh = () => {
    const d = access.draft();
    const where = SET_WORDS[options.set()];
    caption.textContent = describeLevel(access);
    preview.setAttribute('aria-label', `Camera picture at ${d.side}x${d.side} pixels`);
    const focused = shutters.contains(document.activeElement) ? document.activeElement?.id : undefined;
    shutters.replaceChildren(
      ...d.classes.map((c, i) => {
        const b = button(`Take a picture of "${c.name}"`, () => take(i), {
          'aria-label': `Take a picture of "${c.name}" (${where})`,
          id: `editor-shutter-${i}`,
          class: 'editor-shutter',
        });
        b.disabled = stream === null;
        return b;
      }),
    );
    if (focused) document.getElementById(focused)?.focus();
  };

  const close = () => {
    if (closed) return;
    closed = true;
    cancelAnimationFrame(loop);
    if (stream) stopStream(stream);
    stream = null;
    video.srcObject = null;
    element.remove();
    options.onClose();
  };

  const element = el(
    'section',
    { class: 'editor-camera', 'aria-label': 'Camera' },
    el('h3', {}, 'Camera'),
    status,
    el('div', { class: 'editor-camera-views' }, video, el('figure', {}, preview, caption)),
    shutters,
    el('p', { class: 'editor-hint' }, 'Keys 1 to 9 take a picture of that class; Escape closes the camera.'),
    button('Close camera', close, { class: 'editor-camera-close' }),
  );
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      return;
    }
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
    if (digit >= 0 && digit < access.draft().classes.length && stream) {
      event.preventDefault();
      take(digit);
    }
  });

  startCamera(options.devices ?? navigator.mediaDevices).then(
    (started) => {
      // The panel may have closed while the browser was asking: the camera goes off at once.
      if (closed) return stopStream(started);
      stream = started;
      video.srcObject = started;
      video.play().catch(() => {
        // Closing while it starts interrupts play(); nothing is left to show then.
      });
      refresh();
      drawPreview();
    },
    (error: unknown) => {
      if (closed) return;
      status.textContent = error instanceof CameraError ? error.message : String(error);
      status.setAttribute('role', 'alert');
      status.classList.add('editor-import-error');
      access.announce(status.textContent);
    },
  );
  refresh();
  return { element, refresh, close };
}
