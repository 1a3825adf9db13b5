import { describe, expect, it } from 'vitest';
import { createEngine, Engine, seededRandom, type TrainingEngine } from '../../src/engine';
import { tf } from '../../src/engine/tf';
import {
  DEFAULT_TRAINING,
  type Example,
  type LayerSpec,
  type NetworkParts,
  networkOf,
  type TrainingSpec,
} from '../../src/spec';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { faceSet, slashSet, xoSet } from '../fixtures/seed-data';

const training = { ...DEFAULT_TRAINING, learningRate: 0.05 };

/** Trains until every training picture is right or `maxSteps` pass; returns the steps taken. */
async function trainToPerfect(
  engine: TrainingEngine,
  examples: readonly Example[],
  maxSteps: number,
): Promise<number> {
  while (engine.step < maxSteps) {
    await engine.trainSteps(5);
    if ((await engine.evaluate(examples)).accuracy === 1) return engine.step;
  }
  return engine.step;
}

const smallConvNet: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

/** The paths every training test runs on: TensorFlow.js on its cpu backend, and the plain arrays. */
const PATHS = ['cpu', 'plain'] as const;

describe.each(PATHS)('training on the seed data sets on the %s path', (path) => {
  it.each<[string, NetworkParts, Example[]]>([
    [
      '2x2 slashes with one Dense block',
      {
        input: [2, 2, 1],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
        training,
      },
      slashSet,
    ],
    ['9x9 X vs O with conv, ReLU, pool', { input: [9, 9, 1], layers: smallConvNet, training }, xoSet],
    ['7x7 happy face vs other faces', { input: [7, 7, 1], layers: smallConvNet, training }, faceSet],
  ])('%s reaches full training accuracy', async (_, network, examples) => {
    const engine = createEngine(path, networkOf(network), examples);
    const steps = await trainToPerfect(engine, examples, 300);
    expect((await engine.evaluate(examples)).accuracy).toBe(1);
    expect(steps).toBeLessThan(300);
    engine.dispose();
  });
});

describe.each(PATHS)('the engine on the %s path', (path) => {
  const random = seededRandom(5);
  const noise: Example[] = Array.from({ length: 20 }, (_, i) => ({
    label: String(i % 4),
    classIndex: i % 4,
    pixels: Array.from({ length: 64 }, () => random() * 2 - 1),
  }));
  const noiseNet: NetworkParts & { training: TrainingSpec } = {
    input: [8, 8, 1],
    layers: [
      { type: 'conv', filters: 8, size: 3, stride: 1, padding: 'same' },
      { type: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 4 },
    ],
    training: { ...DEFAULT_TRAINING, learningRate: 0.01 },
  };

  it('starts from a loss close to ln(number of classes)', async () => {
    const engine = createEngine(path, networkOf(noiseNet), noise);
    const { loss } = await engine.evaluate(noise);
    expect(Math.abs(loss - Math.log(4))).toBeLessThan(0.5);
    engine.dispose();
  });

  it('overfits 20 random pictures to zero training error', async () => {
    const engine = createEngine(path, networkOf(noiseNet), noise);
    await trainToPerfect(engine, noise, 500);
    expect((await engine.evaluate(noise)).accuracy).toBe(1);
    engine.dispose();
  });

  it('gives bit-identical weights for the same network, data and seed', async () => {
    const run = async (seed: number) => {
      const engine = createEngine(
        path,
        networkOf({ ...noiseNet, training: { ...noiseNet.training, seed, batchSize: 8 } }),
        noise,
      );
      await engine.trainSteps(25);
      const weights = engine.getWeights();
      engine.dispose();
      return weights;
    };
    const first = await run(3);
    expect(await run(3)).toEqual(first);
    expect(await run(4)).not.toEqual(first);
  });

  // The plain path holds no tensors: only the TensorFlow.js path can leak them.
  it.skipIf(path === 'plain').each([
    ['full batch', 32],
    ['minibatches', 6],
  ])(
    'leaks no tensor over 1,000 steps (%s), nor after reset and dispose',
    async (_, batchSize) => {
      const before = tf.memory().numTensors;
      const engine = new Engine(
        networkOf({ ...noiseNet, training: { ...noiseNet.training, batchSize } }),
        noise,
      );
      await engine.trainSteps(10);
      const afterTen = tf.memory().numTensors;
      for (let i = 0; i < 99; i++) await engine.trainSteps(10);
      await engine.evaluate(noise);
      await engine.activations(noise[0]?.pixels ?? []);
      expect(engine.step).toBe(1000);
      expect(tf.memory().numTensors).toBe(afterTen);
      engine.reset();
      await engine.trainSteps(10);
      expect(tf.memory().numTensors).toBe(afterTen);
      engine.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
    LONG_TEST_MS,
  );

  it('reports a blow-up and keeps the last good weights', async () => {
    const engine = createEngine(
      path,
      networkOf({
        ...noiseNet,
        training: { ...noiseNet.training, optimizer: 'sgd', momentum: 0, learningRate: 10 },
      }),
      noise.map((e) => ({ ...e, pixels: e.pixels.map((v) => v * 1e18) })),
    );
    const before = engine.getWeights();
    const result = await engine.trainSteps(20);
    expect(result.diverged).toBe(true);
    expect(engine.getWeights()).toEqual(before);
    engine.dispose();
  });

  it('returns every layer output for one picture with its shape', async () => {
    const engine = createEngine(path, networkOf(noiseNet), noise);
    const outputs = await engine.activations(noise[0]?.pixels ?? []);
    expect(outputs.map((o) => [o.type, o.shape, o.values.length])).toEqual([
      ['conv', [8, 8, 8], 512],
      ['relu', [8, 8, 8], 512],
      ['flatten', [512], 512],
      ['dense', [4], 4],
    ]);
    expect(outputs[1]?.values.every((v) => v >= 0)).toBe(true);
    const probabilities = await engine.predict(noise[0]?.pixels ?? []);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    engine.dispose();
  });

  it('trains from given weights and puts fresh ones back on reset', async () => {
    const engine = createEngine(path, networkOf(noiseNet), noise);
    const fresh = engine.getWeights();
    await engine.trainSteps(5);
    expect(engine.getWeights()).not.toEqual(fresh);
    engine.reset();
    expect(engine.getWeights()).toEqual(fresh);
    expect(engine.step).toBe(0);
    engine.dispose();
  });
});

describe('the plain path and the TensorFlow.js path', () => {
  const random = seededRandom(9);
  const pictures: Example[] = Array.from({ length: 14 }, (_, i) => ({
    label: String(i % 3),
    classIndex: i % 3,
    pixels: Array.from({ length: 49 }, () => random() * 2 - 1),
  }));
  const layers: LayerSpec[] = [
    { type: 'conv', filters: 4, size: 3, stride: 2, padding: 'same' },
    { type: 'relu' },
    { type: 'pool', op: 'max', size: 2, stride: 1, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 3 },
  ];

  it.each<[string, TrainingSpec]>([
    [
      'SGD with momentum, minibatches',
      { ...DEFAULT_TRAINING, optimizer: 'sgd', momentum: 0.9, batchSize: 5 },
    ],
    ['plain SGD, full batch', { ...DEFAULT_TRAINING, optimizer: 'sgd', momentum: 0, learningRate: 0.1 }],
    ['Adam, minibatches', { ...DEFAULT_TRAINING, optimizer: 'adam', batchSize: 4 }],
  ])('train alike step by step with %s', async (_, trainingSpec) => {
    const network = networkOf({ input: [7, 7, 1], layers, training: trainingSpec });
    const [tfjs, plain] = PATHS.map((path) => createEngine(path, network, pictures)) as [
      TrainingEngine,
      TrainingEngine,
    ];
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await tfjs.trainSteps(4), await plain.trainSteps(4)];
      expect(b.step).toBe(a.step);
      expect(b.epoch).toBe(a.epoch);
      expect(Math.abs(a.loss - b.loss)).toBeLessThan(1e-4);
    }
    const [wa, wb] = [tfjs.getWeights(), plain.getWeights()];
    wa.forEach((w, i) => {
      w?.kernel.forEach((v, k) => {
        expect(Math.abs(v - (wb[i]?.kernel[k] as number))).toBeLessThan(1e-4);
      });
    });
    const [ea, eb] = [await tfjs.evaluate(pictures), await plain.evaluate(pictures)];
    expect(Math.abs(ea.loss - eb.loss)).toBeLessThan(1e-4);
    ea.probabilities.forEach((p, i) => {
      expect(Math.abs(p - (eb.probabilities[i] as number))).toBeLessThan(1e-4);
    });
    tfjs.dispose();
    plain.dispose();
  });
});
