/** `convblocks export` as a person runs it: real files out, opened by tfjs-layers and by PyTorch. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../src/engine';
import { convblocks, scratchFolder, slashLevel } from './run';

const { folder, file } = scratchFolder('convblocks-export-');

const level = slashLevel({ id: 'my-slashes', reference: undefined });
/** Four inputs, two units; the kernel is [inputs][units]. */
const network = {
  kind: 'convblocks/network',
  version: 1,
  name: 'four votes',
  input: [2, 2, 1],
  classes: ['\\', '/'],
  layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
  weights: [null, { kernel: [1, -1, 0.5, 0.5, -0.5, 0.5, -1, 1], bias: [0.1, -0.1] }],
};
/** Worked by hand: "##/.#" is [1, 1, -1, 1] and gives logits 1.1, -0.1; "../#." is [-1, -1, 1, -1]: -0.9, -0.1. */
const softmax = (a: number, b: number) => [
  Math.exp(a) / (Math.exp(a) + Math.exp(b)),
  Math.exp(b) / (Math.exp(a) + Math.exp(b)),
];
const EXPECTED = [softmax(1.1, -0.1), softmax(-0.9, -0.1)];

let levelPath = '';
let networkPath = '';
beforeAll(() => {
  levelPath = file('level.json', level);
  networkPath = file('network.json', network);
  convblocks('--help');
}, 120_000);

describe('convblocks export', () => {
  it('writes a TensorFlow.js layers model that tfjs-layers opens and that votes as worked by hand', async () => {
    const out = join(folder, 'tfjs');
    const run = convblocks('export', networkPath, '--to', 'tfjs', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.modelTopology.class_name).toBe('Sequential');
    const bin = readFileSync(join(out, json.weightsManifest[0].paths[0]));
    const model = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: new Uint8Array(bin).buffer,
      }),
    );
    const x = tf.tensor4d([1, 1, -1, 1, -1, -1, 1, -1], [2, 2, 2, 1]);
    const got = (model.predict(x) as tf.Tensor2D).arraySync();
    model.dispose();
    x.dispose();
    got.flat().forEach((p, i) => {
      expect(p).toBeCloseTo(EXPECTED.flat()[i] as number, 6);
    });
  });

  it('writes a PyTorch script that prints the same probabilities, when Debian python3-torch is here', () => {
    const out = join(folder, 'pytorch');
    const run = convblocks('export', networkPath, '--level', levelPath, '--to', 'pytorch', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const script = join(out, 'model_pytorch.py');
    const python = spawnSync('/usr/bin/python3', [script, '--json'], { encoding: 'utf8', timeout: 120_000 });
    if (python.status !== 0 && /No module named 'torch'/.test(python.stderr)) {
      console.warn('*** SKIPPED running the PyTorch script: /usr/bin/python3 has no torch ***');
      return;
    }
    const last = python.stdout.trimEnd().split('\n').at(-1) as string;
    const { probabilities } = JSON.parse(last) as { probabilities: number[][] };
    probabilities.flat().forEach((p, i) => {
      expect(p).toBeCloseTo(EXPECTED.flat()[i] as number, 6);
    });
  });

  it('writes a Keras script holding the layers of the tfjs model config', () => {
    const out = join(folder, 'keras');
    const run = convblocks('export', networkPath, '--level', levelPath, '--to', 'keras', '--out', out);
    expect(run.code).toBe(0);
    const script = readFileSync(join(out, 'model_keras.py'), 'utf8');
    expect(script).toContain('keras.layers.Flatten(');
    expect(script).toContain('keras.layers.Dense(units=2, activation="softmax", use_bias=True)');
    const syntax = spawnSync(
      '/usr/bin/python3',
      ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', join(out, 'model_keras.py')],
      { encoding: 'utf8' },
    );
    expect(syntax.stderr).toBe('');
  });

  it.each([
    [['--to', 'onnx', '--out', 'x'], 2, '--to expects tfjs, keras or pytorch but got onnx'],
    [['--to', 'pytorch', '--out', 'x'], 2, 'give --level LEVEL.json'],
    [['--to', 'tfjs'], 2, 'export needs --out DIR'],
  ])('refuses %j with exit %i, saying so on stderr', (args, code, message) => {
    const run = convblocks('export', networkPath, ...args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('refuses an output path that is a file, and a network that is a folder', () => {
    const plain = join(folder, 'plain.txt');
    writeFileSync(plain, 'hello');
    const intoFile = convblocks('export', networkPath, '--to', 'tfjs', '--out', plain);
    expect(intoFile.code).toBe(1);
    expect(intoFile.stderr).toContain(`${plain}: cannot be written: it is not a folder`);
    const fromFolder = convblocks('export', folder, '--to', 'tfjs', '--out', join(folder, 'y'));
    expect(fromFolder.code).toBe(1);
    expect(fromFolder.stderr).toContain('is a folder');
  });
});
