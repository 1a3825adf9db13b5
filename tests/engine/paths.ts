/**
 * The engine's two paths behind one face for the tests: the TensorFlow.js network (on the cpu
 * backend) and the plain typed-array network. Every agreement test runs over both.
 */
import { TensorNetwork, softmaxCrossEntropy as tfLoss } from '../../src/engine/network';
import { PlainNetwork, softmaxCrossEntropy as plainLoss } from '../../src/engine/plain-network';
import { tf } from '../../src/engine/tf';
import type { LayerSpec, LayerWeights } from '../../src/spec';

type Input = readonly [number, number, number];

/** Gradients of a scalar with respect to the input and to every layer's weights (kernel, bias). */
export interface Gradients {
  readonly value: number;
  readonly input: Float32Array;
  /** Kernel then bias for each layer with weights, in layer order. */
  readonly weights: Float32Array[];
}

/** One way of running a network. */
export interface EnginePath {
  readonly name: 'tfjs' | 'plain';
  /** The last layer's output for `n` pictures. */
  forward(
    input: Input,
    layers: readonly LayerSpec[],
    weights: (LayerWeights | null)[],
    x: number[],
    n: number,
  ): Float32Array;
  /** Gradients of sum(last output * upstream) for one picture. */
  weighted(
    input: Input,
    layers: readonly LayerSpec[],
    weights: (LayerWeights | null)[],
    x: number[],
    upstream: number[],
  ): Gradients;
  /** Gradients of the mean softmax cross-entropy of `n` pictures. */
  loss(
    input: Input,
    layers: readonly LayerSpec[],
    weights: (LayerWeights | null)[],
    x: number[],
    labels: number[],
  ): Gradients;
}

const tfjsPath: EnginePath = {
  name: 'tfjs',
  forward(input, layers, weights, x, n) {
    const net = new TensorNetwork(input, layers, weights);
    const out = tf.tidy(() => net.forward(tf.tensor4d(x, [n, ...input])).at(-1) as tf.Tensor);
    const values = out.dataSync() as Float32Array;
    out.dispose();
    net.dispose();
    return values;
  },
  weighted(input, layers, weights, x, upstream) {
    const up = tf.tensor1d(upstream);
    const result = tfGradients(input, layers, weights, x, 1, (out) =>
      tf.sum(tf.mul(tf.reshape(out, [-1]), up)),
    );
    up.dispose();
    return result;
  },
  loss(input, layers, weights, x, labels) {
    const classes = (layers.at(-1) as { units: number }).units;
    const oneHot = tf.tidy(
      () => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32') as tf.Tensor2D,
    );
    const result = tfGradients(input, layers, weights, x, labels.length, (out) => tfLoss(out, oneHot));
    oneHot.dispose();
    return result;
  },
};

function tfGradients(
  input: Input,
  layers: readonly LayerSpec[],
  weights: (LayerWeights | null)[],
  x: number[],
  n: number,
  scalarOf: (out: tf.Tensor) => tf.Scalar,
): Gradients {
  const net = new TensorNetwork(input, layers, weights);
  const xTensor = tf.tensor4d(x, [n, ...input]);
  const f = (t: tf.Tensor) => scalarOf(net.forward(t as tf.Tensor4D).at(-1) as tf.Tensor);
  const dx = tf.grad(f)(xTensor);
  const trainables = net.trainables();
  // With no variables of its own, variableGrads would take every variable alive: only the value then.
  const { value, grads } = trainables.length
    ? tf.variableGrads(() => f(xTensor), trainables)
    : { value: f(xTensor), grads: {} as Record<string, tf.Tensor> };
  const result: Gradients = {
    value: value.dataSync()[0] as number,
    input: dx.dataSync() as Float32Array,
    weights: trainables.map((v) => grads[v.name]?.dataSync() as Float32Array),
  };
  tf.dispose([dx, xTensor, value, ...Object.values(grads)]);
  net.dispose();
  return result;
}

const plainPath: EnginePath = {
  name: 'plain',
  forward(input, layers, weights, x, n) {
    return new PlainNetwork(input, layers, weights).forward(Float32Array.from(x), n).at(-1) as Float32Array;
  },
  weighted(input, layers, weights, x, upstream) {
    const net = new PlainNetwork(input, layers, weights);
    const xs = Float32Array.from(x);
    const outputs = net.forward(xs, 1);
    const last = outputs.at(-1) as Float32Array;
    const value = last.reduce((s, v, i) => s + v * (upstream[i] as number), 0);
    return plainGradients(net, xs, 1, outputs, Float64Array.from(upstream), value);
  },
  loss(input, layers, weights, x, labels) {
    const net = new PlainNetwork(input, layers, weights);
    const xs = Float32Array.from(x);
    const outputs = net.forward(xs, labels.length);
    const logits = outputs.at(-1) as Float32Array;
    const classes = logits.length / labels.length;
    const dLogits = new Float64Array(logits.length);
    const value = plainLoss(logits, labels, labels.length, classes, new Float32Array(logits.length), dLogits);
    return plainGradients(net, xs, labels.length, outputs, dLogits, value);
  },
};

function plainGradients(
  net: PlainNetwork,
  x: Float32Array,
  n: number,
  outputs: Float32Array[],
  dLast: Float64Array,
  value: number,
): Gradients {
  const { weights, input } = net.backward(x, n, outputs, dLast, true);
  return {
    value,
    input: Float32Array.from(input as Float64Array),
    weights: weights.flatMap((g) => (g ? [Float32Array.from(g.kernel), Float32Array.from(g.bias)] : [])),
  };
}

/** Both paths, for it.each / describe.each. */
export const ENGINE_PATHS: readonly EnginePath[] = [tfjsPath, plainPath];
