/**
 * Colour scales: a blue-white-orange diverging scale for weights and feature maps (colour-blind safe,
 * symmetric around zero) and a grey scale for the pictures themselves.
 */
import { setText } from './set-text';

/** A diverging scale from `-limit` (blue) through 0 (near white) to `+limit` (orange). */
export interface DivergingScale {
  readonly kind: 'diverging';
  readonly limit: number;
}

/** A grey scale for pictures: `min` is white paper, `max` is black ink. */
export interface GreyScale {
  readonly kind: 'grey';
  readonly min: number;
  readonly max: number;
}

/** How numbers become colours. */
export type ColourScale = DivergingScale | GreyScale;

/** Blue to orange through near white (ColorBrewer PuOr/RdBu ends), readable with the common colour blindnesses. */
const DIVERGING_STOPS = [
  [33, 102, 172],
  [146, 197, 222],
  [247, 247, 247],
  [253, 184, 99],
  [230, 97, 1],
] as const;

/** Drawn where a value is not a number, so a broken network shows up instead of looking like zero. */
const NOT_A_NUMBER = [255, 0, 255] as const;

/** The smallest limit a scale gets, so an all-zero map is drawn white rather than divided by zero. */
const MIN_LIMIT = 1e-6;

/**
 * A diverging scale wide enough for every value: its limit is the largest finite magnitude (an
 * overflowed Infinity is drawn at the scale's end; as the limit it made every colour NaN).
 */
export function symmetricScale(values: ArrayLike<number>): DivergingScale {
  let limit = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i] as number);
    if (v > limit && v !== Number.POSITIVE_INFINITY) limit = v;
  }
  return { kind: 'diverging', limit: Math.max(limit, MIN_LIMIT) };
}

/** The grey scale spanning a set of pictures; flat pictures get the range 0 to 1. */
export function greyScaleFor(values: ArrayLike<number>): GreyScale {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return { kind: 'grey', min: Math.min(min, 0) || 0, max: Math.max(max, 1) || 1 };
  return { kind: 'grey', min, max };
}

function clamp01(t: number): number {
  return Math.min(Math.max(t, 0), 1);
}

/** Writes the colour of `value` as r, g, b at `data[at]`, `data[at + 1]`, `data[at + 2]`. */
export function writeColour(scale: ColourScale, value: number, data: Uint8ClampedArray, at: number): void {
  if (Number.isNaN(value)) {
    data[at] = NOT_A_NUMBER[0];
    data[at + 1] = NOT_A_NUMBER[1];
    data[at + 2] = NOT_A_NUMBER[2];
    return;
  }
  if (scale.kind === 'grey') {
    const level = Math.round(255 * (1 - clamp01((value - scale.min) / (scale.max - scale.min))));
    data[at] = level;
    data[at + 1] = level;
    data[at + 2] = level;
    return;
  }
  const t = clamp01((value / scale.limit + 1) / 2) * (DIVERGING_STOPS.length - 1);
  if (Number.isNaN(t)) {
    // Infinity over an infinite limit: no colour on the scale says anything true.
    writeColour(scale, Number.NaN, data, at);
    return;
  }
  const low = Math.min(Math.floor(t), DIVERGING_STOPS.length - 2);
  const f = t - low;
  const a = DIVERGING_STOPS[low] as (typeof DIVERGING_STOPS)[number];
  const b = DIVERGING_STOPS[low + 1] as (typeof DIVERGING_STOPS)[number];
  data[at] = a[0] + (b[0] - a[0]) * f;
  data[at + 1] = a[1] + (b[1] - a[1]) * f;
  data[at + 2] = a[2] + (b[2] - a[2]) * f;
}

/** The colour of one value as CSS `rgb(...)`, for HTML cells such as the math view's tables. */
export function cssColour(scale: ColourScale, value: number): string {
  const rgb = new Uint8ClampedArray(3);
  writeColour(scale, value, rgb, 0);
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}

/** Whether text drawn over this value's colour should be white to stay readable. */
export function needsLightText(scale: ColourScale, value: number): boolean {
  const rgb = new Uint8ClampedArray(3);
  writeColour(scale, value, rgb, 0);
  const luminance = 0.2126 * (rgb[0] as number) + 0.7152 * (rgb[1] as number) + 0.0722 * (rgb[2] as number);
  return luminance < 128;
}

/** The scale as a left-to-right CSS gradient, for legends. */
export function cssGradient(scale: ColourScale): string {
  const stops =
    scale.kind === 'grey' ? [scale.min, scale.max] : [-1, -0.5, 0, 0.5, 1].map((t) => t * scale.limit);
  return `linear-gradient(to right, ${stops.map((v) => cssColour(scale, v)).join(', ')})`;
}

/**
 * A number short enough for a legend or a caption: at most three decimals, no trailing zeros; past
 * a million, three significant digits and a power of ten (an overflowing network's 4e12 printed in
 * full ran its legend's ticks together).
 */
export function formatShort(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (Math.abs(value) >= 1e6 && Number.isFinite(value)) return value.toPrecision(3).replace(/\.?0+e/, 'e');
  const rounded = Number(value.toFixed(3));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The numbers a legend prints under its colour bar, left to right. */
export function legendTicks(scale: ColourScale): string[] {
  if (scale.kind === 'grey') return [formatShort(scale.min), formatShort(scale.max)];
  return [formatShort(-scale.limit), '0', formatShort(scale.limit)];
}

/** The legend's words for the scale, so its meaning never rests on colour alone. */
export function describeScale(scale: ColourScale): string {
  const [first, middle, last] = legendTicks(scale);
  if (scale.kind === 'grey') return `white is ${first}, black is ${middle}`;
  return `blue is negative down to ${first}, white is ${middle}, orange is positive up to ${last}`;
}

/** A legend: the colour bar with its min, 0 and max beneath, and a sentence for screen readers. */
export interface Legend {
  readonly element: HTMLElement;
  /** Shows another range on the same legend. */
  update(scale: ColourScale): void;
}

/** Builds a legend for `scale`, titled `title` (for example "weights"). */
export function createLegend(doc: Document, title: string, scale: ColourScale): Legend {
  const element = doc.createElement('figure');
  element.className = 'viz-legend';
  const bar = doc.createElement('div');
  bar.className = 'viz-legend-bar';
  bar.setAttribute('role', 'img');
  const ticks = doc.createElement('div');
  ticks.className = 'viz-legend-ticks';
  const caption = doc.createElement('figcaption');
  caption.textContent = title;
  element.append(bar, ticks, caption);
  let shown = '';
  const update = (next: ColourScale) => {
    const key = `${next.kind}:${legendTicks(next).join('|')}`;
    if (key === shown) return;
    shown = key;
    bar.style.background = cssGradient(next);
    bar.setAttribute('aria-label', `${title}: ${describeScale(next)}`);
    // The tick elements stay; only their numbers change (a grey scale has two ticks, a diverging one three).
    const texts = legendTicks(next);
    while (ticks.children.length > texts.length) ticks.lastElementChild?.remove();
    while (ticks.children.length < texts.length) ticks.append(doc.createElement('span'));
    for (const [i, text] of texts.entries()) setText(ticks.children[i] as Element, text);
  };
  update(scale);
  return { element, update };
}
