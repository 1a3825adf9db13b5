import { describe, expect, it } from 'vitest';
import {
  checkImageHeader,
  fitInSquare,
  IMAGE_LIMITS,
  imageSize,
  pictureFromSamples,
  samplesPerPixel,
  sniffImageType,
} from '../../src/editor/image-file';

function uint32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

/** The first bytes of a PNG: signature, then the IHDR chunk's length, type, width and height. */
function pngHeader(width: number, height: number): Uint8Array {
  return new Uint8Array([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...uint32(13),
    0x49,
    0x48,
    0x44,
    0x52,
    ...uint32(width),
    ...uint32(height),
    8,
    0,
    0,
    0,
    0,
  ]);
}

/** The first bytes of a JPEG: start of image, an APP0 segment, then a baseline start of frame. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array<number>(14).fill(0)];
  const sof = [
    0xff,
    0xc0,
    0x00,
    0x11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    3,
    ...new Array<number>(9).fill(0),
  ];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof]);
}

const text = new TextEncoder().encode('hello, this is not a picture');

describe('reading an image header', () => {
  it.each([
    { name: 'PNG', bytes: pngHeader(10, 20), type: 'png' },
    { name: 'JPEG', bytes: jpegHeader(10, 20), type: 'jpeg' },
    { name: 'text', bytes: text, type: null },
    { name: 'nothing', bytes: new Uint8Array(), type: null },
  ])('finds the type of $name from its first bytes', ({ bytes, type }) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it.each([
    { name: 'PNG', bytes: pngHeader(8000, 6000), type: 'png' as const },
    { name: 'JPEG', bytes: jpegHeader(8000, 6000), type: 'jpeg' as const },
  ])('reads the width and height of a $name', ({ bytes, type }) => {
    expect(imageSize(bytes, type)).toEqual({ width: 8000, height: 6000 });
  });

  it('gives no size for a PNG cut short', () => {
    expect(imageSize(pngHeader(10, 10).slice(0, 18), 'png')).toBeNull();
  });

  it('gives no size for a JPEG with no start of frame', () => {
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 4, 0, 0, 0, 0, 0, 0]), 'jpeg')).toBeNull();
  });
});

describe('checking a file before decoding', () => {
  it('accepts an 8000x8000 PNG, to be scaled down while decoding', () => {
    expect(checkImageHeader('big.png', 100_000, pngHeader(8000, 8000))).toEqual({
      type: 'png',
      width: 8000,
      height: 8000,
    });
  });

  it.each([
    {
      what: 'a text file',
      name: 'notes.png',
      bytes: 500,
      header: text,
      message: '"notes.png" is not a PNG or JPEG picture.',
    },
    {
      what: 'an empty file',
      name: 'a.png',
      bytes: 0,
      header: new Uint8Array(),
      message: '"a.png" is empty.',
    },
    {
      what: 'a damaged header',
      name: 'cut.png',
      bytes: 18,
      header: pngHeader(4, 4).slice(0, 18),
      message: '"cut.png" is damaged: its picture size cannot be read.',
    },
    {
      what: 'a huge image',
      name: 'huge.png',
      bytes: 1000,
      header: pngHeader(20_000, 20_000),
      message: '"huge.png" is 20000x20000 pixels, too big to import (at most 100 million pixels).',
    },
    {
      what: 'a huge file',
      name: 'photo.jpg',
      bytes: IMAGE_LIMITS.bytes + 1,
      header: jpegHeader(10, 10),
      message: '"photo.jpg" is 25.0 MB; pictures up to 25.0 MB can be imported.',
    },
  ])('refuses $what with a message that names it', ({ name, bytes, header, message }) => {
    expect(() => checkImageHeader(name, bytes, header)).toThrow(message);
  });
});

describe('fitting an image into the level', () => {
  it.each([
    { w: 100, h: 100, side: 5, fit: { width: 5, height: 5, x: 0, y: 0 } },
    { w: 200, h: 100, side: 8, fit: { width: 8, height: 4, x: 0, y: 2 } },
    { w: 30, h: 90, side: 9, fit: { width: 3, height: 9, x: 3, y: 0 } },
    { w: 2, h: 2, side: 16, fit: { width: 16, height: 16, x: 0, y: 0 } },
    { w: 8000, h: 1, side: 5, fit: { width: 5, height: 1, x: 0, y: 2 } },
  ])('fits $w x $h into $side x $side, centred', ({ w, h, side, fit }) => {
    expect(fitInSquare(w, h, side)).toEqual(fit);
  });
});

describe('turning decoded samples into a picture', () => {
  // Four samples: black, white, transparent, red.
  const rgba = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 0, 255, 0, 0, 255]);
  const whole = { width: 2, height: 2, x: 0, y: 0 };

  it('makes dark pixels ink and transparent ones blank on a grey level', () => {
    expect(pictureFromSamples(rgba, whole, 1, 2, 1).values.slice(0, 3)).toEqual([1, 0, 0]);
  });

  it('weighs red by its share of brightness on a grey level', () => {
    expect(pictureFromSamples(rgba, whole, 1, 2, 1).values[3]).toBe(0.701);
  });

  it('keeps each channel on a colour level, transparent as blank', () => {
    expect(pictureFromSamples(rgba, whole, 1, 2, 3).values).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 0]);
  });

  it('averages k x k samples into one pixel', () => {
    // A 2x2 block of black, white, black, black samples becomes one pixel three quarters inked.
    const block = new Uint8ClampedArray([0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
    expect(pictureFromSamples(block, { width: 1, height: 1, x: 0, y: 0 }, 2, 1, 1).values).toEqual([0.75]);
  });

  it('places the fitted image at its offset and leaves the rest blank', () => {
    const black = new Uint8ClampedArray([0, 0, 0, 255, 0, 0, 0, 255]);
    const picture = pictureFromSamples(black, { width: 2, height: 1, x: 0, y: 1 }, 1, 2, 1);
    expect(picture.values).toEqual([0, 0, 1, 1]);
  });

  it.each([
    [5, 51],
    [64, 4],
    [300, 1],
  ])('decodes a %i-pixel level at %i samples per pixel', (side, k) => {
    expect(samplesPerPixel(side)).toBe(k);
  });
});
