/** The Code view's TensorFlow.js lines: `tf.sequential()` with one `model.add` per block. */
import type { LanguageWriter, LayerCode } from './layer-code';
import { shapeNote } from './layer-code';

function call(code: LayerCode): string {
  const { layer } = code;
  const first = code.index === 0 ? `inputShape: [${code.pictures.join(', ')}], ` : '';
  const only = first ? `{${first.slice(0, -2)}}` : '';
  switch (layer.type) {
    case 'conv':
      return `tf.layers.conv2d({${first}filters: ${layer.filters}, kernelSize: ${layer.size}, strides: ${layer.stride}, padding: '${layer.padding}'})`;
    case 'relu':
      return `tf.layers.reLU(${only})`;
    case 'activation':
      return layer.fn === 'leaky_relu'
        ? `tf.layers.leakyReLU({${first}alpha: 0.1})`
        : `tf.layers.activation({${first}activation: '${layer.fn}'})`;
    case 'pool': {
      const kind = layer.op === 'max' ? 'maxPooling2d' : 'averagePooling2d';
      return `tf.layers.${kind}({${first}poolSize: ${layer.size}, strides: ${layer.stride}, padding: '${layer.padding}'})`;
    }
    case 'flatten':
      return `tf.layers.flatten(${only})`;
    case 'dense':
      return `tf.layers.dense({${first}units: ${layer.units}${code.last ? ", activation: 'softmax'" : ''}})`;
    default: {
      const unknown: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** TensorFlow.js layers: the first layer names the picture shape. */
export const TFJS_WRITER: LanguageWriter = {
  comment: '//',
  header: (input) => [
    "import * as tf from '@tensorflow/tfjs';",
    '',
    `// Pictures come in as height x width x channels: ${input.join('x')}.`,
    'const model = tf.sequential();',
  ],
  layer: (code) => [`model.add(${call(code)}); // ${shapeNote(code)}`],
  footer: () => ['model.summary();'],
};
