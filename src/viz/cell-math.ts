/**
 * The arithmetic behind one number of a feature map, recomputed from the layer's input and weights
 * so the math view can lay it out step by step: patch, filter, products, sum, bias, result.
 */
import type { ActivationFn, ConvLayer, PoolLayer } from '../spec';
import { samePadding, windowOutputSize } from '../spec';

/** A picture or feature map: `[height, width, channels]` and its flat NHWC numbers. */
export interface MapValues {
  readonly shape: readonly [number, number, number];
  readonly values: ArrayLike<number>;
}

/** One output cell: its row, column and channel (the filter, for a conv layer). */
export interface Cell {
  readonly y: number;
  readonly x: number;
  readonly channel: number;
}

/** A window's numbers, rows of columns; `null` where the window hangs over the edge (padding). */
export type WindowRows = readonly (readonly (number | null)[])[];

/** Everything behind one conv output: per input channel, the patch, the filter slice and their products. */
export interface ConvCellMath {
  readonly kind: 'conv';
  readonly cell: Cell;
  /** Top-left corner of the window in input coordinates (negative where padding comes first). */
  readonly top: number;
  readonly left: number;
  readonly channels: readonly {
    readonly patch: WindowRows;
    readonly kernel: readonly (readonly number[])[];
    /** The products; a padded pixel counts as 0, so its product is 0. */
    readonly products: readonly (readonly number[])[];
    readonly sum: number;
  }[];
  /** The sum of every product over every channel. */
  readonly sum: number;
  /** What the sum is multiplied by: 1, or 1/9 where a level divides by a 3x3 filter's pixels. */
  readonly scale: number;
  readonly bias: number;
  /** `sum * scale + bias`: the number in the feature map. */
  readonly result: number;
}

/** One pooling window and what it kept. */
export interface PoolCellMath {
  readonly kind: 'pool';
  readonly cell: Cell;
  readonly op: 'max' | 'avg';
  readonly top: number;
  readonly left: number;
  readonly window: WindowRows;
  /** How many real (unpadded) values the window covered. */
  readonly count: number;
  /** Row and column inside the window of the value max pooling kept; absent for avg. */
  readonly picked?: { readonly row: number; readonly column: number };
  readonly result: number;
}

/** ReLU on one value: negative becomes 0. */
export interface ReluCellMath {
  readonly kind: 'relu';
  readonly cell: Cell;
  readonly input: number;
  readonly result: number;
}

/** One of the course's other activations on one value. */
export interface ActivationCellMath {
  readonly kind: 'activation';
  readonly fn: ActivationFn;
  readonly cell: Cell;
  readonly input: number;
  readonly result: number;
}

/** What lies behind one number of a layer's output. */
export type CellMath = ConvCellMath | PoolCellMath | ReluCellMath | ActivationCellMath;

function at(map: MapValues, y: number, x: number, c: number): number | null {
  const [h, w, channels] = map.shape;
  if (y < 0 || y >= h || x < 0 || x >= w) return null;
  return map.values[(y * w + x) * channels + c] as number;
}

/** A window's rows and columns: the formats' windows are square, the course's 1-D edge filter is 1x2. */
type WindowSize = number | readonly [number, number];

function sizes(size: WindowSize): readonly [number, number] {
  return typeof size === 'number' ? [size, size] : size;
}

function windowOrigin(
  map: MapValues,
  layer: { size: WindowSize; stride: number; padding: 'valid' | 'same' },
  cell: Cell,
): { top: number; left: number } {
  const [h, w] = map.shape;
  const [rows, cols] = sizes(layer.size);
  const outH = windowOutputSize(h, rows, layer.stride, layer.padding);
  const outW = windowOutputSize(w, cols, layer.stride, layer.padding);
  if (!Number.isInteger(cell.y) || cell.y < 0 || cell.y >= outH) {
    throw new RangeError(`cell row ${cell.y} is outside the ${outH} rows of this layer's output`);
  }
  if (!Number.isInteger(cell.x) || cell.x < 0 || cell.x >= outW) {
    throw new RangeError(`cell column ${cell.x} is outside the ${outW} columns of this layer's output`);
  }
  const padTop = layer.padding === 'same' ? samePadding(h, rows, layer.stride)[0] : 0;
  const padLeft = layer.padding === 'same' ? samePadding(w, cols, layer.stride)[0] : 0;
  return { top: cell.y * layer.stride - padTop, left: cell.x * layer.stride - padLeft };
}

function checkChannel(cell: Cell, count: number, what: string): void {
  if (!Number.isInteger(cell.channel) || cell.channel < 0 || cell.channel >= count) {
    throw new RangeError(`${what} ${cell.channel} does not exist: this layer has ${count}`);
  }
}

/** A conv layer, or any conv window (a `[rows, columns]` size covers the course's 1x2 edge filter). */
export type ConvWindow = Pick<ConvLayer, 'filters' | 'stride' | 'padding'> & { readonly size: WindowSize };

/**
 * The math of one conv output: `input` is the layer's input, `weights` its HWIO kernel and biases,
 * `cell.channel` the filter. `scale` multiplies the sum before the bias is added.
 */
export function convCellMath(
  input: MapValues,
  layer: ConvWindow,
  weights: { readonly kernel: ArrayLike<number>; readonly bias: ArrayLike<number> },
  cell: Cell,
  scale = 1,
): ConvCellMath {
  checkChannel(cell, layer.filters, 'filter');
  const { top, left } = windowOrigin(input, layer, cell);
  const inChannels = input.shape[2];
  const { filters } = layer;
  const [rows, cols] = sizes(layer.size);
  const channels = [];
  let sum = 0;
  for (let c = 0; c < inChannels; c++) {
    const patch: (number | null)[][] = [];
    const kernel: number[][] = [];
    const products: number[][] = [];
    let channelSum = 0;
    for (let dy = 0; dy < rows; dy++) {
      const patchRow: (number | null)[] = [];
      const kernelRow: number[] = [];
      const productRow: number[] = [];
      for (let dx = 0; dx < cols; dx++) {
        const value = at(input, top + dy, left + dx, c);
        const weight = weights.kernel[((dy * cols + dx) * inChannels + c) * filters + cell.channel] as number;
        const product = value === null ? 0 : value * weight;
        patchRow.push(value);
        kernelRow.push(weight);
        productRow.push(product);
        channelSum += product;
      }
      patch.push(patchRow);
      kernel.push(kernelRow);
      products.push(productRow);
    }
    channels.push({ patch, kernel, products, sum: channelSum });
    sum += channelSum;
  }
  const bias = weights.bias[cell.channel] as number;
  return { kind: 'conv', cell, top, left, channels, sum, scale, bias, result: sum * scale + bias };
}

/** The window of one pooling output and the value it kept (max) or the mean of its real values (avg). */
export function poolCellMath(input: MapValues, layer: PoolLayer, cell: Cell): PoolCellMath {
  checkChannel(cell, input.shape[2], 'channel');
  const { top, left } = windowOrigin(input, layer, cell);
  const window: (number | null)[][] = [];
  let best = Number.NEGATIVE_INFINITY;
  let picked = { row: 0, column: 0 };
  let total = 0;
  let count = 0;
  for (let dy = 0; dy < layer.size; dy++) {
    const row: (number | null)[] = [];
    for (let dx = 0; dx < layer.size; dx++) {
      const value = at(input, top + dy, left + dx, cell.channel);
      row.push(value);
      if (value === null) continue;
      count++;
      total += value;
      if (value > best) {
        best = value;
        picked = { row: dy, column: dx };
      }
    }
    window.push(row);
  }
  if (layer.op === 'max') {
    return { kind: 'pool', cell, op: 'max', top, left, window, count, picked, result: best };
  }
  return { kind: 'pool', cell, op: 'avg', top, left, window, count, result: total / count };
}

/** ReLU on the input's value at `cell`. */
export function reluCellMath(input: MapValues, cell: Cell): ReluCellMath {
  checkChannel(cell, input.shape[2], 'channel');
  const value = at(input, cell.y, cell.x, cell.channel);
  if (value === null) {
    throw new RangeError(`cell row ${cell.y}, column ${cell.x} is outside this ${input.shape.join('x')} map`);
  }
  return { kind: 'relu', cell, input: value, result: Math.max(0, value) };
}

/** The course's activations, as the formats define them (leaky ReLU is max(0.1x, x), ELU has alpha 1). */
export function activate(fn: ActivationFn, x: number): number {
  switch (fn) {
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'tanh':
      return Math.tanh(x);
    case 'leaky_relu':
      return Math.max(0.1 * x, x);
    case 'elu':
      return x >= 0 ? x : Math.exp(x) - 1;
    default: {
      const unknown: never = fn;
      throw new Error(`unknown activation ${JSON.stringify(unknown)}`);
    }
  }
}

/** An activation (sigmoid, tanh, leaky ReLU, ELU) on the input's value at `cell`. */
export function activationCellMath(input: MapValues, fn: ActivationFn, cell: Cell): ActivationCellMath {
  const relu = reluCellMath(input, cell);
  return { kind: 'activation', fn, cell, input: relu.input, result: activate(fn, relu.input) };
}

function describeActivation(math: ActivationCellMath, format: (value: number) => string): string {
  const x = format(math.input);
  const y = format(math.result);
  switch (math.fn) {
    case 'sigmoid':
      return `sigmoid(${x}) = 1 ÷ (1 + e^${format(-math.input)}) = ${y}`;
    case 'tanh':
      return `tanh(${x}) = ${y}`;
    case 'leaky_relu':
      return math.input < 0
        ? `${x} is negative, so leaky ReLU gives 0.1 × ${x} = ${y}`
        : `${x} is not negative, so leaky ReLU keeps it: ${y}`;
    case 'elu':
      return math.input < 0
        ? `${x} is negative, so ELU gives e^${x} - 1 = ${y}`
        : `${x} is not negative, so ELU keeps it: ${y}`;
    default: {
      const unknown: never = math.fn;
      throw new Error(`unknown activation ${JSON.stringify(unknown)}`);
    }
  }
}

/** A number as the math view prints it: exact up to six decimals, no trailing zeros, no "-0". */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (!Number.isFinite(value)) return value > 0 ? 'infinity' : '-infinity';
  const rounded = Number(value.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * A number as a player reads it at a glance: whole numbers as they are, others to about three
 * significant digits (0.777778 is 0.778, -12.3456 is -12.3); the full value goes in a tooltip.
 */
export function formatShort(value: number): string {
  if (!Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) < 1e6))
    return formatNumber(value);
  const rounded = Number(value.toPrecision(3));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A multiplier the way a player reads it: `÷ 9` for 1/9, `× 0.5` otherwise. */
export function formatScale(scale: number, format: (value: number) => string = formatNumber): string {
  const divisor = 1 / scale;
  if (Math.abs(divisor - Math.round(divisor)) < 1e-9) return `÷ ${Math.round(divisor)}`;
  return `× ${format(scale)}`;
}

/** The math written out as sentences, one per step, for the view's text and for screen readers. */
export function describeCellMath(
  math: CellMath,
  format: (value: number) => string = formatNumber,
  channelNames?: readonly string[],
): string[] {
  switch (math.kind) {
    case 'conv': {
      const named = (c: number) => {
        const name = channelNames?.[c];
        return name ? `${name.charAt(0).toUpperCase()}${name.slice(1)}` : `Channel ${c + 1}`;
      };
      const lines = math.channels.map((channel, c) => {
        const terms = channel.products
          .flat()
          .map((v) => format(v))
          .join(' + ');
        const prefix = math.channels.length > 1 ? `${named(c)}: ` : '';
        return `${prefix}${terms} = ${format(channel.sum)}`;
      });
      if (math.channels.length > 1) {
        // Colours read "Red + green + blue: ...", other maps "Sum of the channels: ...".
        const what = channelNames
          ? math.channels.map((_, c) => (c === 0 ? named(c) : named(c).toLowerCase())).join(' + ')
          : 'Sum of the channels';
        lines.push(`${what}: ${math.channels.map((c) => format(c.sum)).join(' + ')} = ${format(math.sum)}`);
      }
      let running = format(math.sum);
      if (math.scale !== 1) {
        const scaled = math.sum * math.scale;
        lines.push(`${running} ${formatScale(math.scale, format)} = ${format(scaled)}`);
        running = format(scaled);
      }
      lines.push(`${running} + bias ${format(math.bias)} = ${format(math.result)}`);
      return lines;
    }
    case 'pool': {
      const values = math.window
        .flat()
        .filter((v): v is number => v !== null)
        .map((v) => format(v));
      const padded = math.window.flat().length - math.count;
      const edge = padded > 0 ? ` (${padded} of the window's cells hang over the edge and are skipped)` : '';
      if (math.op === 'max') {
        return [`Largest of ${values.join(', ')} = ${format(math.result)}${edge}`];
      }
      return [
        `Mean of ${values.join(', ')} = (${values.join(' + ')}) ÷ ${math.count} = ${format(math.result)}${edge}`,
      ];
    }
    case 'relu':
      return [
        math.input < 0
          ? `${format(math.input)} is negative, so ReLU gives 0`
          : `${format(math.input)} is not negative, so ReLU keeps it: ${format(math.result)}`,
      ];
    case 'activation':
      return [describeActivation(math, format)];
    default: {
      const unknown: never = math;
      throw new Error(`no description for ${JSON.stringify(unknown)}`);
    }
  }
}
