import { type ActivationFn, convScale, type LayerSpec, type LayerWeights, type Shape } from '../spec';
import { runnableShapes } from './layer-shapes';
import {
  conv2d,
  convFromColumns,
  planWindows,
  pool2d,
  poolCounts,
  type WindowIndices,
  windowIndices,
} from './ops';
import { tf } from './tf';

/** A layer's trainable tensors: the kernel as a matrix `[fan-in, outputs]` and the bias. */
interface LayerVariables {
  readonly kernel: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;
}

/** A trainable variable holding `init`'s values; `init` itself is freed (tf.variable keeps it alive). */
function variableFrom<R extends tf.Rank>(init: tf.Tensor<R>): tf.Variable<R> {
  const variable = tf.variable(init, true);
  init.dispose();
  return variable;
}

/** Mean softmax cross-entropy of the logits `[n, classes]` against one-hot labels: the training loss. */
export function softmaxCrossEntropy(logits: tf.Tensor, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits as tf.Tensor2D)), 1)));
}

/** The course's activations, each written with ops whose gradients every backend has. */
export function activate(x: tf.Tensor, fn: ActivationFn | 'relu'): tf.Tensor {
  switch (fn) {
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'tanh':
      return tf.tanh(x);
    case 'leaky_relu':
      // max(0.1x, x), as the course writes it.
      return tf.maximum(x, tf.mul(x, 0.1));
    case 'elu':
      // relu(x) + exp(min(x, 0)) - 1: x above zero, e^x - 1 below, built from ops with gradients.
      return tf.add(tf.relu(x), tf.sub(tf.exp(tf.minimum(x, 0)), 1));
    default: {
      const unknown: never = fn;
      throw new Error(`unknown activation ${String(unknown)}`);
    }
  }
}

/**
 * A network's layers as tensors on the current backend: variables for the weights and the constant
 * tensors some layers need. Build it, run `forward` inside tf.tidy, and `dispose` it when done.
 */
export class TensorNetwork {
  readonly shapes: readonly Shape[];
  private readonly variables: (LayerVariables | null)[];
  private readonly counts: (tf.Tensor4D | null)[];
  private readonly windows: (WindowIndices | null)[];

  constructor(
    readonly input: readonly [number, number, number],
    readonly layers: readonly LayerSpec[],
    weights: readonly (LayerWeights | null)[],
  ) {
    this.shapes = runnableShapes(input, layers);
    this.variables = layers.map((_, i) => {
      const w = weights[i];
      if (!w) return null;
      const units = w.bias.length;
      // Variables are never named: names would collide between two networks alive at once.
      return {
        kernel: variableFrom(tf.tensor2d(w.kernel as number[], [w.kernel.length / units, units])),
        bias: variableFrom(tf.tensor1d(w.bias as number[])),
      };
    });
    const inputOf = (i: number) =>
      (i === 0 ? input : this.shapes[i - 1]) as readonly [number, number, number];
    this.windows = layers.map((layer, i) => {
      const tiles = layer.type === 'pool' && layer.stride === layer.size;
      if ((layer.type !== 'conv' && layer.type !== 'pool') || tiles) return null;
      const [h, w] = inputOf(i);
      return windowIndices(planWindows(h, w, layer.size, layer.stride, layer.padding));
    });
    this.counts = layers.map((layer, i) => {
      if (layer.type !== 'pool' || layer.op !== 'avg') return null;
      const [h, w] = inputOf(i);
      const counts = poolCounts(h, w, layer.size, layer.stride, layer.padding);
      return tf.tensor4d(counts.values, counts.shape);
    });
  }

  /** Every trainable variable, in layer order (kernel then bias). */
  trainables(): tf.Variable[] {
    return this.variables.flatMap((v) => (v ? [v.kernel, v.bias] : []));
  }

  /**
   * Runs the layers on a batch `[n, h, w, c]` and returns every layer's output (the last one is the
   * logits). `firstColumns` may hold the im2col of `x` for a first conv layer, computed in advance.
   */
  forward(x: tf.Tensor4D, firstColumns?: tf.Tensor2D): tf.Tensor[] {
    const outputs: tf.Tensor[] = [];
    let current: tf.Tensor = x;
    this.layers.forEach((layer, i) => {
      current = this.apply(i, layer, current, i === 0 ? firstColumns : undefined);
      outputs.push(current);
    });
    return outputs;
  }

  private apply(i: number, layer: LayerSpec, x: tf.Tensor, columns?: tf.Tensor2D): tf.Tensor {
    switch (layer.type) {
      case 'conv': {
        const v = this.variables[i] as LayerVariables;
        // A conv that takes the mean applies its weights times 1 / (F * F); autodiff carries the scale.
        const scale = convScale(layer);
        const kernel: tf.Tensor2D = scale === 1 ? v.kernel : tf.mul(v.kernel, scale);
        if (columns)
          return convFromColumns(columns, kernel, v.bias, this.shapes[i] as [number, number, number]);
        return conv2d(x as tf.Tensor4D, kernel, v.bias, this.windows[i] as WindowIndices);
      }
      case 'pool':
        return pool2d(
          x as tf.Tensor4D,
          layer.op,
          layer.size,
          layer.stride,
          layer.padding,
          this.windows[i] ?? undefined,
          this.counts[i] ?? undefined,
        );
      case 'relu':
        return activate(x, 'relu');
      case 'activation':
        return activate(x, layer.fn);
      case 'flatten':
        return tf.reshape(x, [x.shape[0] as number, -1]);
      case 'dense': {
        const v = this.variables[i] as LayerVariables;
        return tf.add(tf.matMul(x as tf.Tensor2D, v.kernel), v.bias);
      }
      default: {
        const unknown: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The weights as plain numbers, in the formats' order. */
  readWeights(): (LayerWeights | null)[] {
    return this.variables.map((v) =>
      v ? { kernel: Array.from(v.kernel.dataSync()), bias: Array.from(v.bias.dataSync()) } : null,
    );
  }

  /** Overwrites the weights in place (shapes must match, as parseNetwork guarantees). */
  writeWeights(weights: readonly (LayerWeights | null)[]): void {
    this.variables.forEach((v, i) => {
      const w = weights[i];
      if (!v || !w) return;
      tf.tidy(() => {
        v.kernel.assign(tf.tensor2d(w.kernel as number[], v.kernel.shape));
        v.bias.assign(tf.tensor1d(w.bias as number[]));
      });
    });
  }

  /** Frees every tensor this network holds. */
  dispose(): void {
    for (const v of this.variables) {
      v?.kernel.dispose();
      v?.bias.dispose();
    }
    for (const c of this.counts) c?.dispose();
    for (const w of this.windows) {
      w?.forward.dispose();
      w?.backward.dispose();
    }
  }
}
