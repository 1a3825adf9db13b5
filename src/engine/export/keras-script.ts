/**
 * A runnable Keras script of a network, written from the TensorFlow.js layers model's own Keras
 * config (the one tfjs-layers saves in model.json), so its layer classes and arguments are those of
 * the model the agreement tests run. Initialisers, regularisers and constraints are left out: the
 * weights are set from the model's own.
 */
import { formatShape, inferShapes, type LevelSpec, type NetworkSpec } from '../../spec';
import type { KerasLayerConfig, KerasModelConfig } from '../layers-model';
import { levelData, pyLiteral, pyString, REPORT_FUNCTION } from './python-text';

/** One weight tensor of the model, in model.getWeights() order. */
export interface ModelWeight {
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

/** Config keys that only matter to tfjs or to training from fresh weights. */
const LEFT_OUT =
  /^(name|trainable|dtype|batch_input_shape|input_shape|batch_size)$|_(initializer|regularizer|constraint)$/;

/** `keras.layers.Class(arg=value, ...)` of one layer config. */
function layerCall(layer: KerasLayerConfig): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(layer.class_name))
    throw new Error(`a Keras layer class cannot be called ${JSON.stringify(layer.class_name)}`);
  const args = Object.entries(layer.config)
    .filter(([key, value]) => !LEFT_OUT.test(key) && value !== null && /^[a-z_][a-z0-9_]*$/.test(key))
    .map(([key, value]) => `${key}=${pyLiteral(value)}`);
  return `keras.layers.${layer.class_name}(${args.join(', ')})`;
}

/** The optimiser of the training, as Keras writes it (tfjs's and Keras's Adam epsilon are both 1e-7). */
function optimiser(network: NetworkSpec): string {
  const { optimizer, learningRate, momentum } = network.training;
  if (optimizer === 'adam') return `keras.optimizers.Adam(learning_rate=${learningRate})`;
  return `keras.optimizers.SGD(learning_rate=${learningRate}, momentum=${momentum})`;
}

/**
 * The script for the model built from `network` (its Keras `config` and `weights`, in the model's
 * order) on `level`'s pictures. When the network is untrained, the weights are ConvBlocks' seeded
 * starting weights and the script trains from them with the network's optimiser.
 */
export function kerasScript(
  network: NetworkSpec,
  level: LevelSpec,
  config: KerasModelConfig,
  weights: readonly ModelWeight[],
): string {
  const trained = network.weights !== undefined;
  const shapes = inferShapes(network.input, network.layers).layers;
  const layers = config.config.layers.map((layer, i) => {
    const shape = shapes[i];
    const comment = shape?.ok ? `  # ${formatShape(shape.output)}` : '';
    return `            ${layerCall(layer)},${comment}`;
  });
  const { batchSize } = network.training;
  const maxSteps = level.limits.maxSteps ?? 1000;
  return `#!/usr/bin/env python3
"""A ConvBlocks network in Keras, with the level's pictures.

python3 this_script.py           prints the hidden-test accuracy and each picture's probabilities
python3 this_script.py --json    prints one line: {"probabilities": [[...], ...]}
"""
import json
import math
import sys

import numpy as np

try:
    import keras
except ImportError:
    from tensorflow import keras

NETWORK_NAME = ${pyString(network.name)}
${levelData(level, !trained)}

# The model's weights in model.get_weights() order: (shape, numbers) per tensor.
WEIGHTS = ${pyLiteral(weights.map((w) => [w.shape, w.values]))}
# True when the weights are trained; otherwise they are ConvBlocks' seeded starting weights.
TRAINED = ${trained ? 'True' : 'False'}


def build():
    """The network as TensorFlow.js saved it: pictures [n, height, width, channels] in, probabilities out."""
    return keras.Sequential(
        [
            keras.Input(shape=INPUT),
${layers.join('\n')}
        ]
    )


def pictures(examples):
    """A batch [n, h, w, c] and the class indices of a list of (class index, numbers)."""
    x = np.array([numbers for _, numbers in examples], dtype="float32").reshape(-1, *INPUT)
    return x, np.array([label for label, _ in examples])


${REPORT_FUNCTION}


def main():
    model = build()
    model.set_weights([np.array(numbers, dtype="float32").reshape(shape) for shape, numbers in WEIGHTS])
    if not TRAINED:
        x, y = pictures(TRAIN)
        model.compile(optimizer=${optimiser(network)}, loss="sparse_categorical_crossentropy")
        epochs = math.ceil(${maxSteps} * ${batchSize} / max(len(TRAIN), 1))
        model.fit(x, y, batch_size=${batchSize}, epochs=epochs, verbose=0)
    x, _ = pictures(TEST)
    report(model.predict(x, verbose=0).astype(float).tolist())


if __name__ == "__main__":
    main()
`;
}
