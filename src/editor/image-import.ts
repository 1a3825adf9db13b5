/**
 * Imports a PNG or JPEG file as an editor picture in bounded time: the file is checked from its
 * first bytes, then decoded already scaled down by the browser (createImageBitmap with a resize),
 * with a time limit, and drawn centred into a square of the level's size.
 */
import { checkImageHeader, fitInSquare, IMAGE_LIMITS, ImageImportError, rgbaToPicture } from './image-file';
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

function squareContext(side: number): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(side, side).getContext('2d');
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
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
  let bitmap: ImageBitmap;
  try {
    bitmap = await withTimeout(
      createImageBitmap(file, { resizeWidth: fit.width, resizeHeight: fit.height, resizeQuality: 'high' }),
      decodeMs,
      `"${file.name}" took too long to read (more than ${decodeMs / 1000} s): try a smaller picture.`,
    );
  } catch (error) {
    if (error instanceof ImageImportError) throw error;
    throw new ImageImportError(`"${file.name}" could not be read as a picture: it may be damaged.`);
  }
  try {
    const context = squareContext(side);
    if (!context)
      throw new ImageImportError(`"${file.name}" could not be drawn: this browser gave no canvas.`);
    context.clearRect(0, 0, side, side);
    context.drawImage(bitmap, fit.x, fit.y, fit.width, fit.height);
    return rgbaToPicture(context.getImageData(0, 0, side, side).data, side, channels);
  } finally {
    bitmap.close();
  }
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
