// @vitest-environment jsdom
/** The Code view's generators: one line (or two) per block, with its shape, tagged with the block. */
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../src/blocks';
import { networkCode } from '../../src/blocks/code/generators';
import { stackedBlocks, workspaceWith, xVsO, xVsONetwork } from './helpers';

function codeOf(language: 'keras' | 'pytorch' | 'tfjs', layers = xVsONetwork) {
  const workspace = workspaceWith(layers);
  const result = compileWorkspace(workspace, xVsO);
  return { code: networkCode(workspace, language, xVsO, result), blocks: stackedBlocks(workspace) };
}

describe('the Code view generators', () => {
  it('writes the course X-vs-O network in Keras, one line per block with its shape', () => {
    const { code, blocks } = codeOf('keras');
    const lines = blocks.map((b) => code.lines.filter((_, i) => code.blockIds[i] === b.id));
    expect(lines).toEqual([
      ['    layers.Conv2D(2, kernel_size=3, strides=1, padding="valid"),  # 7x7x2'],
      ['    layers.ReLU(),  # 7x7x2'],
      ['    layers.MaxPooling2D(pool_size=2, strides=2, padding="same"),  # 4x4x2'],
      ['    layers.Flatten(),  # 32'],
      ['    layers.Dense(2, activation="softmax"),  # 2: the votes for X, O'],
    ]);
    expect(code.lines.slice(0, 6)).toContain('model = keras.Sequential([');
    expect(code.lines).toContain('    keras.Input(shape=(9, 9, 1)),');
  });

  it('writes TensorFlow.js with the input shape on the first layer', () => {
    const { code, blocks } = codeOf('tfjs');
    const first = code.lines[code.blockIds.indexOf((blocks[0] as { id: string }).id)];
    expect(first).toBe(
      "model.add(tf.layers.conv2d({inputShape: [9, 9, 1], filters: 2, kernelSize: 3, strides: 1, padding: 'valid'})); // 7x7x2",
    );
  });

  it("writes PyTorch's pad before a strided 'same' pool, more at the bottom and right", () => {
    const { code, blocks } = codeOf('pytorch');
    const pool = blocks[2] as { id: string };
    const lines = code.lines.filter((_, i) => code.blockIds[i] === pool.id);
    // 7 wide, window 2, stride 2: 4 outputs need 8 values, the one extra goes after.
    expect(lines).toEqual([
      '    nn.ConstantPad2d((0, 1, 0, 1), float("-inf")),',
      '    nn.MaxPool2d(2, stride=2),  # 4x4x2',
    ]);
  });

  it('leaves loose blocks out and follows an edit', () => {
    const workspace = workspaceWith(xVsONetwork);
    const dense = stackedBlocks(workspace)[4];
    dense?.setFieldValue(5, 'UNITS');
    const result = compileWorkspace(workspace, xVsO);
    const code = networkCode(workspace, 'keras', xVsO, result);
    expect(code.lines).toContain('    layers.Dense(5, activation="softmax"),  # 5: the votes for X, O');
  });
});
