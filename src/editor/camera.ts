/**
 * The camera as a source of pictures: asking for it, saying in words why it cannot be had, turning
 * the frame on show into a picture of the level's size and colours (the conversion image import
 * uses), and stopping it so no camera is left on.
 */
import { fitInSquare, samplesPerPixel } from './image-file';
import { pictureFromDrawable } from './image-import';
import type { Channels, EditorPicture } from './picture';

/** A refusal to start the camera, with a sentence for the teacher. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
}

/** The part of `navigator.mediaDevices` the camera needs (absent on pages not served securely). */
export interface CameraDevices {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

/** The sentence for the teacher when the browser did not give the camera. */
export function cameraErrorMessage(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera was refused. Allow this page to use the camera in the browser (the camera icon beside the address), then press "Camera" again.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found. Plug one in, or import pictures from files or a folder instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera could not be started: another program may be using it. Close that program, then press "Camera" again.';
    default:
      return `The camera could not be started (${error instanceof Error ? error.message || name : String(error)}).`;
  }
}

/** Asks for the camera; rejects with a CameraError that says why there is none. */
export async function startCamera(devices: CameraDevices | undefined): Promise<MediaStream> {
  if (!devices || typeof devices.getUserMedia !== 'function') {
    throw new CameraError(
      'This browser gives no camera to this page: a camera needs a page opened over https (or on this computer).',
    );
  }
  try {
    // A small frame is plenty for pictures of at most 64x64, and cheaper to draw many times a second.
    return await devices.getUserMedia({
      video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
      audio: false,
    });
  } catch (error) {
    throw new CameraError(cameraErrorMessage(error));
  }
}

/** Turns the camera off: every track stops, so the browser's camera light goes out. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** The video's current frame as a picture of `side` pixels, or null while it shows no frame yet. */
export function framePicture(
  video: HTMLVideoElement,
  side: number,
  channels: Channels,
): EditorPicture | null {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
  const fit = fitInSquare(width, height, side);
  return pictureFromDrawable(video, fit, samplesPerPixel(side), side, channels, 'The camera picture');
}
