/**
 * A runnable PyTorch script of a network: the same layers, weights and softmax as ConvBlocks.
 * ConvBlocks is NHWC with HWIO kernels and TensorFlow's "same" padding; PyTorch is NCHW with OIHW
 * kernels and only symmetric padding. So the script permutes the pictures on the way in, permutes
 * the kernels, pads explicitly (more at the bottom and right when the stride is above 1), and
 * permutes back to NHWC before Flatten so the Dense weights read the values in our order.
 */
import {
  formatShape,
  inferShapes,
  type LayerSpec,
  type LevelSpec,
  type NetworkSpec,
  type Shape,
  samePadding,
} from '../../spec';
import { initialWeights } from '../init';
import { levelData, pyLiteral, pyString, REPORT_FUNCTION } from './python-text';

/** Where training stops when the level sets no step limit. */
const DEFAULT_MAX_STEPS = 1000;

/** `F.pad`'s `(left, right, top, bottom)` of "same" padding on a `[h, w]` input, or null when it adds none. */
function samePad(h: number, w: number, size: number, stride: number): string | null {
  const [top, bottom] = samePadding(h, size, stride);
  const [left, right] = samePadding(w, size, stride);
  return top + bottom + left + right === 0 ? null : `(${left}, ${right}, ${top}, ${bottom})`;
}

/** The `F.pad` line of a window layer's "same" padding, or '' when it adds none. */
function padLine(pad: string | null, fill: string): string {
  return pad
    ? `        x = F.pad(x, ${pad}${fill})  # TensorFlow's "same" padding, any odd extra after\n`
    : '';
}

/** The forward lines of one layer; `name` is its module's attribute, `input`/`output` its shapes. */
function forwardLines(layer: LayerSpec, name: string, input: Shape, output: Shape): string {
  const shape = `  # ${formatShape(output)}`;
  switch (layer.type) {
    case 'conv': {
      const [h, w] = input;
      const pad = layer.padding === 'same' ? samePad(h, w as number, layer.size, layer.stride) : null;
      if (layer.products !== 'mean') return `${padLine(pad, '')}        x = self.${name}(x)${shape}\n`;
      // The mean of the products: the weights divided by the filter's pixels, the bias added after.
      const call = `F.conv2d(x, self.${name}.weight / ${layer.size * layer.size}, self.${name}.bias, stride=${layer.stride})`;
      return `${padLine(pad, '')}        x = ${call}${shape}, each sum divided by ${layer.size * layer.size}\n`;
    }
    case 'pool': {
      const [h, w] = input;
      const pad = layer.padding === 'same' ? samePad(h, w as number, layer.size, layer.stride) : null;
      if (layer.op === 'max') {
        // Padding with -inf never wins a window.
        return `${padLine(pad, ', value=-math.inf')}        x = F.max_pool2d(x, ${layer.size}, ${layer.stride})${shape}\n`;
      }
      if (!pad) return `        x = F.avg_pool2d(x, ${layer.size}, ${layer.stride})${shape}\n`;
      // The mean of the real values only, as TensorFlow does: sums over zero padding divided by counts.
      return (
        `        x = F.avg_pool2d(F.pad(x, ${pad}), ${layer.size}, ${layer.stride}) / F.avg_pool2d(\n` +
        `            F.pad(torch.ones_like(x[:, :1]), ${pad}), ${layer.size}, ${layer.stride}\n` +
        `        )${shape}, the mean of each window's real values\n`
      );
    }
    case 'relu':
      return `        x = F.relu(x)${shape}\n`;
    case 'activation': {
      const call = {
        sigmoid: 'torch.sigmoid(x)',
        tanh: 'torch.tanh(x)',
        leaky_relu: 'F.leaky_relu(x, 0.1)',
        elu: 'F.elu(x)',
      }[layer.fn];
      return `        x = ${call}${shape}\n`;
    }
    case 'flatten':
      return input.length === 3
        ? `        x = x.permute(0, 2, 3, 1).flatten(1)${shape}, read in height, width, channel order\n`
        : `        x = x.flatten(1)${shape}\n`;
    case 'dense':
      return `        x = self.${name}(x)${shape}\n`;
    default: {
      const unknown: never = layer;
      throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
    }
  }
}

/** The `__init__` line of a layer with weights, or '' for one without. */
function moduleLine(layer: LayerSpec, name: string, input: Shape): string {
  if (layer.type === 'conv') {
    const channels = input[2] as number;
    return `        self.${name} = nn.Conv2d(${channels}, ${layer.filters}, kernel_size=${layer.size}, stride=${layer.stride})\n`;
  }
  if (layer.type === 'dense') return `        self.${name} = nn.Linear(${input[0]}, ${layer.units})\n`;
  return '';
}

/** The optimiser line of the training loop, matching ConvBlocks' (tfjs's Adam epsilon is 1e-7). */
function optimiserLine(network: NetworkSpec): string {
  const { optimizer, learningRate, momentum } = network.training;
  if (optimizer === 'adam') return `torch.optim.Adam(net.parameters(), lr=${learningRate}, eps=1e-7)`;
  return `torch.optim.SGD(net.parameters(), lr=${learningRate}, momentum=${momentum})`;
}

/**
 * The script for `network` (parsed, so its shapes fit) on `level`'s pictures: it holds the network's
 * weights and, when it has none, the seeded starting weights ConvBlocks would use and trains from them.
 * Long: most of it is the script's one template, read top to bottom; splitting it would scatter the script.
 */
export function pytorchScript(network: NetworkSpec, level: LevelSpec): string {
  const report = inferShapes(network.input, network.layers);
  const shapes = report.layers.map((l) => (l.ok ? { input: l.input, output: l.output } : null));
  const trained = network.weights !== undefined;
  const weights = network.weights ?? initialWeights(network.input, network.layers, network.training.seed);
  const names = network.layers.map((l, i) => `${l.type}${i + 1}`);
  const modules = network.layers
    .map((l, i) => moduleLine(l, names[i] as string, shapes[i]?.input as Shape))
    .join('');
  const forward = network.layers
    .map((l, i) => forwardLines(l, names[i] as string, shapes[i]?.input as Shape, shapes[i]?.output as Shape))
    .join('');
  const loads = network.layers
    .map((l, i) => {
      const input = shapes[i]?.input as Shape;
      if (l.type === 'conv')
        return `    load(net.${names[i]}, ${i}, (${l.size}, ${l.size}, ${input[2]}, ${l.filters}), (3, 2, 0, 1))  # HWIO to OIHW\n`;
      if (l.type === 'dense')
        return `    load(net.${names[i]}, ${i}, (${input[0]}, ${l.units}), (1, 0))  # [inputs][units] to [units][inputs]\n`;
      return '';
    })
    .join('');
  const { batchSize, seed } = network.training;
  const maxSteps = level.limits.maxSteps ?? DEFAULT_MAX_STEPS;
  return `#!/usr/bin/env python3
"""A ConvBlocks network in PyTorch, with the level's pictures.

python3 this_script.py           prints the hidden-test accuracy and each picture's probabilities
python3 this_script.py --json    prints one line: {"probabilities": [[...], ...]}
"""
import json
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

NETWORK_NAME = ${pyString(network.name)}
${levelData(level, !trained)}

# Each layer's weights as ConvBlocks stores them (conv kernels in height, width, in, out order;
# dense kernels in [inputs][units] order), or None for a layer without weights.
WEIGHTS = ${pyLiteral(weights)}
# True when the weights are trained; otherwise they are ConvBlocks' seeded starting weights.
TRAINED = ${trained ? 'True' : 'False'}


class Net(nn.Module):
    """Takes pictures as [n, height, width, channels] and gives each class's logit."""

    def __init__(self):
        super().__init__()
${modules || '        pass\n'}
    def forward(self, x):
        x = x.permute(0, 3, 1, 2)  # ConvBlocks' [n, h, w, c] to PyTorch's [n, c, h, w]
${forward}        return x  # softmax turns these into the class probabilities


def load(module, index, shape, order):
    """Copies WEIGHTS[index] into a module, reordered from ConvBlocks' layout to PyTorch's."""
    kernel = torch.tensor(WEIGHTS[index]["kernel"], dtype=torch.float32).reshape(shape)
    module.weight.data = kernel.permute(*order).contiguous()
    module.bias.data = torch.tensor(WEIGHTS[index]["bias"], dtype=torch.float32)


def pictures(examples):
    """A batch [n, h, w, c] and the class indices of a list of (class index, numbers)."""
    x = torch.tensor([numbers for _, numbers in examples], dtype=torch.float32)
    return x.reshape(-1, *INPUT), torch.tensor([label for label, _ in examples])


def train(net):
    """Trains as ConvBlocks does: the same optimiser, learning rate and batch size, until the
    training pictures are all right (checked every 10 steps) or ${maxSteps} steps."""
    torch.manual_seed(${seed})
    x, y = pictures(TRAIN)
    optimiser = ${optimiserLine(network)}
    order, at = torch.randperm(len(TRAIN)), 0
    for step in range(1, ${maxSteps + 1}):
        if at + ${batchSize} > len(TRAIN) and at > 0:
            order, at = torch.randperm(len(TRAIN)), 0
        batch = order[at : at + ${batchSize}]
        at += ${batchSize}
        optimiser.zero_grad()
        F.cross_entropy(net(x[batch]), y[batch]).backward()
        optimiser.step()
        if step % 10 == 0:
            with torch.no_grad():
                if (net(x).argmax(1) == y).all():
                    break


${REPORT_FUNCTION}


def main():
    net = Net()
${loads || '    pass\n'}    if not TRAINED:
        train(net)
    net.eval()
    with torch.no_grad():
        x, _ = pictures(TEST)
        probabilities = F.softmax(net(x), dim=1).tolist()
    report(probabilities)


if __name__ == "__main__":
    main()
`;
}
