/**
 * The things the benchmark races, behind one interface: our engine on a backend, the convnetjs
 * package, and tfjs-layers' `model.fit`. Every runner starts from the same weights (ours, drawn from
 * the seed) and trains with the same optimiser, SGD with momentum 0.9, on the same batches' size.
 */
import * as tfl from '@tensorflow/tfjs-layers';
// @ts-expect-error convnetjs ships no types.
import convnetjs from 'convnetjs';
import { createEngine, initialWeights, seededRandom, shuffledIndices, tf, useBackend } from '../src/engine';
import { type BackendName, type Example, type LayerSpec, type LayerWeights, networkOf } from '../src/spec';

/** One benchmark case: a network, its data and what counts as reaching the goal. */
export interface BenchCase {
  readonly name: string;
  readonly input: readonly [number, number, number];
  readonly layers: readonly LayerSpec[];
  readonly classCount: number;
  readonly data: readonly Example[];
  readonly batchSize: number;
  readonly learningRate: number;
  /** Training accuracy that counts as the goal. */
  readonly goal: number;
  /** Steps timed for the speed columns. */
  readonly timedSteps: number;
}

/** A runner ready to train one case. */
export interface Trainee {
  /** Trains at least `steps` steps; returns how many it took (fit runs whole epochs). */
  train(steps: number): Promise<number>;
  accuracy(): Promise<number>;
  dispose(): void;
}

/** Something that can train a case. */
export interface Runner {
  readonly name: string;
  start(bench: BenchCase, weights: readonly (LayerWeights | null)[]): Promise<Trainee>;
}

/** The same starting weights for every runner. */
export function startingWeights(bench: BenchCase): (LayerWeights | null)[] {
  return initialWeights(bench.input, bench.layers, 1);
}

/** Our engine on one backend. */
export function engineRunner(backend: BackendName, wasmPath: string): Runner {
  return {
    name: `ConvBlocks engine (${backend})`,
    async start(bench, weights) {
      if (!(await useBackend(backend, { wasmPath }))) throw new Error(`${backend} is not available`);
      const engine = createEngine(
        backend,
        networkOf({
          input: bench.input,
          layers: bench.layers,
          training: {
            optimizer: 'sgd',
            momentum: 0.9,
            learningRate: bench.learningRate,
            batchSize: bench.batchSize,
            seed: 1,
          },
          weights,
        }),
        bench.data,
      );
      return {
        async train(steps) {
          await engine.trainSteps(steps);
          return steps;
        },
        async accuracy() {
          return (await engine.evaluate(bench.data)).accuracy;
        },
        dispose: () => engine.dispose(),
      };
    },
  };
}

/** Builds the same network as a tfjs-layers model. */
function layersModel(bench: BenchCase): tfl.Sequential {
  const model = tfl.sequential();
  bench.layers.forEach((layer, i) => {
    const first = i === 0 ? { inputShape: [...bench.input] } : {};
    const last = i === bench.layers.length - 1;
    switch (layer.type) {
      case 'conv':
        model.add(
          tfl.layers.conv2d({
            ...first,
            filters: layer.filters,
            kernelSize: layer.size,
            strides: layer.stride,
            padding: layer.padding,
          }),
        );
        break;
      case 'relu':
        model.add(tfl.layers.activation({ ...first, activation: 'relu' }));
        break;
      case 'pool':
        model.add(
          tfl.layers.maxPooling2d({
            ...first,
            poolSize: layer.size,
            strides: layer.stride,
            padding: layer.padding,
          }),
        );
        break;
      case 'flatten':
        model.add(tfl.layers.flatten(first));
        break;
      case 'dense':
        model.add(
          tfl.layers.dense({ ...first, units: layer.units, activation: last ? 'softmax' : 'linear' }),
        );
        break;
      default:
        throw new Error(`the benchmark has no tfjs-layers ${layer.type}`);
    }
  });
  return model;
}

/** tfjs-layers `model.fit`, the usual TensorFlow.js way, on the cpu backend (it cannot train convolutions on wasm). */
export const layersRunner: Runner = {
  name: 'tfjs-layers model.fit (cpu)',
  async start(bench, weights) {
    await useBackend('cpu');
    const model = layersModel(bench);
    // Kernels are HWIO and [inputs][units] in both, so our flat weights fill tfjs-layers' shapes as they are.
    const shapes = model.getWeights().map((t) => t.shape);
    const start = weights
      .flatMap((w) => (w ? [w.kernel, w.bias] : []))
      .map((v, i) => tf.tensor(v as number[], shapes[i]));
    model.setWeights(start);
    tf.dispose(start);
    model.compile({ optimizer: tf.train.momentum(bench.learningRate, 0.9), loss: 'categoricalCrossentropy' });
    const x = tf.tensor4d(
      bench.data.flatMap((e) => [...e.pixels]),
      [bench.data.length, ...bench.input],
    );
    const y = tf.oneHot(
      tf.tensor1d(
        bench.data.map((e) => e.classIndex),
        'int32',
      ),
      bench.classCount,
    );
    const stepsPerEpoch = Math.ceil(bench.data.length / bench.batchSize);
    return {
      async train(steps) {
        const epochs = Math.max(1, Math.ceil(steps / stepsPerEpoch));
        await model.fit(x, y, { batchSize: bench.batchSize, epochs, shuffle: true, verbose: 0 });
        return epochs * stepsPerEpoch;
      },
      async accuracy() {
        const predicted = tf.tidy(() => tf.argMax(model.predict(x) as tf.Tensor, 1));
        const labels = await predicted.data();
        predicted.dispose();
        return bench.data.filter((e, i) => labels[i] === e.classIndex).length / bench.data.length;
      },
      dispose() {
        tf.dispose([x, y]);
        model.dispose();
      },
    };
  },
};

/** The convnetjs package, the classic in-browser trainer, one picture at a time. */
export const convnetjsRunner: Runner = {
  name: 'convnetjs 0.3.0',
  async start(bench, weights) {
    const [h, w, c] = bench.input;
    const defs: Record<string, unknown>[] = [{ type: 'input', out_sx: w, out_sy: h, out_depth: c }];
    bench.layers.forEach((layer, i) => {
      const last = i === bench.layers.length - 1;
      if (layer.type === 'conv') {
        if (layer.padding !== 'valid')
          throw new Error('the benchmark gives convnetjs valid convolutions only');
        defs.push({ type: 'conv', sx: layer.size, filters: layer.filters, stride: layer.stride, pad: 0 });
      } else if (layer.type === 'relu') defs.push({ type: 'relu' });
      else if (layer.type === 'pool')
        defs.push({ type: 'pool', sx: layer.size, stride: layer.stride, pad: 0 });
      else if (layer.type === 'dense')
        defs.push(
          last ? { type: 'softmax', num_classes: layer.units } : { type: 'fc', num_neurons: layer.units },
        );
      else if (layer.type !== 'flatten') throw new Error(`the benchmark has no convnetjs ${layer.type}`);
    });
    const net = new convnetjs.Net();
    net.makeLayers(defs);
    const ours = weights.filter((x): x is LayerWeights => x !== null);
    const theirs = net.layers.filter(
      (l: { layer_type: string }) => l.layer_type === 'conv' || l.layer_type === 'fc',
    );
    theirs.forEach((layer: { filters: { w: Float64Array }[]; biases: { w: Float64Array } }, i: number) => {
      const mine = ours[i] as LayerWeights;
      const count = layer.filters.length;
      layer.filters.forEach((filter, f) => {
        for (let j = 0; j < filter.w.length; j++) filter.w[j] = mine.kernel[j * count + f] as number;
      });
      for (let f = 0; f < count; f++) layer.biases.w[f] = mine.bias[f] as number;
    });
    const trainer = new convnetjs.Trainer(net, {
      method: 'sgd',
      learning_rate: bench.learningRate,
      momentum: 0.9,
      batch_size: Math.min(bench.batchSize, bench.data.length),
      l2_decay: 0,
    });
    const volumes = bench.data.map((e) => {
      const vol = new convnetjs.Vol(w, h, c, 0);
      // convnetjs indexes ((width * y) + x) * depth + d: the same NHWC order as ours.
      for (let j = 0; j < e.pixels.length; j++) vol.w[j] = e.pixels[j];
      return vol;
    });
    const random = seededRandom(2);
    let order = shuffledIndices(bench.data.length, random);
    let position = 0;
    return {
      async train(steps) {
        const batch = Math.min(bench.batchSize, bench.data.length);
        for (let s = 0; s < steps; s++) {
          for (let b = 0; b < batch; b++) {
            if (position === order.length) {
              order = shuffledIndices(bench.data.length, random);
              position = 0;
            }
            const i = order[position++] as number;
            trainer.train(volumes[i], (bench.data[i] as Example).classIndex);
          }
        }
        return steps;
      },
      async accuracy() {
        let right = 0;
        volumes.forEach((vol, i) => {
          net.forward(vol, false);
          if (net.getPrediction() === (bench.data[i] as Example).classIndex) right++;
        });
        return right / volumes.length;
      },
      dispose() {},
    };
  },
};
