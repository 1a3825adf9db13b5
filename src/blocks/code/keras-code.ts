/** The Code view's Keras lines: `keras.Sequential([...])`, as the course writes its networks. */
import type { LanguageWriter, LayerCode } from './layer-code';
import { shapeNote } from './layer-code';

const pad = (padding: string) => `padding="${padding}"`;

function call(code: LayerCode): string {
  const { layer } = code;
  switch (layer.type) {
    case 'conv':
      return `layers.Conv2D(${layer.filters}, kernel_size=${layer.size}, strides=${layer.stride}, ${pad(layer.padding)})`;
    case 'relu':
      return 'layers.ReLU()';
    case 'activation':
      return layer.fn === 'leaky_relu' ? 'layers.LeakyReLU(0.1)' : `layers.Activation("${layer.fn}")`;
    case 'pool': {
      const kind = layer.op === 'max' ? 'MaxPooling2D' : 'AveragePooling2D';
      return `layers.${kind}(pool_size=${layer.size}, strides=${layer.stride}, ${pad(layer.padding)})`;
    }
    case 'flatten':
      return 'layers.Flatten()';
    case 'dense':
      return code.last
        ? `layers.Dense(${layer.units}, activation="softmax")`
        : `layers.Dense(${layer.units})`;
    default: {
      const unknown: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** Keras: one `layers.X(...)` per block inside `keras.Sequential`. */
export const KERAS_WRITER: LanguageWriter = {
  comment: '#',
  header: (input) => [
    'import keras',
    'from keras import layers',
    '',
    `# Pictures come in as height x width x channels: ${input.join('x')}.`,
    'model = keras.Sequential([',
    `    keras.Input(shape=(${input.join(', ')})),`,
  ],
  layer: (code) => [`    ${call(code)},  # ${shapeNote(code)}`],
  footer: () => ['])', 'model.summary()'],
};
