/**
 * A NetworkSpec as a real TensorFlow.js layers model (`@tensorflow/tfjs-layers`), so the model a
 * player exports is the one `tf.loadLayersModel` opens and its topology is Keras's own JSON. Our
 * engine trains without tfjs-layers (see DESIGN's engine notes); this module is only for export and
 * is loaded lazily by the game.
 */
import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, LayerWeights, NetworkSpec } from '../spec';
import { convScale, inferShapes } from '../spec';
import { initialWeights } from './init';
import { tf } from './tf';

/** The tfjs-layers layer of one of ours; `last` is the classifier, which gets softmax. */
function layerFor(
  layer: LayerSpec,
  index: number,
  last: boolean,
  input: readonly number[],
): tfl.layers.Layer {
  const first = index === 0 ? { inputShape: [...input] } : {};
  const name = `${layer.type}_${index + 1}`;
  switch (layer.type) {
    case 'conv':
      return tfl.layers.conv2d({
        ...first,
        name,
        filters: layer.filters,
        kernelSize: layer.size,
        strides: layer.stride,
        padding: layer.padding,
        dataFormat: 'channelsLast',
      });
    case 'pool': {
      const args = { ...first, name, poolSize: layer.size, strides: layer.stride, padding: layer.padding };
      return layer.op === 'max' ? tfl.layers.maxPooling2d(args) : tfl.layers.averagePooling2d(args);
    }
    case 'relu':
      return tfl.layers.activation({ ...first, name, activation: 'relu' });
    case 'activation':
      // The course's leaky ReLU is max(0.1x, x): Keras's LeakyReLU with alpha 0.1.
      if (layer.fn === 'leaky_relu') return tfl.layers.leakyReLU({ ...first, name, alpha: 0.1 });
      return tfl.layers.activation({ ...first, name, activation: layer.fn });
    case 'flatten':
      return tfl.layers.flatten({ ...first, name });
    case 'dense':
      return tfl.layers.dense({
        ...first,
        name,
        units: layer.units,
        activation: last ? 'softmax' : 'linear',
      });
    default: {
      const unknown: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** Our weights (HWIO conv kernels, [inputs][units] dense kernels) as the model's tensors, in its order. */
function weightTensors(network: NetworkSpec, weights: readonly (LayerWeights | null)[]): tf.Tensor[] {
  const shapes = inferShapes(network.input, network.layers).layers;
  return network.layers.flatMap((layer, i): tf.Tensor[] => {
    const w = weights[i];
    if (!w) return [];
    if (layer.type === 'conv') {
      const channels = shapes[i]?.input[2] as number;
      // Keras's Conv2D only adds up: a conv that takes the mean is exported with its weights divided
      // by F * F instead, which gives every output the same number.
      const scale = convScale(layer);
      return [
        tf.tensor4d(
          w.kernel.map((v) => v * scale),
          [layer.size, layer.size, channels, layer.filters],
        ),
        tf.tensor1d(w.bias as number[]),
      ];
    }
    return [
      tf.tensor2d(w.kernel as number[], [w.kernel.length / w.bias.length, w.bias.length]),
      tf.tensor1d(w.bias as number[]),
    ];
  });
}

/**
 * Builds `network` (parsed, so its shapes fit) as a tfjs-layers Sequential model holding its
 * weights, or fresh ones drawn from its training seed when it has none. Dispose it when done.
 */
export function buildLayersModel(network: NetworkSpec): tfl.Sequential {
  const model = tfl.sequential({ name: 'convblocks' });
  network.layers.forEach((layer, i) => {
    model.add(layerFor(layer, i, i === network.layers.length - 1, network.input));
  });
  // Read back by the import (src/spec/layers-model.ts): what the model is for.
  model.setUserDefinedMetadata({
    convblocks: {
      name: network.name,
      ...(network.level !== undefined && { level: network.level }),
      ...(network.classes !== undefined && { classes: network.classes }),
    },
  });
  const weights = network.weights ?? initialWeights(network.input, network.layers, network.training.seed);
  const tensors = weightTensors(network, weights);
  model.setWeights(tensors);
  for (const t of tensors) t.dispose();
  return model;
}

/** A saved layers model: `model.json`'s document and the bytes of `weights.bin` it names. */
export interface LayersModelFiles {
  readonly modelJson: Record<string, unknown>;
  readonly weightsBin: Uint8Array;
}

/** The name of the weights file `model.json` points at. */
export const WEIGHTS_FILE = 'weights.bin';

/** Saves `model` through tfjs's own save path into the two files tf.loadLayersModel reads. */
export async function saveLayersModel(model: tfl.LayersModel): Promise<LayersModelFiles> {
  let files: LayersModelFiles | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      const buffers = data === undefined ? [] : Array.isArray(data) ? data : [data];
      const weightsBin = new Uint8Array(buffers.reduce((sum, b) => sum + b.byteLength, 0));
      let offset = 0;
      for (const b of buffers) {
        weightsBin.set(new Uint8Array(b), offset);
        offset += b.byteLength;
      }
      // The format of tfjs's own file and browser downloads handlers (model.json version 1).
      const modelJson: Record<string, unknown> = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy ?? null,
        ...(artifacts.userDefinedMetadata && { userDefinedMetadata: artifacts.userDefinedMetadata }),
        weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
      };
      files = { modelJson, weightsBin };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!files) throw new Error('tfjs-layers did not hand over the saved model');
  return files;
}

/** Keras's own config of the model (`{class_name: "Sequential", config: {layers: [...]}}`). */
export function kerasConfigOf(model: tfl.LayersModel): KerasModelConfig {
  return model.toJSON(null, false) as unknown as KerasModelConfig;
}

/** One layer of a Keras Sequential config, as tfjs-layers writes it. */
export interface KerasLayerConfig {
  readonly class_name: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** A Keras Sequential model config, as tfjs-layers writes it. */
export interface KerasModelConfig {
  readonly class_name: string;
  readonly config: { readonly name?: string; readonly layers: readonly KerasLayerConfig[] };
}

/** Runs the model on NHWC pictures and returns each one's class probabilities. */
export function predictWithModel(
  model: tfl.LayersModel,
  input: readonly [number, number, number],
  pictures: readonly (readonly number[])[],
): number[][] {
  const out = tf.tidy(() => {
    const x = tf.tensor4d(pictures.flat() as number[], [pictures.length, ...input]);
    return model.predict(x) as tf.Tensor2D;
  });
  const rows = out.arraySync();
  out.dispose();
  return rows;
}
