/**
 * An independent, loop-by-loop float64 implementation of every layer, written from the formats'
 * definitions alone. The engine's outputs and gradients are checked against it.
 */
import { type LayerSpec, type LayerWeights, type Shape, samePadding, windowOutputSize } from '../../src/spec';

/** A picture or feature map: NHWC numbers of one example. */
export interface Values {
  shape: Shape;
  data: Float64Array;
}

function windowStart(padding: 'valid' | 'same', inSize: number, size: number, stride: number) {
  return padding === 'same' ? samePadding(inSize, size, stride)[0] : 0;
}

function conv(x: Values, layer: Extract<LayerSpec, { type: 'conv' }>, w: LayerWeights): Values {
  const [h, wd, c] = x.shape as [number, number, number];
  const { size, stride, padding, filters } = layer;
  const oh = windowOutputSize(h, size, stride, padding);
  const ow = windowOutputSize(wd, size, stride, padding);
  const top = windowStart(padding, h, size, stride);
  const left = windowStart(padding, wd, size, stride);
  const out = new Float64Array(oh * ow * filters);
  for (let i = 0; i < oh; i++)
    for (let j = 0; j < ow; j++)
      for (let f = 0; f < filters; f++) {
        // The bias is added after the products, which a conv taking the mean divides by F * F.
        const divisor = layer.products === 'mean' ? size * size : 1;
        let sum = 0;
        for (let dy = 0; dy < size; dy++)
          for (let dx = 0; dx < size; dx++) {
            const y = i * stride + dy - top;
            const xx = j * stride + dx - left;
            if (y < 0 || y >= h || xx < 0 || xx >= wd) continue;
            for (let k = 0; k < c; k++) {
              sum +=
                (x.data[(y * wd + xx) * c + k] as number) *
                (w.kernel[((dy * size + dx) * c + k) * filters + f] as number);
            }
          }
        out[(i * ow + j) * filters + f] = sum / divisor + (w.bias[f] as number);
      }
  return { shape: [oh, ow, filters], data: out };
}

function pool(x: Values, layer: Extract<LayerSpec, { type: 'pool' }>): Values {
  const [h, wd, c] = x.shape as [number, number, number];
  const { size, stride, padding, op } = layer;
  const oh = windowOutputSize(h, size, stride, padding);
  const ow = windowOutputSize(wd, size, stride, padding);
  const top = windowStart(padding, h, size, stride);
  const left = windowStart(padding, wd, size, stride);
  const out = new Float64Array(oh * ow * c);
  for (let i = 0; i < oh; i++)
    for (let j = 0; j < ow; j++)
      for (let k = 0; k < c; k++) {
        let best = Number.NEGATIVE_INFINITY;
        let sum = 0;
        let count = 0;
        for (let dy = 0; dy < size; dy++)
          for (let dx = 0; dx < size; dx++) {
            const y = i * stride + dy - top;
            const xx = j * stride + dx - left;
            if (y < 0 || y >= h || xx < 0 || xx >= wd) continue;
            const v = x.data[(y * wd + xx) * c + k] as number;
            best = Math.max(best, v);
            sum += v;
            count++;
          }
        out[(i * ow + j) * c + k] = op === 'max' ? best : sum / count;
      }
  return { shape: [oh, ow, c], data: out };
}

const map = (x: Values, f: (v: number) => number): Values => ({ shape: x.shape, data: x.data.map(f) });

/** One layer on one example. */
export function referenceLayer(x: Values, layer: LayerSpec, w: LayerWeights | null): Values {
  switch (layer.type) {
    case 'conv':
      return conv(x, layer, w as LayerWeights);
    case 'pool':
      return pool(x, layer);
    case 'relu':
      return map(x, (v) => Math.max(0, v));
    case 'activation':
      return map(x, (v) => {
        if (layer.fn === 'sigmoid') return 1 / (1 + Math.exp(-v));
        if (layer.fn === 'tanh') return Math.tanh(v);
        if (layer.fn === 'leaky_relu') return Math.max(0.1 * v, v);
        return v > 0 ? v : Math.exp(v) - 1;
      });
    case 'flatten':
      return { shape: [x.data.length], data: x.data };
    case 'dense': {
      const w2 = w as LayerWeights;
      const units = layer.units;
      const out = new Float64Array(units);
      for (let u = 0; u < units; u++) {
        let sum = w2.bias[u] as number;
        for (let i = 0; i < x.data.length; i++)
          sum += (x.data[i] as number) * (w2.kernel[i * units + u] as number);
        out[u] = sum;
      }
      return { shape: [units], data: out };
    }
  }
}

/** Every layer's output for one example. */
export function referenceForward(
  x: Values,
  layers: readonly LayerSpec[],
  weights: readonly (LayerWeights | null)[],
) {
  const outputs: Values[] = [];
  let current = x;
  layers.forEach((layer, i) => {
    current = referenceLayer(current, layer, weights[i] ?? null);
    outputs.push(current);
  });
  return outputs;
}

/** Mean softmax cross-entropy of a batch, in float64. */
export function referenceLoss(
  pictures: readonly Values[],
  labels: readonly number[],
  layers: readonly LayerSpec[],
  weights: readonly (LayerWeights | null)[],
): number {
  let total = 0;
  pictures.forEach((x, n) => {
    const logits = referenceForward(x, layers, weights).at(-1)?.data as Float64Array;
    const max = Math.max(...logits);
    const logSum = Math.log(logits.reduce((s, v) => s + Math.exp(v - max), 0)) + max;
    total += logSum - (logits[labels[n] as number] as number);
  });
  return total / pictures.length;
}
