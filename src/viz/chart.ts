/**
 * Line charts of loss and accuracy over training steps. Long histories are thinned to a few hundred
 * points before drawing, so a redraw costs the same after ten steps or ten thousand.
 */
import { formatShort } from './colour-scale';
import { viewContext } from './picture';
import { setText } from './set-text';
import type { HistoryPoint } from './types';

/** The most points a chart draws per series. */
export const MAX_DRAWN_POINTS = 300;

/**
 * Up to `max` points of `points`, evenly spread, always keeping the first and the last; each kept
 * point stands for its stretch of history. Writes into `out` (reused between frames) and returns it.
 */
export function downsample<T>(points: readonly T[], max: number, out: T[] = []): T[] {
  out.length = 0;
  if (points.length <= max) {
    for (const p of points) out.push(p);
    return out;
  }
  const last = points.length - 1;
  for (let i = 0; i < max; i++) {
    out.push(points[Math.round((i * last) / (max - 1))] as T);
  }
  return out;
}

/** A round number at or above `value` (1, 2 or 5 times a power of ten), so axes read easily. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** One line of a chart. */
export interface Series {
  readonly name: string;
  readonly colour: string;
  /** Line dashes, so series differ by more than colour. */
  readonly dash: readonly number[];
  /** The value at a point, or undefined where the series has none (test accuracy before judging). */
  readonly value: (point: HistoryPoint) => number | undefined;
  /** Square markers on each point, for a series with few points (test accuracy is judged now and then). */
  readonly markers?: boolean;
  /** How the legend prints the series' latest value. */
  readonly format: (value: number) => string;
}

/** What a chart plots. */
export interface ChartOptions {
  readonly title: string;
  readonly series: readonly Series[];
  /** A fixed top of the y axis (1 for accuracy); otherwise the axis grows with the data. */
  readonly yMax?: number;
}

/** A mounted chart. */
export interface Chart {
  readonly element: HTMLElement;
  /** Redraws from the whole history (thinned first). */
  draw(history: readonly HistoryPoint[]): void;
}

const WIDTH = 320;
const HEIGHT = 150;
const MARGIN = { left: 40, right: 10, top: 10, bottom: 28 };

function seriesMax(points: readonly HistoryPoint[], series: readonly Series[]): number {
  let max = 0;
  for (const p of points) {
    for (const s of series) {
      const v = s.value(p);
      if (v !== undefined && Number.isFinite(v) && v > max) max = v;
    }
  }
  return max;
}

/** The series' most recent value: test accuracy stays shown between two judgements. */
export function latestValue(
  history: readonly HistoryPoint[],
  series: Pick<Series, 'value'>,
): number | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const v = series.value(history[i] as HistoryPoint);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Where values land on the canvas: the plot area, the step range and the top of the value axis. */
interface Plot {
  readonly plotW: number;
  readonly plotH: number;
  readonly firstStep: number;
  readonly lastStep: number;
  readonly yMax: number;
  readonly px: (step: number) => number;
  readonly py: (value: number) => number;
}

/** The plot for the thinned points, up to the last step of the whole history. */
function plotFor(
  thinned: readonly HistoryPoint[],
  last: HistoryPoint | undefined,
  options: ChartOptions,
): Plot {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const firstStep = thinned[0]?.step ?? 0;
  const lastStep = Math.max(last?.step ?? 1, firstStep + 1);
  const yMax = options.yMax ?? niceCeiling(seriesMax(thinned, options.series));
  const px = (step: number) => MARGIN.left + ((step - firstStep) / (lastStep - firstStep)) * plotW;
  const py = (v: number) => MARGIN.top + plotH - (Math.min(Math.max(v, 0), yMax) / yMax) * plotH;
  return { plotW, plotH, firstStep, lastStep, yMax, px, py };
}

/** The two axes with three value labels and the first and last step. */
function drawAxes(context: CanvasRenderingContext2D, plot: Plot, options: ChartOptions): void {
  const { plotW, plotH, yMax, py } = plot;
  context.strokeStyle = '#888';
  context.lineWidth = 1;
  context.setLineDash([]);
  context.beginPath();
  context.moveTo(MARGIN.left, MARGIN.top);
  context.lineTo(MARGIN.left, MARGIN.top + plotH);
  context.lineTo(MARGIN.left + plotW, MARGIN.top + plotH);
  context.stroke();
  context.fillStyle = '#333';
  context.font = '11px sans-serif';
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  const yText = (v: number) => (options.yMax === 1 ? `${Math.round(v * 100)}%` : formatShort(v));
  context.fillText(yText(yMax), MARGIN.left - 4, py(yMax));
  context.fillText(yText(yMax / 2), MARGIN.left - 4, py(yMax / 2));
  context.fillText(yText(0), MARGIN.left - 4, py(0));
  context.textAlign = 'center';
  context.textBaseline = 'top';
  context.fillText(String(plot.firstStep), MARGIN.left, MARGIN.top + plotH + 4);
  context.fillText(String(plot.lastStep), MARGIN.left + plotW - 8, MARGIN.top + plotH + 4);
  context.fillText('step', MARGIN.left + plotW / 2, MARGIN.top + plotH + 14);
}

/** One series' line, broken where it has no value, and its markers if it has them. */
function drawSeries(
  context: CanvasRenderingContext2D,
  plot: Plot,
  s: Series,
  thinned: readonly HistoryPoint[],
): void {
  const { px, py } = plot;
  context.strokeStyle = s.colour;
  context.lineWidth = 2;
  context.setLineDash([...s.dash]);
  context.beginPath();
  let drawing = false;
  for (const p of thinned) {
    const v = s.value(p);
    if (v === undefined || !Number.isFinite(v)) {
      drawing = false;
      continue;
    }
    if (drawing) context.lineTo(px(p.step), py(v));
    else context.moveTo(px(p.step), py(v));
    drawing = true;
  }
  context.stroke();
  if (!s.markers) return;
  context.fillStyle = s.colour;
  for (const p of thinned) {
    const v = s.value(p);
    if (v !== undefined && Number.isFinite(v)) context.fillRect(px(p.step) - 3, py(v) - 3, 6, 6);
  }
}

/** A legend entry: the series' dash drawn short, and a text for its latest value (returned). */
function legendItem(doc: Document, legend: HTMLElement, s: Series): HTMLElement {
  const item = doc.createElement('li');
  const swatch = doc.createElement('canvas');
  swatch.width = 24;
  swatch.height = 8;
  swatch.setAttribute('aria-hidden', 'true');
  const context = viewContext(swatch);
  if (context) {
    context.strokeStyle = s.colour;
    context.lineWidth = 2;
    context.setLineDash([...s.dash]);
    context.beginPath();
    context.moveTo(0, 4);
    context.lineTo(24, 4);
    context.stroke();
  }
  const text = doc.createElement('span');
  text.textContent = `${s.name}: –`;
  item.append(swatch, text);
  legend.append(item);
  return text;
}

/** Builds a chart: a canvas for the lines, and a legend in HTML with each series' dash and latest value. */
export function createChart(doc: Document, options: ChartOptions): Chart {
  const element = doc.createElement('figure');
  element.className = 'viz-chart';
  const caption = doc.createElement('figcaption');
  caption.textContent = options.title;
  const canvas = doc.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${options.title}: no training steps yet`);
  const ratio = doc.defaultView?.devicePixelRatio ?? 1;
  canvas.width = Math.round(WIDTH * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  // Full size where there is room, narrower (keeping its shape) where two charts share a row.
  canvas.style.width = `${WIDTH}px`;
  canvas.style.maxWidth = '100%';
  canvas.style.aspectRatio = `${WIDTH} / ${HEIGHT}`;
  canvas.style.height = 'auto';
  const legend = doc.createElement('ul');
  legend.className = 'viz-chart-legend';
  const legendValues = options.series.map((s) => legendItem(doc, legend, s));
  element.append(caption, canvas, legend);
  const thinned: HistoryPoint[] = [];

  return {
    element,
    draw(history) {
      const last = history[history.length - 1];
      for (const [i, s] of options.series.entries()) {
        const text = legendValues[i];
        const v = latestValue(history, s);
        if (text) setText(text, `${s.name}: ${v === undefined ? '–' : s.format(v)}`);
      }
      canvas.setAttribute(
        'aria-label',
        last
          ? `${options.title} over ${last.step} steps; ${legendValues.map((t) => t.textContent).join(', ')}`
          : `${options.title}: no training steps yet`,
      );
      const context = viewContext(canvas);
      if (!context) return;
      downsample(history, MAX_DRAWN_POINTS, thinned);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, WIDTH, HEIGHT);
      const plot = plotFor(thinned, last, options);
      drawAxes(context, plot, options);
      for (const s of options.series) drawSeries(context, plot, s, thinned);
    },
  };
}
