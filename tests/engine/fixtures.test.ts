import { describe, expect, it } from 'vitest';
import { tf } from '../../src/engine/tf';
import { inferShapes, type LayerSpec, type LayerWeights } from '../../src/spec';
import { channelsToNhwc, hwioKernel, workedExamples } from '../fixtures';
import { ENGINE_PATHS, type EnginePath } from './paths';

/** Runs one layer on one fixture input and returns the output in the fixtures' channel-first rows. */
function runLayer(
  path: EnginePath,
  input: number[][][],
  layer: LayerSpec,
  weights: LayerWeights | null,
): number[][][] {
  const { shape, values } = channelsToNhwc(input);
  const [h, w, c] = inferShapes(shape, [layer]).output as [number, number, number];
  const flat = path.forward(shape, [layer], [weights], values, 1);
  return Array.from({ length: c }, (_, k) =>
    Array.from({ length: h }, (_, y) =>
      Array.from({ length: w }, (_, x) => flat[(y * w + x) * c + k] as number),
    ),
  );
}

function expectClose(actual: number[][][], expected: number[][][], tolerance: number) {
  expect(actual.length).toBe(expected.length);
  actual.flat(2).forEach((v, i) => {
    expect(Math.abs(v - (expected.flat(2)[i] as number))).toBeLessThanOrEqual(tolerance);
  });
}

describe.each(ENGINE_PATHS)('the $name path reproduces the worked examples', (path) => {
  it.each(workedExamples.filter((e) => e.op === 'conv2d'))('convolution: $id', (example) => {
    const kernels = example.kernels ?? [];
    const rows = kernels[0]?.channels[0]?.length ?? 0;
    const cols = kernels[0]?.channels[0]?.[0]?.length ?? 0;
    // The formats' filters are square; the 1-D edge filter [-1, 1] runs as the 1x2 it is.
    if (rows !== cols) {
      const { shape, values } = channelsToNhwc(example.input);
      const k = kernels[0]?.channels[0]?.[0] ?? [];
      const out = tf.tidy(() =>
        tf
          .conv2d(tf.tensor4d(values, [1, ...shape]), tf.tensor4d(k, [1, cols, 1, 1]), 1, 'valid')
          .arraySync(),
      ) as number[][][][];
      expect(out[0]?.map((row) => row.map((v) => v[0]))).toEqual(example.expected[0]);
      return;
    }
    const layer: LayerSpec = {
      type: 'conv',
      filters: kernels.length,
      size: rows,
      stride: example.stride ?? 1,
      padding: example.padding ?? 'valid',
    };
    const scale = example.scale ?? 1;
    const weights = { kernel: hwioKernel(kernels, scale), bias: kernels.map((k) => k.bias) };
    // The X maps are printed to 6 decimals; everything else is exact.
    expectClose(
      runLayer(path, example.input, layer, weights),
      example.expected,
      scale === 1 ? 1e-5 : 1e-5 + 5e-7,
    );
  });

  it('takes the mean like the course: its ±1 X filters give 7/9 (0.77) and 5/9 (0.55)', () => {
    const example = workedExamples.find((e) => e.id === 'x-three-filters') as (typeof workedExamples)[number];
    const kernels = example.kernels ?? [];
    const layer: LayerSpec = {
      type: 'conv',
      filters: 3,
      size: 3,
      stride: 1,
      padding: 'valid',
      products: 'mean',
    };
    // The filters as the course draws them, 1 and -1: the layer itself divides by the 9 pixels.
    const weights = { kernel: hwioKernel(kernels), bias: kernels.map((k) => k.bias) };
    const maps = runLayer(path, example.input, layer, weights);
    expectClose(maps, example.expected, 1e-5 + 5e-7);
    expect(maps[0]?.[0]?.[0]).toBeCloseTo(7 / 9, 5);
    expect(maps[0]?.[0]?.[4]).toBeCloseTo(5 / 9, 5);
    expect(maps[1]?.[3]?.[3]).toBeCloseTo(1, 5);
  });

  it.each(workedExamples.filter((e) => e.op === 'maxpool'))('max pooling: $id', (example) => {
    const layer: LayerSpec = {
      type: 'pool',
      op: 'max',
      size: example.size ?? 2,
      stride: example.stride ?? 2,
      padding: example.padding ?? 'valid',
    };
    expectClose(runLayer(path, example.input, layer, null), example.expected, 1e-5);
  });

  it.each(workedExamples.filter((e) => e.op === 'relu'))('ReLU: $id', (example) => {
    expectClose(runLayer(path, example.input, { type: 'relu' }, null), example.expected, 1e-5);
  });
});
