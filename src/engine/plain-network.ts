/**
 * A network on plain typed arrays: every layer's forward pass over a batch, and the backward pass
 * that gives the weights' gradients (and the input's, for the gradient checks). The same layers,
 * padding and activations as the TensorFlow.js network, written as loops.
 */
import { type ActivationFn, convScale, type LayerSpec, type LayerWeights, type Shape } from '../spec';
import { runnableShapes } from './layer-shapes';
import { convBackward, convForward } from './plain-conv';
import { denseBackward, denseForward } from './plain-dense';
import { poolBackward, poolForward, scaleInto, type WindowGeometry, windowGeometry } from './plain-windows';

/** A layer's weights as float32 numbers: the kernel flat as the formats store it, and the bias. */
export interface PlainWeights {
  readonly kernel: Float32Array;
  readonly bias: Float32Array;
}

/** The gradients of one layer's weights, accumulated in float64. */
export interface PlainGradients {
  readonly kernel: Float64Array;
  readonly bias: Float64Array;
}

const sizeOf = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

/** An activation of every value of `x` into `out`, as TensorFlow.js computes it. One loop per kind, so each stays a tight loop. */
function activateForward(fn: ActivationFn | 'relu', x: Float32Array, out: Float32Array): void {
  const n = x.length;
  switch (fn) {
    case 'relu':
      for (let k = 0; k < n; k++) out[k] = Math.max(x[k] as number, 0);
      return;
    case 'sigmoid':
      for (let k = 0; k < n; k++) out[k] = 1 / (1 + Math.exp(-(x[k] as number)));
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) out[k] = Math.tanh(x[k] as number);
      return;
    case 'leaky_relu':
      for (let k = 0; k < n; k++) out[k] = Math.max(x[k] as number, 0.1 * (x[k] as number));
      return;
    case 'elu':
      for (let k = 0; k < n; k++) {
        const v = x[k] as number;
        out[k] = v > 0 ? v : Math.exp(v) - 1;
      }
      return;
    default: {
      const unknown: never = fn;
      throw new Error(`unknown activation ${String(unknown)}`);
    }
  }
}

/** The input gradient of an activation: `dy` times its slope at `x`, into `dx`. */
function activateBackward(
  fn: ActivationFn | 'relu',
  x: Float32Array,
  dy: Float64Array,
  dx: Float64Array,
): void {
  const n = x.length;
  switch (fn) {
    case 'relu':
      for (let k = 0; k < n; k++) dx[k] = (x[k] as number) > 0 ? (dy[k] as number) : 0;
      return;
    case 'sigmoid':
      for (let k = 0; k < n; k++) {
        const s = 1 / (1 + Math.exp(-(x[k] as number)));
        dx[k] = (dy[k] as number) * s * (1 - s);
      }
      return;
    case 'tanh':
      for (let k = 0; k < n; k++) {
        const t = Math.tanh(x[k] as number);
        dx[k] = (dy[k] as number) * (1 - t * t);
      }
      return;
    case 'leaky_relu':
      // max(0.1x, x): the gradient goes to x where x >= 0.1x, so the slope at 0 is 1.
      for (let k = 0; k < n; k++) {
        const v = x[k] as number;
        dx[k] = (dy[k] as number) * (v >= 0.1 * v ? 1 : 0.1);
      }
      return;
    case 'elu':
      for (let k = 0; k < n; k++) {
        const v = x[k] as number;
        dx[k] = (dy[k] as number) * (v > 0 ? 1 : Math.exp(v));
      }
      return;
    default: {
      const unknown: never = fn;
      throw new Error(`unknown activation ${String(unknown)}`);
    }
  }
}

/** A network's layers with their weights, ready to run batches forward and back. */
export class PlainNetwork {
  readonly shapes: readonly Shape[];
  readonly weights: (PlainWeights | null)[];
  private readonly inputs: readonly Shape[];
  private readonly geometry: (WindowGeometry | null)[];
  /** Numbers per picture in each layer's input and output. */
  private readonly inSizes: readonly number[];
  private readonly outSizes: readonly number[];
  /**
   * Buffers reused from step to step, by batch size: each layer's output, each layer's input
   * gradient, and the weights' gradients. A step allocates nothing, so a tiny network's step costs
   * only its arithmetic. Every forward or backward overwrites the previous one's numbers.
   */
  private readonly outputBuffers = new Map<number, Float32Array[]>();
  private readonly gradientBuffers = new Map<number, Float64Array[]>();
  private readonly weightGradients: (PlainGradients | null)[];
  /** Per layer, what a conv multiplies its sums by (1 / (F * F) where it takes the mean, else 1), and its kernel times that. */
  private readonly scales: readonly number[];
  private readonly scaledKernels: (Float32Array | null)[];

  constructor(
    readonly input: readonly [number, number, number],
    readonly layers: readonly LayerSpec[],
    weights: readonly (LayerWeights | null)[],
  ) {
    this.shapes = runnableShapes(input, layers);
    this.inputs = layers.map((_, i) => (i === 0 ? input : (this.shapes[i - 1] as Shape)));
    this.weights = layers.map((_, i) => {
      const w = weights[i];
      return w ? { kernel: Float32Array.from(w.kernel), bias: Float32Array.from(w.bias) } : null;
    });
    this.inSizes = this.inputs.map(sizeOf);
    this.outSizes = this.shapes.map(sizeOf);
    this.weightGradients = this.weights.map((w) =>
      w ? { kernel: new Float64Array(w.kernel.length), bias: new Float64Array(w.bias.length) } : null,
    );
    this.geometry = layers.map((layer, i) =>
      layer.type === 'conv' || layer.type === 'pool'
        ? windowGeometry(this.inputs[i] as [number, number, number], layer.size, layer.stride, layer.padding)
        : null,
    );
    this.scales = layers.map((layer) => (layer.type === 'conv' ? convScale(layer) : 1));
    this.scaledKernels = this.weights.map((w, i) =>
      w && this.scales[i] !== 1 ? new Float32Array(w.kernel.length) : null,
    );
  }

  /** The kernel conv `i` applies: its weights, times 1 / (F * F) where it takes the mean (gradients then carry that too). */
  private appliedKernel(i: number): Float32Array {
    const kernel = (this.weights[i] as PlainWeights).kernel;
    const scaled = this.scaledKernels[i];
    return scaled ? scaleInto(scaled, kernel, this.scales[i] as number) : kernel;
  }

  /** Every layer's output for `n` pictures `x` (flat NHWC); the last is the logits. */
  forward(x: Float32Array, n: number): Float32Array[] {
    let buffers = this.outputBuffers.get(n);
    if (!buffers) {
      buffers = this.outSizes.map((size) => new Float32Array(n * size));
      this.outputBuffers.set(n, buffers);
    }
    const outputs: Float32Array[] = [];
    let current = x;
    this.layers.forEach((layer, i) => {
      const out = layer.type === 'flatten' ? current : (buffers[i] as Float32Array);
      this.apply(i, layer, n, current, out);
      outputs.push(out);
      current = out;
    });
    return outputs;
  }

  /** Layer `i`'s input-gradient buffer for a batch of `n`, zeroed. */
  private gradientBuffer(i: number, n: number): Float64Array {
    let buffers = this.gradientBuffers.get(n);
    if (!buffers) {
      buffers = this.inSizes.map((size) => new Float64Array(n * size));
      this.gradientBuffers.set(n, buffers);
    }
    return (buffers[i] as Float64Array).fill(0);
  }

  private apply(i: number, layer: LayerSpec, n: number, x: Float32Array, out: Float32Array): void {
    switch (layer.type) {
      case 'conv': {
        const w = this.weights[i] as PlainWeights;
        const kernel = this.appliedKernel(i);
        convForward(this.geometry[i] as WindowGeometry, n, x, kernel, w.bias, layer.filters, out);
        return;
      }
      case 'pool':
        poolForward(this.geometry[i] as WindowGeometry, layer.op, n, x, out);
        return;
      case 'relu':
      case 'activation':
        activateForward(layer.type === 'relu' ? 'relu' : layer.fn, x, out);
        return;
      case 'flatten':
        return;
      case 'dense': {
        const w = this.weights[i] as PlainWeights;
        denseForward(n, this.inSizes[i] as number, layer.units, x, w, out);
        return;
      }
      default: {
        const unknown: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * Back from `dLast`, the gradient of the last layer's output, through every layer: the weights'
   * gradients (null for layers without) and the input's gradient.
   */
  backward(
    x: Float32Array,
    n: number,
    outputs: readonly Float32Array[],
    dLast: Float64Array,
    wantInputGradient = false,
  ): { weights: (PlainGradients | null)[]; input: Float64Array | null } {
    const grads = this.weightGradients;
    for (const g of grads) {
      g?.kernel.fill(0);
      g?.bias.fill(0);
    }
    let dy = dLast;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i] as LayerSpec;
      const input = i === 0 ? x : (outputs[i - 1] as Float32Array);
      const needDx = i > 0 || wantInputGradient;
      dy = this.back(i, layer, n, input, outputs[i] as Float32Array, dy, grads[i] ?? null, needDx);
    }
    return { weights: grads, input: wantInputGradient ? dy : null };
  }

  /** One layer backward: returns the gradient of its input (an empty array when not needed). */
  private back(
    i: number,
    layer: LayerSpec,
    n: number,
    x: Float32Array,
    out: Float32Array,
    dy: Float64Array,
    grad: PlainGradients | null,
    needDx: boolean,
  ): Float64Array {
    const inSize = this.inSizes[i] as number;
    switch (layer.type) {
      case 'conv': {
        const dx = needDx ? this.gradientBuffer(i, n) : null;
        const g = grad as PlainGradients;
        const kernel = this.appliedKernel(i);
        convBackward(
          this.geometry[i] as WindowGeometry,
          n,
          x,
          kernel,
          layer.filters,
          dy,
          g.kernel,
          g.bias,
          dx,
        );
        scaleInto(g.kernel, g.kernel, this.scales[i] as number);
        return dx ?? new Float64Array(0);
      }
      case 'pool': {
        const dx = this.gradientBuffer(i, n);
        if (needDx) poolBackward(this.geometry[i] as WindowGeometry, layer.op, n, x, out, dy, dx);
        return dx;
      }
      case 'relu':
      case 'activation': {
        const dx = this.gradientBuffer(i, n);
        activateBackward(layer.type === 'relu' ? 'relu' : layer.fn, x, dy, dx);
        return dx;
      }
      case 'flatten':
        return dy;
      case 'dense': {
        const dx = needDx ? this.gradientBuffer(i, n) : null;
        denseBackward(
          n,
          inSize,
          layer.units,
          x,
          this.weights[i] as PlainWeights,
          dy,
          grad as PlainGradients,
          dx,
        );
        return dx ?? new Float64Array(0);
      }
      default: {
        const unknown: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The weights as plain numbers, in the formats' order. */
  readWeights(): (LayerWeights | null)[] {
    return this.weights.map((w) => (w ? { kernel: Array.from(w.kernel), bias: Array.from(w.bias) } : null));
  }

  /** Overwrites the weights in place (shapes must match, as parseNetwork guarantees). */
  writeWeights(weights: readonly (LayerWeights | null)[]): void {
    this.weights.forEach((w, i) => {
      const from = weights[i];
      if (!w || !from) return;
      w.kernel.set(from.kernel);
      w.bias.set(from.bias);
    });
  }
}

/**
 * Mean softmax cross-entropy of `n` rows of logits against their labels, and its gradient with
 * respect to the logits; `probabilities` receives the softmax.
 */
export function softmaxCrossEntropy(
  logits: Float32Array,
  labels: ArrayLike<number>,
  n: number,
  classes: number,
  probabilities: Float32Array,
  dLogits: Float64Array | null,
): number {
  let loss = 0;
  for (let p = 0; p < n; p++) {
    const base = p * classes;
    let top = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < classes; k++) top = Math.max(top, logits[base + k] as number);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp((logits[base + k] as number) - top);
    const logSum = Math.log(sum) + top;
    const label = labels[p] as number;
    loss += logSum - (logits[base + label] as number);
    for (let k = 0; k < classes; k++) {
      const prob = Math.exp((logits[base + k] as number) - logSum);
      probabilities[base + k] = prob;
      if (dLogits) dLogits[base + k] = (prob - (k === label ? 1 : 0)) / n;
    }
  }
  return n ? loss / n : 0;
}
