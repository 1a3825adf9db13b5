/**
 * A tiny loop-by-loop forward pass and a dense-layer SGD step, so the demo page can feed the training
 * view real numbers without TensorFlow.js: the conv filters glide from random to the course's filters
 * while the dense layer really learns on top of them.
 */
import { inferShapes, type LayerSpec, type Shape, samePadding } from '../../../src/spec';
import type { LayerOutputLike } from '../../../src/viz/types';

/** Mutable weights, lined up with the layers. */
export type Weights = ({ kernel: number[]; bias: number[] } | null)[];

/** A small seeded generator (LCG), so every page load draws the same network. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function windowStart(padding: 'valid' | 'same', inSize: number, size: number, stride: number): number {
  return padding === 'same' ? (samePadding(inSize, size, stride)[0] as number) : 0;
}

/** Every layer's output for one picture; `convScale` multiplies conv sums (1/9 for the course's X level). */
export function forward(
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
  weights: Weights,
  pixels: ArrayLike<number>,
  convScale: (size: number) => number,
): LayerOutputLike[] {
  const shapes = inferShapes(input, layers).layers;
  const outputs: LayerOutputLike[] = [];
  let x: ArrayLike<number> = pixels;
  let shape: Shape = input;
  for (const [i, layer] of layers.entries()) {
    const result = shapes[i];
    if (!result?.ok) throw new Error(`layer ${i + 1} does not fit: ${result ? result.reason : 'missing'}`);
    const out = new Float32Array(result.output.reduce((a, b) => a * b, 1));
    if (layer.type === 'conv' || layer.type === 'pool') {
      const [h, w, c] = shape as [number, number, number];
      const [oh, ow, oc] = result.output as [number, number, number];
      const top = windowStart(layer.padding, h, layer.size, layer.stride);
      const left = windowStart(layer.padding, w, layer.size, layer.stride);
      const kernel = weights[i]?.kernel ?? [];
      for (let oy = 0; oy < oh; oy++)
        for (let ox = 0; ox < ow; ox++)
          for (let o = 0; o < oc; o++) {
            let sum = 0;
            let best = Number.NEGATIVE_INFINITY;
            for (let dy = 0; dy < layer.size; dy++)
              for (let dx = 0; dx < layer.size; dx++) {
                const y = oy * layer.stride + dy - top;
                const xx = ox * layer.stride + dx - left;
                if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                if (layer.type === 'pool') {
                  best = Math.max(best, x[(y * w + xx) * c + o] as number);
                  continue;
                }
                for (let k = 0; k < c; k++) {
                  sum +=
                    (x[(y * w + xx) * c + k] as number) *
                    (kernel[((dy * layer.size + dx) * c + k) * oc + o] as number);
                }
              }
            out[(oy * ow + ox) * oc + o] =
              layer.type === 'pool' ? best : sum * convScale(layer.size) + (weights[i]?.bias[o] as number);
          }
    } else if (layer.type === 'relu') {
      for (let j = 0; j < out.length; j++) out[j] = Math.max(0, x[j] as number);
    } else if (layer.type === 'flatten') {
      for (let j = 0; j < out.length; j++) out[j] = x[j] as number;
    } else if (layer.type === 'dense') {
      const n = x.length;
      const { kernel, bias } = weights[i] ?? { kernel: [], bias: [] };
      for (let u = 0; u < layer.units; u++) {
        let sum = bias[u] as number;
        for (let j = 0; j < n; j++) sum += (x[j] as number) * (kernel[j * layer.units + u] as number);
        out[u] = sum;
      }
    } else {
      throw new Error(`the demo page has no ${layer.type} layer`);
    }
    outputs.push({ type: layer.type, shape: result.output, values: out });
    x = out;
    shape = result.output;
  }
  return outputs;
}

/** Softmax of the last layer's outputs: the votes. */
export function softmax(logits: ArrayLike<number>): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i] as number);
  const exps = Array.from({ length: logits.length }, (_, i) => Math.exp((logits[i] as number) - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** Adam's running moments for the dense layer's parameters. */
export interface AdamState {
  step: number;
  m: number[];
  v: number[];
}

/** Fresh Adam moments for `count` parameters. */
export function adamState(count: number): AdamState {
  return { step: 0, m: new Array(count).fill(0), v: new Array(count).fill(0) };
}

/**
 * One full-batch Adam step on the last (dense) layer only, from the features the layers before it
 * produce. Returns the mean cross-entropy loss before the step.
 */
export function denseStep(
  features: readonly ArrayLike<number>[],
  probabilities: readonly number[][],
  labels: readonly number[],
  dense: { kernel: number[]; bias: number[] },
  adam: AdamState,
  learningRate: number,
): number {
  const units = dense.bias.length;
  const kernelSize = dense.kernel.length;
  let loss = 0;
  const grad = new Array(kernelSize + units).fill(0);
  for (const [e, f] of features.entries()) {
    const p = probabilities[e] ?? [];
    const label = labels[e] ?? 0;
    loss -= Math.log(Math.max(p[label] ?? 0, 1e-12));
    for (let u = 0; u < units; u++) {
      const g = (p[u] ?? 0) - (u === label ? 1 : 0);
      grad[kernelSize + u] += g;
      for (let j = 0; j < f.length; j++) grad[j * units + u] += g * (f[j] as number);
    }
  }
  const n = Math.max(features.length, 1);
  adam.step++;
  const [beta1, beta2] = [0.9, 0.999];
  for (let i = 0; i < grad.length; i++) {
    const g = grad[i] / n;
    adam.m[i] = beta1 * (adam.m[i] as number) + (1 - beta1) * g;
    adam.v[i] = beta2 * (adam.v[i] as number) + (1 - beta2) * g * g;
    const mHat = (adam.m[i] as number) / (1 - beta1 ** adam.step);
    const vHat = (adam.v[i] as number) / (1 - beta2 ** adam.step);
    const delta = (learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    if (i < kernelSize) dense.kernel[i] = (dense.kernel[i] as number) - delta;
    else dense.bias[i - kernelSize] = (dense.bias[i - kernelSize] as number) - delta;
  }
  return loss / n;
}
