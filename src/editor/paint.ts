/** Draws an editor picture on a canvas: grey ink dark on white, colour pixels as their colour. */
import { type EditorPicture, pixelAt } from './picture';

/** The CSS colour of one pixel. */
export function pixelColour(picture: EditorPicture, y: number, x: number): string {
  const pixel = pixelAt(picture, y, x);
  if (picture.channels === 1) {
    const light = Math.round(255 * (1 - (pixel[0] ?? 0)));
    return `rgb(${light}, ${light}, ${light})`;
  }
  const [r = 0, g = 0, b = 0] = pixel.map((v) => Math.round(255 * v));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Paints every pixel as a `cell` x `cell` square, with grid lines when `gridLines`. */
export function paintPicture(
  context: CanvasRenderingContext2D,
  picture: EditorPicture,
  cell: number,
  gridLines: boolean,
): void {
  for (let y = 0; y < picture.side; y++) {
    for (let x = 0; x < picture.side; x++) {
      context.fillStyle = pixelColour(picture, y, x);
      context.fillRect(x * cell, y * cell, cell, cell);
    }
  }
  if (!gridLines) return;
  context.strokeStyle = picture.channels === 1 ? '#b8c0cc' : '#5a6372';
  context.lineWidth = 1;
  context.beginPath();
  for (let i = 0; i <= picture.side; i++) {
    const at = Math.min(i * cell + 0.5, picture.side * cell - 0.5);
    context.moveTo(at, 0);
    context.lineTo(at, picture.side * cell);
    context.moveTo(0, at);
    context.lineTo(picture.side * cell, at);
  }
  context.stroke();
}

/** A small canvas of a picture, for the thumbnail grid. */
export function thumbnailCanvas(picture: EditorPicture, size: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const cell = Math.max(1, Math.floor(size / picture.side));
  canvas.width = cell * picture.side;
  canvas.height = cell * picture.side;
  const context = canvas.getContext('2d');
  if (context) paintPicture(context, picture, cell, false);
  return canvas;
}
