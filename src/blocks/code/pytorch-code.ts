/**
 * The Code view's PyTorch lines: `nn.Sequential(...)`. PyTorch is channels first and pads only
 * evenly, so TensorFlow's "same" padding becomes its own pad line (more at the bottom and right
 * when the stride is above 1), and the shapes in the comments are channels x height x width.
 */
import { type Shape, samePadding } from '../../spec';
import type { LanguageWriter, LayerCode } from './layer-code';
import { shapeNote } from './layer-code';

/** `(left, right, top, bottom)` of "same" padding, or null when it adds none. */
function samePad(input: Shape, size: number, stride: number): string | null {
  const [top, bottom] = samePadding(input[0], size, stride);
  const [left, right] = samePadding(input[1] ?? 1, size, stride);
  return top + bottom + left + right ? `(${left}, ${right}, ${top}, ${bottom})` : null;
}

function calls(code: LayerCode): string[] {
  const { layer, input } = code;
  switch (layer.type) {
    case 'conv': {
      const pad = layer.padding === 'same' ? samePad(input, layer.size, layer.stride) : null;
      const conv = `nn.Conv2d(${input[2]}, ${layer.filters}, kernel_size=${layer.size}, stride=${layer.stride})`;
      return pad ? [`nn.ZeroPad2d(${pad})`, conv] : [conv];
    }
    case 'relu':
      return ['nn.ReLU()'];
    case 'activation':
      return [
        { sigmoid: 'nn.Sigmoid()', tanh: 'nn.Tanh()', leaky_relu: 'nn.LeakyReLU(0.1)', elu: 'nn.ELU()' }[
          layer.fn
        ],
      ];
    case 'pool': {
      const pad = layer.padding === 'same' ? samePad(input, layer.size, layer.stride) : null;
      if (layer.op === 'max') {
        const pool = `nn.MaxPool2d(${layer.size}, stride=${layer.stride})`;
        return pad ? [`nn.ConstantPad2d(${pad}, float("-inf"))`, pool] : [pool];
      }
      const pool = `nn.AvgPool2d(${layer.size}, stride=${layer.stride})`;
      // TensorFlow averages only the real values; the exported script does that exactly.
      return pad ? [`nn.ZeroPad2d(${pad})`, `${pool}  # counts padding; TensorFlow does not`] : [pool];
    }
    case 'flatten':
      return ['nn.Flatten()'];
    case 'dense':
      return code.last
        ? [`nn.Linear(${input[0]}, ${layer.units})`, 'nn.Softmax(dim=1)']
        : [`nn.Linear(${input[0]}, ${layer.units})`];
    default: {
      const unknown: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** PyTorch: one or two modules per block inside `nn.Sequential`. */
export const PYTORCH_WRITER: LanguageWriter = {
  comment: '#',
  header: (input) => [
    'import torch',
    'from torch import nn',
    '',
    `# Pictures come in channels first: [n, ${input[2]}, ${input[0]}, ${input[1]}].`,
    'model = nn.Sequential(',
  ],
  layer: (code) => {
    const lines = calls(code);
    return lines.map((line, i) => {
      if (i < lines.length - 1) return `    ${line},`;
      const [call, note] = line.split('  # ');
      return `    ${call},  # ${note ? `${shapeNote(code)}, ${note}` : shapeNote(code)}`;
    });
  },
  footer: () => [')', 'print(model)'],
};
