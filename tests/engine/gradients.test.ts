import { describe, expect, it } from 'vitest';
import { initialWeights, seededRandom } from '../../src/engine';
import { inferShapes, type LayerSpec, type LayerWeights } from '../../src/spec';
import { ENGINE_PATHS, type Gradients } from './paths';
import { referenceForward, referenceLoss, type Values } from './reference';

const random = seededRandom(7);
const randomArray = (n: number) => Array.from({ length: n }, () => random() * 2 - 1);

/** Centred differences of `f` at `x` (float64), step 1e-5. */
function numericGradient(x: number[], f: (x: number[]) => number): number[] {
  const eps = 1e-5;
  return x.map((_, i) => {
    const plus = [...x];
    const minus = [...x];
    plus[i] = (plus[i] as number) + eps;
    minus[i] = (minus[i] as number) - eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
}

function expectGradientsClose(analytic: ArrayLike<number>, numeric: readonly number[]) {
  expect(analytic.length).toBe(numeric.length);
  for (let i = 0; i < numeric.length; i++) {
    const n = numeric[i] as number;
    expect(Math.abs((analytic[i] as number) - n), `entry ${i}: ${analytic[i]} vs ${n}`).toBeLessThanOrEqual(
      2e-3 * Math.max(1, Math.abs(n)),
    );
  }
}

const windows = (type: 'conv' | 'pool') =>
  [1, 2, 3].flatMap((size) =>
    [1, 2, 3].flatMap((stride) =>
      (['valid', 'same'] as const).flatMap((padding): LayerSpec[] =>
        type === 'conv'
          ? [{ type: 'conv', filters: 2, size, stride, padding }]
          : (['max', 'avg'] as const).map((op) => ({ type: 'pool', op, size, stride, padding })),
      ),
    ),
  );

const layerCases: LayerSpec[] = [
  ...windows('conv'),
  // A conv taking the mean of its products: its weights' gradients carry the 1 / (F * F).
  { type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid', products: 'mean' },
  { type: 'conv', filters: 2, size: 2, stride: 2, padding: 'same', products: 'mean' },
  ...windows('pool'),
  { type: 'relu' },
  ...(['sigmoid', 'tanh', 'leaky_relu', 'elu'] as const).map((fn): LayerSpec => ({ type: 'activation', fn })),
  { type: 'flatten' },
];

describe.each(ENGINE_PATHS)(
  'gradients on the $name path match centred finite differences of a float64 reference',
  (path) => {
    const input: [number, number, number] = [7, 6, 3];

    it.each(layerCases.map((layer) => [JSON.stringify(layer), layer] as const))('of %s', (_, layer) => {
      const weights = initialWeights(input, [layer], 3)[0] ?? null;
      const outSize = inferShapes(input, [layer]).output?.reduce((a, b) => a * b, 1) as number;
      const x = randomArray(input[0] * input[1] * input[2]);
      const upstream = randomArray(outSize);
      // L = sum(output * upstream) makes every output's gradient count with its own weight.
      const reference = (xs: number[], w: LayerWeights | null) => {
        const out = referenceForward(
          { shape: input, data: Float64Array.from(xs) },
          [layer],
          [w],
        )[0] as Values;
        return out.data.reduce((s, v, i) => s + v * (upstream[i] as number), 0);
      };
      const grads = path.weighted(input, [layer], [weights], x, upstream);
      expectGradientsClose(
        grads.input,
        numericGradient(x, (xs) => reference(xs, weights)),
      );
      if (weights) {
        const [kernelGrad, biasGrad] = grads.weights;
        expectGradientsClose(
          kernelGrad ?? [],
          numericGradient([...weights.kernel], (k) => reference(x, { kernel: k, bias: weights.bias })),
        );
        expectGradientsClose(
          biasGrad ?? [],
          numericGradient([...weights.bias], (b) => reference(x, { kernel: weights.kernel, bias: b })),
        );
      }
    });

    it('of the full loss with respect to every parameter of a small network', () => {
      const layers: LayerSpec[] = [
        { type: 'conv', filters: 3, size: 3, stride: 2, padding: 'same' },
        { type: 'relu' },
        { type: 'pool', op: 'avg', size: 2, stride: 1, padding: 'same' },
        { type: 'conv', filters: 2, size: 2, stride: 1, padding: 'valid' },
        { type: 'activation', fn: 'leaky_relu' },
        { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
        { type: 'flatten' },
        { type: 'dense', units: 4 },
        { type: 'activation', fn: 'tanh' },
        { type: 'dense', units: 3 },
      ];
      const shape: [number, number, number] = [8, 8, 2];
      const count = 5;
      const weights = initialWeights(shape, layers, 11);
      const pictures = Array.from({ length: count }, () => randomArray(64 * 2));
      const labels = [0, 1, 2, 1, 0];
      const grads = path.loss(shape, layers, weights, pictures.flat(), labels);
      const refPictures = pictures.map((p) => ({ shape, data: Float64Array.from(p) }));
      expect(grads.value).toBeCloseTo(referenceLoss(refPictures, labels, layers, weights), 5);
      let g = 0;
      weights.forEach((w, i) => {
        if (!w) return;
        for (const part of ['kernel', 'bias'] as const) {
          const numeric = numericGradient([...w[part]], (values) => {
            const changed = weights.map((v, j) => (j === i && v ? { ...v, [part]: values } : v));
            return referenceLoss(refPictures, labels, layers, changed);
          });
          expectGradientsClose(grads.weights[g++] ?? [], numeric);
        }
      });
    });
  },
);

describe('the two paths agree', () => {
  it('on the logits and every gradient of a network with every kind of layer', () => {
    const layers: LayerSpec[] = [
      { type: 'conv', filters: 3, size: 3, stride: 2, padding: 'same' },
      { type: 'activation', fn: 'elu' },
      { type: 'pool', op: 'max', size: 3, stride: 2, padding: 'same' },
      { type: 'conv', filters: 4, size: 2, stride: 1, padding: 'same' },
      { type: 'relu' },
      { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'valid' },
      { type: 'flatten' },
      { type: 'dense', units: 5 },
      { type: 'activation', fn: 'sigmoid' },
      { type: 'dense', units: 3 },
    ];
    const shape: [number, number, number] = [9, 9, 2];
    const weights = initialWeights(shape, layers, 5);
    const x = randomArray(4 * 81 * 2);
    const labels = [2, 0, 1, 2];
    const [tfjs, plain] = ENGINE_PATHS.map((p) => p.loss(shape, layers, weights, x, labels)) as [
      Gradients,
      Gradients,
    ];
    expect(Math.abs(tfjs.value - plain.value)).toBeLessThan(1e-5);
    const logits = ENGINE_PATHS.map((p) => p.forward(shape, layers, weights, x, 4));
    logits[0]?.forEach((v, i) => {
      expect(Math.abs(v - (logits[1]?.[i] as number))).toBeLessThan(1e-5);
    });
    tfjs.weights.forEach((g, i) => {
      expectGradientsClose(plain.weights[i] ?? [], Array.from(g));
    });
  });
});
