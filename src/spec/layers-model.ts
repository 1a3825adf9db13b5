/**
 * Reads a TensorFlow.js layers model (model.json, as tfjs-layers or the converter from Keras write
 * it, plus the bytes of its weights file) as a network with its weights. Only a Sequential stack of
 * the layers ConvBlocks has opens; anything else is refused with a message naming the layer or the
 * field. The result is checked by parseNetwork, so every limit of a network file applies.
 */
import { describeValue, SpecError } from './errors';
import { MAX } from './limits';
import { parseNetwork } from './parse';
import type { ActivationFn, NetworkSpec } from './types';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function objectAt(value: unknown, field: string): Json {
  if (!isObject(value)) throw new SpecError(field, `expected an object but got ${describeValue(value)}`);
  return value;
}

/** The fields model.json may have (tfjs's ModelJSON); anything else is refused, as in every document. */
const MODEL_JSON_FIELDS = new Set([
  'modelTopology',
  'format',
  'generatedBy',
  'convertedBy',
  'weightsManifest',
  'trainingConfig',
  'userDefinedMetadata',
  'signature',
  'modelInitializer',
]);

/** Keras activations ConvBlocks has as a layer of its own (linear is none at all). */
const ACTIVATIONS: Readonly<Record<string, ActivationFn | 'relu' | 'linear'>> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  elu: 'elu',
};

/** What ConvBlocks reads of one Keras layer: the layer documents it becomes (0, 1 or 2) and its weights' name. */
interface ReadLayer {
  readonly layers: Json[];
  /** The Keras layer's name, whose `/kernel` and `/bias` weights it carries; null for none. */
  readonly weightsOf: string | null;
}

/** A whole number within 1..max, or one as a list of equal numbers (`[3, 3]`). */
function square(value: unknown, field: string, max: number): number {
  const list = Array.isArray(value) ? value : [value];
  const first = list[0];
  if (
    list.length < 1 ||
    list.length > 2 ||
    !list.every((v) => v === first) ||
    typeof first !== 'number' ||
    !Number.isInteger(first) ||
    first < 1 ||
    first > max
  ) {
    throw new SpecError(
      field,
      `expected one whole number from 1 to ${max} (the same across and down) but got ${describeValue(value)}`,
    );
  }
  return first;
}

function padding(value: unknown, field: string): 'valid' | 'same' {
  if (value === 'valid' || value === 'same') return value;
  throw new SpecError(field, `expected "valid" or "same" but got ${describeValue(value)}`);
}

function channelsLast(config: Json, field: string): void {
  const format = config.data_format;
  if (format !== undefined && format !== null && format !== 'channels_last') {
    throw new SpecError(`${field}.data_format`, `expected "channels_last" but got ${describeValue(format)}`);
  }
}

/** The activation a layer ends with, as the layer documents it adds ('softmax' only on the last layer). */
function activationLayers(value: unknown, field: string, last: boolean): Json[] {
  if (value === undefined || value === null) return [];
  if (value === 'softmax' && last) return [];
  const fn = typeof value === 'string' ? ACTIVATIONS[value] : undefined;
  if (!fn || !Object.hasOwn(ACTIVATIONS, value as string)) {
    const also = last ? ', or softmax on the last layer' : '';
    throw new SpecError(
      field,
      `expected linear, relu, sigmoid, tanh or elu${also} but got ${describeValue(value)}`,
    );
  }
  if (fn === 'linear') return [];
  return fn === 'relu' ? [{ type: 'relu' }] : [{ type: 'activation', fn }];
}

function useBias(config: Json, field: string): void {
  if (config.use_bias !== undefined && config.use_bias !== true)
    throw new SpecError(
      `${field}.use_bias`,
      `ConvBlocks layers always have a bias, but this one has ${describeValue(config.use_bias)}`,
    );
}

/** One Keras layer of the stack as ConvBlocks layers; `last` is the stack's last layer. */
function readLayer(layer: unknown, field: string, last: boolean): ReadLayer {
  const { class_name: className, config: rawConfig } = objectAt(layer, field);
  const config = objectAt(rawConfig, `${field}.config`);
  const at = `${field}.config`;
  const name = typeof config.name === 'string' ? config.name : '';
  switch (className) {
    case 'InputLayer':
      return { layers: [], weightsOf: null };
    case 'Conv2D': {
      channelsLast(config, at);
      useBias(config, at);
      if (config.dilation_rate !== undefined) square(config.dilation_rate, `${at}.dilation_rate`, 1);
      if (config.groups !== undefined && config.groups !== 1)
        throw new SpecError(`${at}.groups`, `expected 1 but got ${describeValue(config.groups)}`);
      const conv = {
        type: 'conv',
        filters: square(config.filters, `${at}.filters`, MAX.filters),
        size: square(config.kernel_size, `${at}.kernel_size`, MAX.windowSize),
        stride: square(config.strides ?? 1, `${at}.strides`, MAX.stride),
        padding: padding(config.padding ?? 'valid', `${at}.padding`),
      };
      return {
        layers: [conv, ...activationLayers(config.activation, `${at}.activation`, false)],
        weightsOf: name,
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      channelsLast(config, at);
      const size = square(config.pool_size ?? 2, `${at}.pool_size`, MAX.windowSize);
      const pool = {
        type: 'pool',
        op: className === 'MaxPooling2D' ? 'max' : 'avg',
        size,
        stride: square(config.strides ?? size, `${at}.strides`, MAX.stride),
        padding: padding(config.padding ?? 'valid', `${at}.padding`),
      };
      return { layers: [pool], weightsOf: null };
    }
    case 'Flatten':
      channelsLast(config, at);
      return { layers: [{ type: 'flatten' }], weightsOf: null };
    case 'Dense': {
      useBias(config, at);
      const units = square(config.units, `${at}.units`, MAX.units);
      return {
        layers: [{ type: 'dense', units }, ...activationLayers(config.activation, `${at}.activation`, last)],
        weightsOf: name,
      };
    }
    case 'Activation':
      return { layers: activationLayers(config.activation, `${at}.activation`, last), weightsOf: null };
    case 'ReLU': {
      for (const key of ['max_value', 'negative_slope', 'threshold'] as const) {
        const v = config[key];
        if (v !== undefined && v !== null && v !== 0)
          throw new SpecError(
            `${at}.${key}`,
            `ConvBlocks' ReLU has none, but this one has ${describeValue(v)}`,
          );
      }
      return { layers: [{ type: 'relu' }], weightsOf: null };
    }
    case 'LeakyReLU': {
      const slope = config.alpha ?? config.negative_slope;
      if (slope !== 0.1)
        throw new SpecError(
          `${at}.alpha`,
          `ConvBlocks' leaky ReLU keeps a tenth (0.1) of negatives, not ${describeValue(slope)}`,
        );
      return { layers: [{ type: 'activation', fn: 'leaky_relu' }], weightsOf: null };
    }
    default:
      throw new SpecError(
        `${field}.class_name`,
        `ConvBlocks has no ${describeValue(className)} layer: only InputLayer, Conv2D, MaxPooling2D, AveragePooling2D, Flatten, Dense, Activation, ReLU and LeakyReLU open as blocks`,
      );
  }
}

/** The picture shape, from the InputLayer or the first layer's batch input shape. */
function inputShape(layers: readonly unknown[], field: string): [number, number, number] {
  const first = isObject(layers[0]) && isObject(layers[0].config) ? layers[0].config : {};
  const shape = first.batch_input_shape ?? first.batch_shape;
  const where = `${field}[0].config.batch_input_shape`;
  if (!Array.isArray(shape) || shape.length !== 4)
    throw new SpecError(where, `expected [null, height, width, channels] but got ${describeValue(shape)}`);
  const [h, w, c] = shape.slice(1);
  return [
    square(h, `${where}[1]`, MAX.pictureSide),
    square(w, `${where}[2]`, MAX.pictureSide),
    square(c, `${where}[3]`, MAX.channels),
  ];
}

/** The manifest's weights by name, as float32 numbers cut from `bytes`; every size checked first. */
function readWeights(manifest: unknown, bytes: Uint8Array): Map<string, number[]> {
  if (!Array.isArray(manifest) || manifest.length > MAX.layers * 2)
    throw new SpecError(
      'weightsManifest',
      `expected a list of weight groups but got ${describeValue(manifest)}`,
    );
  const entries = manifest.flatMap((group, g) => {
    const weights = objectAt(group, `weightsManifest[${g}]`).weights;
    if (!Array.isArray(weights) || weights.length > MAX.layers * 2)
      throw new SpecError(
        `weightsManifest[${g}].weights`,
        `expected a list of weights but got ${describeValue(weights)}`,
      );
    return weights.map((w, i) => ({
      w: objectAt(w, `weightsManifest[${g}].weights[${i}]`),
      field: `weightsManifest[${g}].weights[${i}]`,
    }));
  });
  let offset = 0;
  const found = new Map<string, number[]>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const { w, field } of entries) {
    if (w.dtype !== 'float32')
      throw new SpecError(
        `${field}.dtype`,
        `expected "float32" but got ${describeValue(w.dtype)} (quantised models cannot open)`,
      );
    if (w.quantization !== undefined)
      throw new SpecError(`${field}.quantization`, 'quantised weights cannot open');
    if (
      !Array.isArray(w.shape) ||
      w.shape.length > 4 ||
      !w.shape.every((n) => Number.isInteger(n) && n >= 1 && n <= MAX.params)
    )
      throw new SpecError(`${field}.shape`, `expected up to 4 sizes but got ${describeValue(w.shape)}`);
    const count = (w.shape as number[]).reduce((a, b) => a * b, 1);
    if (count > MAX.params)
      throw new SpecError(
        `${field}.shape`,
        `holds ${count} numbers, more than the ${MAX.params} a network may have`,
      );
    if (offset + count * 4 > bytes.byteLength)
      throw new SpecError(
        'weights',
        `the weights file has ${bytes.byteLength} bytes, fewer than model.json lists`,
      );
    found.set(
      String(w.name),
      Array.from({ length: count }, (_, i) => view.getFloat32(offset + i * 4, true)),
    );
    offset += count * 4;
  }
  if (offset !== bytes.byteLength)
    throw new SpecError(
      'weights',
      `the weights file has ${bytes.byteLength} bytes but model.json lists ${offset}`,
    );
  return found;
}

/**
 * Parses a layers model's model.json (already parsed from JSON) and its weights file's bytes into a
 * network named `name` for `level` with `classes`; every problem is a SpecError naming the field.
 */
export function parseLayersModel(
  modelJson: unknown,
  weightsBytes: Uint8Array,
  meta: { readonly name: string; readonly level?: string; readonly classes?: readonly string[] },
): NetworkSpec {
  const model = objectAt(modelJson, '');
  for (const key of Object.keys(model))
    if (!MODEL_JSON_FIELDS.has(key)) throw new SpecError(key, 'is not a field of a TensorFlow.js model.json');
  if (model.format !== undefined && model.format !== 'layers-model')
    throw new SpecError(
      'format',
      `expected "layers-model" but got ${describeValue(model.format)} (graph models cannot open as blocks)`,
    );
  const topology = objectAt(model.modelTopology, 'modelTopology');
  // tfjs writes the model itself; the converter from Keras wraps it in model_config.
  const keras = isObject(topology.model_config) ? topology.model_config : topology;
  const where = isObject(topology.model_config) ? 'modelTopology.model_config' : 'modelTopology';
  if (keras.class_name !== 'Sequential')
    throw new SpecError(
      `${where}.class_name`,
      `expected a "Sequential" model but got ${describeValue(keras.class_name)}`,
    );
  const config = keras.config;
  const list = Array.isArray(config) ? config : objectAt(config, `${where}.config`).layers;
  const field = Array.isArray(config) ? `${where}.config` : `${where}.config.layers`;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX.layers * 2)
    throw new SpecError(
      field,
      `expected a list of up to ${MAX.layers * 2} layers but got ${describeValue(list)}`,
    );
  const input = inputShape(list, field);
  const read = list.map((layer, i) => readLayer(layer, `${field}[${i}]`, i === list.length - 1));
  const found = readWeights(model.weightsManifest, weightsBytes);
  const layers: Json[] = [];
  const weights: ({ kernel: number[]; bias: number[] } | null)[] = [];
  read.forEach((r, i) => {
    r.layers.forEach((layer, k) => {
      layers.push(layer);
      if (k > 0 || r.weightsOf === null) {
        weights.push(null);
        return;
      }
      const kernel = found.get(`${r.weightsOf}/kernel`);
      const bias = found.get(`${r.weightsOf}/bias`);
      if (!kernel || !bias)
        throw new SpecError(
          `${field}[${i}]`,
          `the weights file holds no ${describeValue(`${r.weightsOf}/kernel`)} and ${describeValue(`${r.weightsOf}/bias`)}`,
        );
      weights.push({ kernel, bias });
    });
  });
  // ConvBlocks' own exports say which level and classes the model is for; parseNetwork checks them.
  const ours = isObject(model.userDefinedMetadata) ? model.userDefinedMetadata.convblocks : undefined;
  const stored = isObject(ours) ? ours : {};
  const level = stored.level ?? meta.level;
  const classes = stored.classes ?? meta.classes;
  return parseNetwork({
    kind: 'convblocks/network',
    version: 1,
    name: stored.name ?? meta.name,
    ...(level !== undefined && { level }),
    ...(classes !== undefined && { classes }),
    input,
    layers,
    weights,
  });
}
