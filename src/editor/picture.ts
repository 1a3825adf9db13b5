/**
 * A picture as the editor holds it: square, grey (1 channel) or colour (3), every value between 0
 * (blank) and 1 (full ink, or full light in a colour channel). The level's own numbers (blank -1
 * or 0) are made only when the level is built, so changing `blank` never touches a drawing.
 */

/** Grey pictures have one channel, colour pictures three (red, green, blue). */
export type Channels = 1 | 3;

/** One picture of the editor, row by row, channel innermost (NHWC). */
export interface EditorPicture {
  readonly side: number;
  readonly channels: Channels;
  /** side * side * channels values in [0, 1]. */
  readonly values: readonly number[];
}

/** The smallest and largest picture side the editor offers. */
export const PICTURE_SIDE = { min: 2, max: 64 } as const;

/** A picture with nothing drawn on it. */
export function blankPicture(side: number, channels: Channels): EditorPicture {
  return { side, channels, values: new Array<number>(side * side * channels).fill(0) };
}

/** The index of channel `c` of the pixel at row `y`, column `x`. */
export function valueIndex(picture: EditorPicture, y: number, x: number, c = 0): number {
  return (y * picture.side + x) * picture.channels + c;
}

/** The channel values of the pixel at row `y`, column `x`. */
export function pixelAt(picture: EditorPicture, y: number, x: number): number[] {
  const start = valueIndex(picture, y, x);
  return picture.values.slice(start, start + picture.channels);
}

/** Whether two pictures hold exactly the same pixels. */
export function samePicture(a: EditorPicture, b: EditorPicture): boolean {
  return (
    a.side === b.side &&
    a.channels === b.channels &&
    a.values.length === b.values.length &&
    a.values.every((v, i) => v === b.values[i])
  );
}

/** Whether nothing is drawn on a picture. */
export function isBlank(picture: EditorPicture): boolean {
  return picture.values.every((v) => v === 0);
}

/** Keeps a value within [0, 1] and drops float noise, so equal drawings compare equal. */
export function clampValue(v: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;
}

/**
 * The same drawing on a picture of another side (centred: cropped or padded with blank) or channel
 * count (grey becomes equal channels; colour becomes the mean of its channels).
 */
export function reshapePicture(picture: EditorPicture, side: number, channels: Channels): EditorPicture {
  const out = blankPicture(side, channels);
  const values = out.values as number[];
  const offset = Math.floor((side - picture.side) / 2);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const sy = y - offset;
      const sx = x - offset;
      if (sy < 0 || sx < 0 || sy >= picture.side || sx >= picture.side) continue;
      const source = pixelAt(picture, sy, sx);
      const mean = source.reduce((a, b) => a + b, 0) / source.length;
      for (let c = 0; c < channels; c++) {
        const v = channels === picture.channels ? (source[c] ?? 0) : channels === 1 ? mean : (source[0] ?? 0);
        values[valueIndex(out, y, x, c)] = clampValue(v);
      }
    }
  }
  return out;
}
