/**
 * Opening a TensorFlow.js layers model as blocks: a model written by our own exporter comes back as
 * the same network with the same weights; the converter's Keras wrapping opens too; every other
 * layer, and every hostile file, is refused with a message naming the layer or the field.
 */
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/engine/export/export-files';
import { type NetworkSpec, parseLayersModel, parseNetwork, SpecError } from '../../src/spec';

/** Numbers float32 holds exactly, so the round trip can be compared with toEqual. */
const counting = (n: number, scale: number) => Array.from({ length: n }, (_, i) => ((i % 7) - 3) * scale);

const network: NetworkSpec = parseNetwork({
  kind: 'convblocks/network',
  version: 1,
  name: 'round trip',
  level: 'x-vs-o',
  input: [9, 9, 1],
  classes: ['X', 'O'],
  layers: [
    { type: 'conv', filters: 2, size: 3, stride: 2, padding: 'same' },
    { type: 'activation', fn: 'leaky_relu' },
    { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'same' },
    { type: 'activation', fn: 'tanh' },
    { type: 'flatten' },
    { type: 'dense', units: 3 },
    { type: 'relu' },
    { type: 'dense', units: 2 },
  ],
  weights: [
    { kernel: counting(18, 0.25), bias: [0.5, -0.5] },
    null,
    null,
    null,
    null,
    { kernel: counting(54, 0.125), bias: [0, 0.25, -0.25] },
    null,
    { kernel: counting(6, 0.5), bias: [1, -1] },
  ],
});

async function exported(net: NetworkSpec) {
  const files = await exportFiles(net, 'tfjs');
  const modelJson = JSON.parse(files[0]?.contents as string);
  return { modelJson, bytes: files[1]?.contents as Uint8Array };
}

const meta = { name: 'imported' };

/** The message parseLayersModel refuses with. */
function refusal(modelJson: unknown, bytes: Uint8Array): string {
  try {
    parseLayersModel(modelJson, bytes, meta);
  } catch (error) {
    if (error instanceof SpecError) return error.message;
    throw error;
  }
  throw new Error('the model was not refused');
}

describe('parseLayersModel', () => {
  it('opens a model our exporter wrote as the same network, weights and level', async () => {
    const { modelJson, bytes } = await exported(network);
    expect(parseLayersModel(modelJson, bytes, meta)).toEqual(network);
  });

  it("opens the converter's Keras wrapping with an InputLayer and activations inside Dense", async () => {
    const { modelJson, bytes } = await exported(network);
    const layers = modelJson.modelTopology.config.layers;
    const converted = {
      format: 'layers-model',
      modelTopology: {
        keras_version: '2.15.0',
        backend: 'tensorflow',
        model_config: {
          class_name: 'Sequential',
          config: {
            name: 'sequential',
            layers: [
              { class_name: 'InputLayer', config: { batch_input_shape: [null, 9, 9, 1], name: 'input_1' } },
              ...layers.map((l: { class_name: string; config: Record<string, unknown> }, i: number) => {
                const { batch_input_shape: _b, ...config } = l.config;
                // Keras folds an activation into the Dense before it: the ReLU after dense_6.
                if (i === 5) return { class_name: 'Dense', config: { ...config, activation: 'relu' } };
                return { ...l, config };
              }),
            ].filter((l) => l.config.name !== 'relu_7'),
          },
        },
      },
      weightsManifest: modelJson.weightsManifest,
    };
    const opened = parseLayersModel(converted, bytes, { name: 'from keras', level: 'x-vs-o' });
    expect(opened.layers).toEqual(network.layers);
    expect(opened.weights).toEqual(network.weights);
    expect(opened.name).toBe('from keras');
  });

  it('refuses a layer ConvBlocks does not have, naming it', async () => {
    const { modelJson, bytes } = await exported(network);
    modelJson.modelTopology.config.layers.splice(5, 0, {
      class_name: 'Dropout',
      config: { rate: 0.5, name: 'drop' },
    });
    expect(refusal(modelJson, bytes)).toMatch(
      /^modelTopology\.config\.layers\[5\]\.class_name: ConvBlocks has no "Dropout" layer/,
    );
  });

  it.each([
    [
      'an unknown top-level field',
      (m: Record<string, unknown>) => Object.assign(m, { evil: 1 }),
      /^evil: is not a field/,
    ],
    [
      'a graph model',
      (m: Record<string, unknown>) => Object.assign(m, { format: 'graph-model' }),
      /^format: expected "layers-model"/,
    ],
    [
      'a functional model',
      (m: { modelTopology: { class_name: string } }) => {
        m.modelTopology.class_name = 'Functional';
      },
      /expected a "Sequential" model but got "Functional"/,
    ],
    [
      'a kernel wider than tall',
      (m: { modelTopology: { config: { layers: { config: Record<string, unknown> }[] } } }) => {
        (m.modelTopology.config.layers[0] as { config: Record<string, unknown> }).config.kernel_size = [3, 5];
      },
      /layers\[0\]\.config\.kernel_size: expected one whole number/,
    ],
    [
      'channels first',
      (m: { modelTopology: { config: { layers: { config: Record<string, unknown> }[] } } }) => {
        (m.modelTopology.config.layers[0] as { config: Record<string, unknown> }).config.data_format =
          'channels_first';
      },
      /data_format: expected "channels_last"/,
    ],
    [
      'quantised weights',
      (m: { weightsManifest: { weights: Record<string, unknown>[] }[] }) => {
        (m.weightsManifest[0]?.weights[0] as Record<string, unknown>).dtype = 'uint8';
      },
      /weightsManifest\[0\]\.weights\[0\]\.dtype: expected "float32" but got "uint8"/,
    ],
    [
      'a shape asking for billions of numbers',
      (m: { weightsManifest: { weights: Record<string, unknown>[] }[] }) => {
        (m.weightsManifest[0]?.weights[0] as Record<string, unknown>).shape = [2000, 2000, 2000, 2000];
      },
      /weightsManifest\[0\]\.weights\[0\]\.shape/,
    ],
    [
      'too many filters',
      (m: { modelTopology: { config: { layers: { config: Record<string, unknown> }[] } } }) => {
        (m.modelTopology.config.layers[0] as { config: Record<string, unknown> }).config.filters = 100000;
      },
      /filters: expected one whole number from 1 to 256/,
    ],
  ])('refuses %s, naming the field', async (_what, spoil, message) => {
    const { modelJson, bytes } = await exported(network);
    spoil(modelJson);
    expect(refusal(modelJson, bytes)).toMatch(message);
  });

  it('refuses a weights file shorter or longer than model.json says', async () => {
    const { modelJson, bytes } = await exported(network);
    expect(refusal(modelJson, bytes.slice(0, bytes.length - 4))).toMatch(
      /^weights: the weights file has \d+ bytes, fewer/,
    );
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(refusal(modelJson, longer)).toMatch(
      /^weights: the weights file has \d+ bytes but model.json lists/,
    );
  });

  it('refuses weights that are not finite numbers, as a network file would', async () => {
    const { modelJson, bytes } = await exported(network);
    const spoiled = bytes.slice();
    new DataView(spoiled.buffer).setFloat32(0, Number.NaN, true);
    expect(refusal(modelJson, spoiled)).toMatch(/^weights\[0\]\.kernel\[0\]/);
  });
});
