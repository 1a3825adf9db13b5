import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../src/spec';
import { colourChannelNames, filterColours, lightRange, paintColour } from '../../src/viz/colour-picture';

const conv: LayerSpec = { type: 'conv', filters: 1, size: 1, stride: 1, padding: 'valid' };

describe('colour pictures', () => {
  it('paints each pixel with its red, green and blue light', () => {
    // Two pixels: red, then blue at half light.
    const data = new Uint8ClampedArray(8);
    paintColour([1, 0, 0, 0, 0, 0.5], { height: 1, width: 2, channels: 3 }, { min: 0, max: 1 }, data);
    expect([...data]).toEqual([255, 0, 0, 255, 0, 0, 128, 255]);
  });

  it('reads a blank of -1 as no light', () => {
    expect(lightRange([-1, 1, 0.5])).toEqual({ min: -1, max: 1 });
    expect(lightRange([0, 0.25])).toEqual({ min: 0, max: 1 });
    const data = new Uint8ClampedArray(4);
    paintColour([-1, 1, 0], { height: 1, width: 1, channels: 3 }, { min: -1, max: 1 }, data);
    expect([...data]).toEqual([0, 255, 128, 255]);
  });

  it('draws a filter that weighs red up and the rest down as red', () => {
    // HWIO 1x1x3x2: filter 0 is (2, -2, -2), filter 1 is (-0.5, 0, 1): each spans its own range.
    const kernel = [2, -0.5, -2, 0, -2, 1];
    expect([...filterColours(kernel, { size: 1, filters: 2 }, 0)]).toEqual([1, 0, 0]);
    expect([...filterColours(kernel, { size: 1, filters: 2 }, 1)]).toEqual([0.25, 0.5, 1]);
  });

  it.each([
    { layers: [conv], at: 0, channels: 3, names: ['red', 'green', 'blue'] },
    { layers: [{ type: 'relu' }, conv] as LayerSpec[], at: 1, channels: 3, names: ['red', 'green', 'blue'] },
    { layers: [conv, conv], at: 1, channels: 3, names: undefined },
    { layers: [conv], at: 0, channels: 1, names: undefined },
  ])('names the channels layer $at reads: $names', ({ layers, at, channels, names }) => {
    expect(colourChannelNames(layers, at, channels)).toEqual(names);
  });
});
