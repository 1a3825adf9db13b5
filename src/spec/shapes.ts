import type { ConvLayer, LayerSpec, Padding, Shape } from './types';
import { withArticle } from './words';

/**
 * Output length of a window of `size` moving by `stride` over `inSize` values. A number is explicit
 * padding on each side, `(W - F + 2P) / S + 1` rounded down; `"same"` is TensorFlow's `ceil(W / S)`.
 * Returns 0 or less when the window does not fit.
 */
export function windowOutputSize(
  inSize: number,
  size: number,
  stride: number,
  padding: Padding | number,
): number {
  if (padding === 'same') return Math.ceil(inSize / stride);
  const pad = padding === 'valid' ? 0 : padding;
  if (inSize + 2 * pad < size) return 0;
  return Math.floor((inSize - size + 2 * pad) / stride) + 1;
}

/** Padding "same" adds before (top/left) and after (bottom/right): any odd extra goes after, as in TensorFlow. */
export function samePadding(inSize: number, size: number, stride: number): readonly [number, number] {
  const outSize = Math.ceil(inSize / stride);
  const total = Math.max((outSize - 1) * stride + size - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** What a conv layer multiplies each sum of products by: 1, or 1 / (F * F) where it takes the mean. */
export function convScale(layer: Pick<ConvLayer, 'size' | 'products'>): number {
  return layer.products === 'mean' ? 1 / (layer.size * layer.size) : 1;
}

/** Parameters of a conv layer: `(F * F * D + 1) * K` (a bias per filter). */
export function convParams(size: number, inChannels: number, filters: number): number {
  return (size * size * inChannels + 1) * filters;
}

/**
 * A conv layer's parameter count written out as the course writes it, `(5×5×3+1)×10 = 760`: F x F
 * weights for each of the D input channels, one bias, for each of the K filters.
 */
export function convParamsFormula(size: number, inChannels: number, filters: number): string {
  return `(${size}×${size}×${inChannels}+1)×${filters} = ${convParams(size, inChannels, filters)}`;
}

/** What shape inference found for one layer: its shapes and parameter count, or why it cannot be. */
export type LayerShapeResult =
  | { readonly ok: true; readonly input: Shape; readonly output: Shape; readonly params: number }
  | { readonly ok: false; readonly input: Shape; readonly reason: string };

/** Shape inference over a whole stack; stops at the first layer that cannot be. */
export interface ShapeReport {
  /** One entry per layer up to and including the first impossible one. */
  readonly layers: readonly LayerShapeResult[];
  /** The index of the first impossible layer, or -1. */
  readonly errorAt: number;
  /** The sum of every layer's parameters (up to the first impossible layer). */
  readonly totalParams: number;
  /** The last layer's output, when every layer fits. */
  readonly output?: Shape;
}

/** Writes a shape the way players read it: `7x7x2`, or `32` once flat. */
export function formatShape(shape: Shape): string {
  return shape.join('x');
}

function isFlat(shape: Shape): shape is readonly [number] {
  return shape.length === 1;
}

/** The output shape and parameter count of one layer on `input`, or a reason a player can act on. */
export function inferLayer(layer: LayerSpec, input: Shape): LayerShapeResult {
  const fail = (reason: string): LayerShapeResult => ({ ok: false, input, reason });
  switch (layer.type) {
    case 'conv':
    case 'pool': {
      const name = layer.type === 'conv' ? 'Conv' : 'Pool';
      if (isFlat(input)) {
        return fail(
          `${name} needs a picture, but its input is already flat: move it above the Flatten block`,
        );
      }
      const [h, w, c] = input;
      const outH = windowOutputSize(h, layer.size, layer.stride, layer.padding);
      const outW = windowOutputSize(w, layer.size, layer.stride, layer.padding);
      if (outH < 1 || outW < 1) {
        const what = layer.type === 'conv' ? 'filter' : 'pooling window';
        return fail(
          `${withArticle(`${layer.size}x${layer.size} ${what}`)} does not fit ${withArticle(`${h}x${w}`)} input: make it smaller or use "same" padding`,
        );
      }
      if (layer.type === 'conv') {
        return {
          ok: true,
          input,
          output: [outH, outW, layer.filters],
          params: convParams(layer.size, c, layer.filters),
        };
      }
      return { ok: true, input, output: [outH, outW, c], params: 0 };
    }
    case 'relu':
    case 'activation':
      return { ok: true, input, output: input, params: 0 };
    case 'flatten': {
      const size = input.reduce((a, b) => a * b, 1);
      return { ok: true, input, output: [size], params: 0 };
    }
    case 'dense': {
      if (!isFlat(input)) {
        return fail('Dense needs a flat input: add a Flatten block before it');
      }
      return { ok: true, input, output: [layer.units], params: (input[0] + 1) * layer.units };
    }
    default: {
      const unknown: never = layer;
      return fail(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** Shapes and parameter counts of every layer of a stack fed with `input` pictures. */
export function inferShapes(input: Shape, layers: readonly LayerSpec[]): ShapeReport {
  const results: LayerShapeResult[] = [];
  let shape: Shape = input;
  let totalParams = 0;
  for (const [index, layer] of layers.entries()) {
    const result = inferLayer(layer, shape);
    results.push(result);
    if (!result.ok) return { layers: results, errorAt: index, totalParams };
    totalParams += result.params;
    shape = result.output;
  }
  return { layers: results, errorAt: -1, totalParams, output: shape };
}

/**
 * Why a stack cannot classify `classCount` classes, or null when it can: every layer must fit, and
 * the last must be a Dense with one unit per class (its outputs become the votes).
 */
export function classifierProblem(
  input: Shape,
  layers: readonly LayerSpec[],
  classCount: number,
): { readonly layerIndex: number; readonly reason: string } | null {
  if (layers.length === 0)
    return { layerIndex: -1, reason: 'the network is empty: add a Flatten and a Dense block' };
  const report = inferShapes(input, layers);
  const failed = report.layers[report.errorAt];
  if (failed && !failed.ok) return { layerIndex: report.errorAt, reason: failed.reason };
  const lastIndex = layers.length - 1;
  const last = layers[lastIndex];
  if (last?.type !== 'dense') {
    return {
      layerIndex: lastIndex,
      reason: `the last block must be a Dense with ${classCount} units, one vote per class`,
    };
  }
  if (last.units !== classCount) {
    return {
      layerIndex: lastIndex,
      reason: `the last Dense has ${last.units} units but there are ${classCount} classes: give it ${classCount}`,
    };
  }
  return null;
}
