import {
  describeValue,
  inferShapes,
  type LayerWeights,
  type NetworkSpec,
  SpecError,
  weightSizes,
} from '../spec';
import { base64urlToBytes, bytesToBase64url } from './base64url';
import { plainObject } from './plain-object';

/**
 * Weights packed for a link: every number as a 16-bit integer, scaled by the largest magnitude of
 * its tensor (each layer's kernel and bias have their own scale).
 *
 * Precision: a weight `w` of a tensor whose largest magnitude is `s` comes back as
 * `round(w / s * 32767) / 32767 * s`, so within `s / 65534` of `w` (about 4.5 significant digits
 * of the largest weight; within 0.000016 for weights up to 1). The largest weight itself, zeros
 * and the scales are kept exactly. Links only: files keep every weight at full precision.
 */
export interface PackedWeights {
  readonly encoding: typeof WEIGHT_ENCODING;
  /** Per layer: `[kernel scale, bias scale]`, or null for a layer without weights. */
  readonly scales: readonly (readonly [number, number] | null)[];
  /** base64url of the integers, little-endian int16, layer by layer, kernel then bias. */
  readonly data: string;
}

/** The name of the one weight encoding of link envelope version 1. */
export const WEIGHT_ENCODING = 'int16-max-abs';

const LEVELS = 32767;

/** The largest magnitude of a list of numbers (0 for an empty list). */
function maxAbs(values: readonly number[]): number {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  return max;
}

function quantise(value: number, scale: number): number {
  if (scale === 0) return 0;
  return Math.max(-LEVELS, Math.min(LEVELS, Math.round((value / scale) * LEVELS)));
}

/** The most a weight can move when packed, for a tensor whose largest magnitude is `scale`. */
export function packingError(scale: number): number {
  return scale / (2 * LEVELS);
}

/** Packs a network's weights (lined up with its layers) for a link. */
export function packWeights(weights: readonly (LayerWeights | null)[]): PackedWeights {
  const count = weights.reduce((n, w) => n + (w ? w.kernel.length + w.bias.length : 0), 0);
  const view = new DataView(new ArrayBuffer(count * 2));
  let at = 0;
  const write = (values: readonly number[], scale: number) => {
    for (const v of values) {
      view.setInt16(at, quantise(v, scale), true);
      at += 2;
    }
  };
  const scales = weights.map((w): readonly [number, number] | null => {
    if (!w) return null;
    const kernelScale = maxAbs(w.kernel);
    const biasScale = maxAbs(w.bias);
    write(w.kernel, kernelScale);
    write(w.bias, biasScale);
    return [kernelScale, biasScale];
  });
  return { encoding: WEIGHT_ENCODING, scales, data: bytesToBase64url(new Uint8Array(view.buffer)) };
}

function readScales(
  entry: unknown,
  index: number,
  layerType: string,
  field: string,
): readonly [number, number] {
  const ok =
    Array.isArray(entry) &&
    entry.length === 2 &&
    entry.every((s) => typeof s === 'number' && Number.isFinite(s) && s >= 0);
  if (!ok) {
    throw new SpecError(
      field,
      `the weight scales of layer ${index + 1} (${layerType}) should be two numbers from 0 up but are ${describeValue(entry)}`,
    );
  }
  return [entry[0], entry[1]];
}

/**
 * Unpacks link weights for a network (parsed without weights) into the plain number lists of a
 * network document, refusing anything that does not line up with the network's layers.
 */
export function unpackWeights(value: unknown, network: NetworkSpec, field: string): (LayerWeights | null)[] {
  const packed = plainObject(value, { required: ['encoding', 'scales', 'data'] }, field, 'its weights');
  if (packed.encoding !== WEIGHT_ENCODING) {
    throw new SpecError(
      field,
      `its weights use the encoding ${describeValue(packed.encoding)}, which this ConvBlocks cannot read: update the game to open it`,
    );
  }
  const scales = packed.scales;
  if (!Array.isArray(scales) || scales.length !== network.layers.length) {
    throw new SpecError(
      field,
      `its weights should have ${network.layers.length} scale entries, one per layer, but have ${describeValue(scales)}`,
    );
  }
  if (typeof packed.data !== 'string') {
    throw new SpecError(field, `its weight data should be text but is ${describeValue(packed.data)}`);
  }
  const shapes = inferShapes(network.input, network.layers).layers;
  const plan = network.layers.map((layer, i) => {
    const input = shapes[i]?.input;
    const sizes = input ? weightSizes(layer, input) : null;
    const entry: unknown = scales[i];
    if (!sizes) {
      if (entry !== null) {
        throw new SpecError(
          field,
          `layer ${i + 1} (${layer.type}) has no weights, so its scales should be null`,
        );
      }
      return null;
    }
    return { sizes, scales: readScales(entry, i, layer.type, field) };
  });
  const needed = plan.reduce((n, p) => n + (p ? p.sizes.kernel + p.sizes.bias : 0), 0);
  const bytes = base64urlToBytes(packed.data, field);
  if (bytes.length !== needed * 2) {
    throw new SpecError(
      field,
      `its weight data holds ${Math.floor(bytes.length / 2)} numbers but the network needs ${needed}: copy the whole link again`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const read = (count: number, scale: number) =>
    Array.from({ length: count }, () => {
      const q = view.getInt16(at, true);
      at += 2;
      // Divide before multiplying, so a huge scale cannot overflow to Infinity.
      return (q / LEVELS) * scale;
    });
  return plan.map((p) =>
    p ? { kernel: read(p.sizes.kernel, p.scales[0]), bias: read(p.sizes.bias, p.scales[1]) } : null,
  );
}
