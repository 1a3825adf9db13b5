// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  type ColourScale,
  createLegend,
  cssColour,
  cssGradient,
  describeScale,
  greyScaleFor,
  legendTicks,
  needsLightText,
  symmetricScale,
  writeColour,
} from '../../src/viz/colour-scale';

function rgb(scale: ColourScale, value: number): number[] {
  const data = new Uint8ClampedArray(3);
  writeColour(scale, value, data, 0);
  return [...data];
}

const weights: ColourScale = { kind: 'diverging', limit: 2 };

describe('the diverging scale', () => {
  it('is symmetric: its limit is the largest magnitude', () => {
    expect(symmetricScale([0.5, -3, 2])).toEqual({ kind: 'diverging', limit: 3 });
  });

  it('leaves an overflowed Infinity out of its limit and draws it at the ends (issue 18)', () => {
    const scale = symmetricScale([1, -Infinity, 3, Infinity]);
    expect(scale).toEqual({ kind: 'diverging', limit: 3 });
    expect(rgb(scale, Infinity)).toEqual(rgb(scale, 3));
    expect(rgb(scale, -Infinity)).toEqual(rgb(scale, -3));
  });

  it('draws Infinity on an infinite scale as not a number instead of failing', () => {
    const scale: ColourScale = { kind: 'diverging', limit: Infinity };
    expect(rgb(scale, -Infinity)).toEqual(rgb(scale, Number.NaN));
  });

  it('keeps a positive limit for an all-zero map', () => {
    expect(symmetricScale([0, 0]).limit).toBeGreaterThan(0);
  });

  it('draws zero near white', () => {
    expect(Math.min(...rgb(weights, 0))).toBeGreaterThan(240);
  });

  it('draws negative values blue (more blue than red)', () => {
    const [r, , b] = rgb(weights, -2);
    expect(b).toBeGreaterThan(r as number);
  });

  it('draws positive values orange (more red than blue)', () => {
    const [r, , b] = rgb(weights, 2);
    expect(r).toBeGreaterThan(b as number);
  });

  it('clamps values past the limit to the end colour', () => {
    expect(rgb(weights, 50)).toEqual(rgb(weights, 2));
  });

  it('darkens with magnitude on both sides, so lightness alone tells size', () => {
    const lightness = (v: number) => rgb(weights, v).reduce((a, b) => a + b, 0);
    expect(lightness(-1)).toBeGreaterThan(lightness(-2));
    expect(lightness(1)).toBeGreaterThan(lightness(2));
  });

  it('draws NaN in a colour of its own', () => {
    expect(rgb(weights, Number.NaN)).not.toEqual(rgb(weights, 0));
  });
});

describe('the grey scale', () => {
  it.each([
    { values: [-1, 1, 0.5], min: -1, max: 1 },
    { values: [0, 0, 0], min: 0, max: 1 },
    { values: [1, 1], min: 0, max: 1 },
  ])('spans $values as $min to $max', ({ values, min, max }) => {
    expect(greyScaleFor(values)).toEqual({ kind: 'grey', min, max });
  });

  it.each([
    { value: -1, level: 255 },
    { value: 1, level: 0 },
    { value: 0, level: 128 },
  ])('draws $value at grey level $level (ink is dark)', ({ value, level }) => {
    expect(rgb({ kind: 'grey', min: -1, max: 1 }, value)).toEqual([level, level, level]);
  });
});

describe('legends', () => {
  it('prints min, 0 and max under a diverging bar', () => {
    expect(legendTicks({ kind: 'diverging', limit: 0.12345 })).toEqual(['-0.123', '0', '0.123']);
  });

  it('prints white and black ends under a grey bar', () => {
    expect(legendTicks({ kind: 'grey', min: -1, max: 1 })).toEqual(['-1', '1']);
    // Past a million, a power of ten: 4e12 in full ran the ticks together.
    expect(legendTicks({ kind: 'diverging', limit: 3999999983616 })).toEqual(['-4e+12', '0', '4e+12']);
    expect(legendTicks({ kind: 'diverging', limit: 2.56e32 })).toEqual(['-2.56e+32', '0', '2.56e+32']);
    expect(legendTicks({ kind: 'grey', min: 0, max: 1e6 })).toEqual(['0', '1e+6']);
  });

  it('says in words which colour is which', () => {
    expect(describeScale(weights)).toBe(
      'blue is negative down to -2, white is 0, orange is positive up to 2',
    );
  });

  it('builds a gradient through the scale colours', () => {
    expect(cssGradient(weights)).toContain(cssColour(weights, -2));
    expect(cssGradient(weights)).toContain(cssColour(weights, 2));
  });

  it('builds an element with the numbers as text and the meaning as an accessible name', () => {
    const legend = createLegend(document, 'weights', weights);
    expect([...legend.element.querySelectorAll('.viz-legend-ticks span')].map((s) => s.textContent)).toEqual([
      '-2',
      '0',
      '2',
    ]);
    expect(legend.element.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      `weights: ${describeScale(weights)}`,
    );
  });

  it('updates its numbers for a new range', () => {
    const legend = createLegend(document, 'weights', weights);
    legend.update({ kind: 'diverging', limit: 0.5 });
    expect(legend.element.querySelector('.viz-legend-ticks')?.textContent).toBe('-0.500.5');
  });
});

describe('text over colours', () => {
  it.each([
    { value: 0, light: false },
    { value: -2, light: true },
  ])('uses light text over $value: $light', ({ value, light }) => {
    expect(needsLightText(weights, value)).toBe(light);
  });
});
