/**
 * Imports a PNG or JPEG file as an editor picture in bounded time: the file is checked from its
 * first bytes, then decoded already scaled down by the browser (createImageBitmap with a resize),
 * with a time limit, and averaged into a picture of the level's size, centred.
 */
import {
  checkImageHeader,
  fitInSquare,
  IMAGE_LIMITS,
  ImageImportError,
  pictureFromSamples,
  samplesPerPixel,
} from './image-file';
import type { Channels, EditorPicture } from './picture';

/** One file's outcome: its picture, or the sentence saying why it was refused. */
export type ImportOutcome =
  | { readonly name: string; readonly picture: EditorPicture }
  | { readonly name: string; readonly error: string };

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImageImportError(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function canvasContext(
  width: number,
  height: number,
): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height).getContext('2d');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d');
}

/** Reads one image file as a picture of `side` x `side` pixels; throws an ImageImportError for the teacher. */
export async function importImageFile(
  file: Blob & { readonly name: string },
  side: number,
  channels: Channels,
  decodeMs: number = IMAGE_LIMITS.decodeMs,
): Promise<EditorPicture> {
  const header = new Uint8Array(await file.slice(0, IMAGE_LIMITS.headerBytes).arrayBuffer());
  const { width, height } = checkImageHeader(file.name, file.size, header);
  const fit = fitInSquare(width, height, side);
  const k = samplesPerPixel(side);
  const [sampleWidth, sampleHeight] = [fit.width * k, fit.height * k];
  let bitmap: ImageBitmap;
  try {
    // Nearest-pixel sampling, then our own mean per pixel: the browser's smoothing blurs big reductions.
    bitmap = await withTimeout(
      createImageBitmap(file, {
        resizeWidth: sampleWidth,
        resizeHeight: sampleHeight,
        resizeQuality: 'pixelated',
      }),
      decodeMs,
      `"${file.name}" took too long to read (more than ${decodeMs / 1000} s): try a smaller picture.`,
    );
  } catch (error) {
    if (error instanceof ImageImportError) throw error;
    throw new ImageImportError(`"${file.name}" could not be read as a picture: it may be damaged.`);
  }
  try {
    return pictureFromDrawable(bitmap, fit, k, side, channels, file.name);
  } finally {
    bitmap.close();
  }
}

/**
 * The picture of a decoded image or a video frame, already `fit` into a `side` x `side` square:
 * drawn at `k` samples per pixel and averaged (see pictureFromSamples). `name` names it in errors.
 */
export function pictureFromDrawable(
  source: CanvasImageSource,
  fit: { width: number; height: number; x: number; y: number },
  k: number,
  side: number,
  channels: Channels,
  name: string,
): EditorPicture {
  const [sampleWidth, sampleHeight] = [fit.width * k, fit.height * k];
  const context = canvasContext(sampleWidth, sampleHeight);
  if (!context) throw new ImageImportError(`"${name}" could not be drawn: this browser gave no canvas.`);
  // Nearest samples: our own mean per pixel does the averaging, whatever the browser's smoothing.
  context.imageSmoothingEnabled = false;
  context.clearRect(0, 0, sampleWidth, sampleHeight);
  context.drawImage(source, 0, 0, sampleWidth, sampleHeight);
  const samples = context.getImageData(0, 0, sampleWidth, sampleHeight).data;
  return pictureFromSamples(samples, fit, k, side, channels);
}

/** Imports files one after another, so a batch of big ones never decodes all at once. */
export async function importImageFiles(
  files: readonly (Blob & { readonly name: string })[],
  side: number,
  channels: Channels,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    try {
      outcomes.push({ name: file.name, picture: await importImageFile(file, side, channels) });
    } catch (error) {
      const message =
        error instanceof ImageImportError
          ? error.message
          : `"${file.name}" could not be imported: ${String(error)}`;
      outcomes.push({ name: file.name, error: message });
    }
  }
  return outcomes;
}
