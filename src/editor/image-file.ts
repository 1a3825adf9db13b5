/**
 * What can be known about an image file before decoding it (its type and size from the first
 * bytes), where it goes in a square picture, and how its pixels become editor values. No DOM here.
 */
import { blankPicture, type Channels, clampValue, type EditorPicture } from './picture';

/** The bounds on a file to import, so no file can hang or exhaust the page. */
export const IMAGE_LIMITS = {
  /** Bytes of a file. */
  bytes: 25 * 1024 * 1024,
  /** Pixels of the full image (10000x10000); bigger ones are refused before decoding. */
  pixels: 100_000_000,
  /** How long one decode may take. */
  decodeMs: 10_000,
  /** How many bytes are read to find the type and size (JPEG metadata can come first). */
  headerBytes: 256 * 1024,
} as const;

/** The image types the editor imports. */
export type ImageType = 'png' | 'jpeg';

/** A refusal to import a file, with a sentence for the teacher that names the file. */
export class ImageImportError extends Error {
  override readonly name = 'ImageImportError';
}

/** The type of an image from its first bytes (never from its name, which can lie), or null. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

function uint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function uint32(bytes: Uint8Array, at: number): number {
  return uint16(bytes, at) * 65536 + uint16(bytes, at + 2);
}

/** JPEG start-of-frame markers, which hold the image's size (not DHT C4, JPG C8 or DAC CC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | null {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes and markers without a length.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (isStartOfFrame(marker)) return { height: uint16(bytes, at + 5), width: uint16(bytes, at + 7) };
    if (marker === 0xd9 || marker === 0xda) return null;
    at += 2 + uint16(bytes, at + 2);
  }
  return null;
}

/** The width and height an image's header declares, or null when the header cannot be read. */
export function imageSize(bytes: Uint8Array, type: ImageType): { width: number; height: number } | null {
  if (type === 'png') {
    // The IHDR chunk comes first: its width and height follow the 8-byte signature and 8-byte chunk head.
    const ihdr = String.fromCharCode(...bytes.slice(12, 16));
    if (ihdr !== 'IHDR' || bytes.length < 24) return null;
    return { width: uint32(bytes, 16), height: uint32(bytes, 20) };
  }
  return jpegSize(bytes);
}

/** Where an image goes in a square of `side` pixels: scaled to fit whole, keeping its proportions, centred. */
export function fitInSquare(
  width: number,
  height: number,
  side: number,
): { width: number; height: number; x: number; y: number } {
  const scale = side / Math.max(width, height);
  const w = Math.min(side, Math.max(1, Math.round(width * scale)));
  const h = Math.min(side, Math.max(1, Math.round(height * scale)));
  return { width: w, height: h, x: Math.floor((side - w) / 2), y: Math.floor((side - h) / 2) };
}

/** Samples per side of the decoded image, at most: enough to average many per picture pixel. */
export const SAMPLE_PX = 256;

/** How many samples per picture pixel (per side) an image fitted into `side` pixels is decoded with. */
export function samplesPerPixel(side: number): number {
  return Math.max(1, Math.floor(SAMPLE_PX / side));
}

/**
 * An editor picture from an image decoded at `k` samples per pixel (per side) into the rectangle
 * `fit` of a `side` x `side` picture: each pixel is the mean of its k x k samples, so the result
 * does not depend on how the browser filters when it scales. Grey: dark is ink, as a drawing on
 * paper (transparent counts as white paper). Colour: each channel's light (transparent counts as
 * black, the colour blank).
 */
export function pictureFromSamples(
  rgba: Uint8ClampedArray | Uint8Array,
  fit: { width: number; height: number; x: number; y: number },
  k: number,
  side: number,
  channels: Channels,
): EditorPicture {
  const picture = blankPicture(side, channels);
  const values = picture.values as number[];
  const rowSamples = fit.width * k;
  const sums = new Array<number>(channels).fill(0);
  for (let py = 0; py < fit.height; py++) {
    for (let px = 0; px < fit.width; px++) {
      sums.fill(0);
      for (let sy = py * k; sy < (py + 1) * k; sy++) {
        for (let sx = px * k; sx < (px + 1) * k; sx++) {
          const at = (sy * rowSamples + sx) * 4;
          const [r, g, b, alpha] = [0, 1, 2, 3].map((c) => (rgba[at + c] ?? 0) / 255) as [
            number,
            number,
            number,
            number,
          ];
          if (channels === 1)
            sums[0] = (sums[0] ?? 0) + 1 - ((0.299 * r + 0.587 * g + 0.114 * b) * alpha + (1 - alpha));
          else
            [r, g, b].forEach((v, c) => {
              sums[c] = (sums[c] ?? 0) + v * alpha;
            });
        }
      }
      const at = ((fit.y + py) * side + fit.x + px) * channels;
      for (let c = 0; c < channels; c++) values[at + c] = clampValue((sums[c] ?? 0) / (k * k));
    }
  }
  return picture;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Checks a file before any decoding: its size, its type from its first bytes, and the image size
 * its header declares. Throws an ImageImportError naming the file.
 */
export function checkImageHeader(
  name: string,
  totalBytes: number,
  header: Uint8Array,
): { type: ImageType; width: number; height: number } {
  if (totalBytes > IMAGE_LIMITS.bytes) {
    throw new ImageImportError(
      `"${name}" is ${megabytes(totalBytes)}; pictures up to ${megabytes(IMAGE_LIMITS.bytes)} can be imported.`,
    );
  }
  if (totalBytes === 0) throw new ImageImportError(`"${name}" is empty.`);
  const type = sniffImageType(header);
  if (!type) throw new ImageImportError(`"${name}" is not a PNG or JPEG picture.`);
  const size = imageSize(header, type);
  if (!size || size.width === 0 || size.height === 0) {
    throw new ImageImportError(`"${name}" is damaged: its picture size cannot be read.`);
  }
  if (size.width * size.height > IMAGE_LIMITS.pixels) {
    throw new ImageImportError(
      `"${name}" is ${size.width}x${size.height} pixels, too big to import (at most ${IMAGE_LIMITS.pixels / 1_000_000} million pixels).`,
    );
  }
  return { type, ...size };
}
