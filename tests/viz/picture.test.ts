// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cellAt, cellPixelsFor, createPictureCanvas, paintChannel } from '../../src/viz/picture';

describe('paintChannel', () => {
  it('paints only the chosen channel of NHWC values, opaque', () => {
    const data = new Uint8ClampedArray(2 * 4);
    // Two pixels, two channels: channel 1 holds 1 then -1.
    paintChannel(
      [0, 1, 0, -1],
      { height: 1, width: 2, channels: 2, channel: 1 },
      { kind: 'grey', min: -1, max: 1 },
      data,
    );
    expect([...data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
  });
});

describe('cellAt', () => {
  it.each([
    { offsetX: 0, offsetY: 0, y: 0, x: 0 },
    { offsetX: 89, offsetY: 10, y: 1, x: 8 },
    { offsetX: 90, offsetY: 90, y: 8, x: 8 },
  ])('maps a click at ($offsetX, $offsetY) on a 9x9 picture 90px wide to row $y column $x', (c) => {
    expect(cellAt(c.offsetX, c.offsetY, 90, 90, { height: 9, width: 9 })).toEqual({ y: c.y, x: c.x });
  });
});

describe('picture canvases', () => {
  it('have a name and crisp pixels at the asked scale', () => {
    const canvas = createPictureCanvas(document, 'the picture', { height: 9, width: 7 }, 8);
    expect([canvas.getAttribute('role'), canvas.getAttribute('aria-label')]).toEqual(['img', 'the picture']);
    expect([canvas.width, canvas.height, canvas.style.width, canvas.style.height]).toEqual([
      7,
      9,
      '56px',
      '72px',
    ]);
    expect(canvas.style.imageRendering).toBe('pixelated');
  });

  it.each([
    { extent: 9, target: 72, cell: 8 },
    { extent: 100, target: 72, cell: 2 },
    { extent: 1, target: 72, cell: 32 },
  ])('scale a $extent-value picture to $cell pixels per value', ({ extent, target, cell }) => {
    expect(cellPixelsFor(extent, target)).toBe(cell);
  });
});
