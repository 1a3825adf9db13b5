/**
 * What must come out the same on every backend: each worked example's layer output, and a random
 * network's forward outputs, gradients and weights after one optimiser step. Runs on whatever
 * backend is current, in Node (cpu, wasm) and in a browser worker (webgl too).
 */
import { Engine, initialWeights, PlainEngine, seededRandom, tf } from '../../src/engine';
import { softmaxCrossEntropy, TensorNetwork } from '../../src/engine/network';
import { PlainNetwork, softmaxCrossEntropy as plainLoss } from '../../src/engine/plain-network';
import { type Example, type LayerSpec, type LayerWeights, networkOf } from '../../src/spec';
import { channelsToNhwc, hwioKernel, type WorkedExample, workedExamples } from '../fixtures';
import type { Outputs } from './disagreements';

/** The layer and weights a worked example describes, or null for the 1-D filter run as a plain conv. */
function exampleLayer(example: WorkedExample): { layer: LayerSpec; weights: LayerWeights | null } | null {
  if (example.op === 'relu') return { layer: { type: 'relu' }, weights: null };
  if (example.op === 'maxpool') {
    const layer: LayerSpec = {
      type: 'pool',
      op: 'max',
      size: example.size ?? 2,
      stride: example.stride ?? 2,
      padding: example.padding ?? 'valid',
    };
    return { layer, weights: null };
  }
  const kernels = example.kernels ?? [];
  const rows = kernels[0]?.channels[0]?.length ?? 0;
  if (rows !== kernels[0]?.channels[0]?.[0]?.length) return null;
  const layer: LayerSpec = {
    type: 'conv',
    filters: kernels.length,
    size: rows,
    stride: example.stride ?? 1,
    padding: example.padding ?? 'valid',
  };
  return {
    layer,
    weights: { kernel: hwioKernel(kernels, example.scale ?? 1), bias: kernels.map((k) => k.bias) },
  };
}

/** One worked example's output on the current backend, flat NHWC. */
function exampleOutput(example: WorkedExample): number[] {
  const { shape, values } = channelsToNhwc(example.input);
  const built = exampleLayer(example);
  if (!built) {
    const k = example.kernels?.[0]?.channels[0]?.[0] ?? [];
    return tf.tidy(() =>
      Array.from(
        tf
          .conv2d(tf.tensor4d(values, [1, ...shape]), tf.tensor4d(k, [1, k.length, 1, 1]), 1, 'valid')
          .dataSync(),
      ),
    );
  }
  const net = new TensorNetwork(shape, [built.layer], [built.weights]);
  const out = tf.tidy(() =>
    Array.from((net.forward(tf.tensor4d(values, [1, ...shape]))[0] as tf.Tensor).dataSync()),
  );
  net.dispose();
  return out;
}

/** A random network touching every layer kind, with its pictures. */
export const randomNetwork = {
  input: [7, 7, 2] as const,
  layers: [
    { type: 'conv', filters: 3, size: 3, stride: 1, padding: 'same' },
    { type: 'relu' },
    { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
    { type: 'conv', filters: 2, size: 2, stride: 1, padding: 'valid' },
    { type: 'activation', fn: 'tanh' },
    { type: 'pool', op: 'avg', size: 2, stride: 1, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 3 },
  ] satisfies LayerSpec[],
  classCount: 3,
  // SGD: Adam's first step is lr * g / |g|, which turns a rounding difference in a gradient near
  // zero into a whole step, so it cannot be compared at 1e-4; SGD's step is as exact as the gradient.
  training: { optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, batchSize: 4, seed: 5 } as const,
};

/** Four seeded random pictures of the random network. */
export function randomPictures(): Example[] {
  const random = seededRandom(11);
  return Array.from({ length: 4 }, (_, i) => ({
    label: String(i % 3),
    classIndex: i % 3,
    pixels: Array.from({ length: 7 * 7 * 2 }, () => random() * 2 - 1),
  }));
}

/** Every output that must agree, computed on the current backend. */
export async function backendOutputs(): Promise<Outputs> {
  const outputs: Outputs = {};
  for (const example of workedExamples) outputs[`fixture ${example.id}`] = exampleOutput(example);

  const { input, layers, classCount } = randomNetwork;
  const pictures = randomPictures();
  const weights = initialWeights(input, layers, randomNetwork.training.seed);
  const net = new TensorNetwork(input, layers, weights);
  const x = tf.tensor4d(
    pictures.flatMap((p) => p.pixels),
    [pictures.length, ...input],
  );
  const oneHot = tf.oneHot(
    tf.tensor1d(
      pictures.map((p) => p.classIndex),
      'int32',
    ),
    classCount,
  ) as tf.Tensor2D;
  tf.tidy(() => {
    net.forward(x).forEach((t, i) => {
      outputs[`forward ${i} ${layers[i]?.type}`] = Array.from(t.dataSync());
    });
  });
  const { grads } = tf.variableGrads(
    () => softmaxCrossEntropy(net.forward(x).at(-1) as tf.Tensor, oneHot),
    net.trainables(),
  );
  for (const [name, grad] of Object.entries(grads)) {
    outputs[`gradient ${net.trainables().findIndex((v) => v.name === name)}`] = Array.from(grad.dataSync());
    grad.dispose();
  }
  tf.dispose([x, oneHot]);
  net.dispose();

  const engine = new Engine(networkOf({ input, layers, training: { ...randomNetwork.training } }), pictures);
  await engine.trainSteps(1);
  engine.getWeights().forEach((w, i) => {
    if (w) outputs[`after one SGD step, layer ${i}`] = [...w.kernel, ...w.bias];
  });
  engine.dispose();
  return outputs;
}

/**
 * The same outputs on the plain typed-array path, under the same names; the 1-D edge filter, which
 * only runs as a TensorFlow.js conv, is left out.
 */
export async function plainOutputs(): Promise<Outputs> {
  const outputs: Outputs = {};
  for (const example of workedExamples) {
    const built = exampleLayer(example);
    if (!built) continue;
    const { shape, values } = channelsToNhwc(example.input);
    const out = new PlainNetwork(shape, [built.layer], [built.weights]).forward(Float32Array.from(values), 1);
    outputs[`fixture ${example.id}`] = Array.from(out[0] as Float32Array);
  }
  const { input, layers, classCount } = randomNetwork;
  const pictures = randomPictures();
  const weights = initialWeights(input, layers, randomNetwork.training.seed);
  const net = new PlainNetwork(input, layers, weights);
  const x = Float32Array.from(pictures.flatMap((p) => p.pixels));
  const forward = net.forward(x, pictures.length);
  forward.forEach((values, i) => {
    outputs[`forward ${i} ${layers[i]?.type}`] = Array.from(values);
  });
  const logits = forward.at(-1) as Float32Array;
  const dLogits = new Float64Array(logits.length);
  const labels = pictures.map((p) => p.classIndex);
  plainLoss(logits, labels, pictures.length, classCount, new Float32Array(logits.length), dLogits);
  const grads = net.backward(x, pictures.length, forward, dLogits).weights;
  grads
    .flatMap((g) => (g ? [g.kernel, g.bias] : []))
    .forEach((grad, i) => {
      outputs[`gradient ${i}`] = Array.from(grad, Math.fround);
    });
  const engine = new PlainEngine(
    networkOf({ input, layers, training: { ...randomNetwork.training } }),
    pictures,
  );
  await engine.trainSteps(1);
  engine.getWeights().forEach((w, i) => {
    if (w) outputs[`after one SGD step, layer ${i}`] = [...w.kernel, ...w.bias];
  });
  return outputs;
}
