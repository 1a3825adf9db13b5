/** The command line as a person runs it: a real process, real files, exit codes and output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/spec';
import { slashClassifier } from '../fixtures';
import { slashLevel, slashNetwork } from './run';

const folder = mkdtempSync(join(tmpdir(), 'convblocks-cli-'));
const file = (name: string, value: unknown) => {
  const path = join(folder, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

function convblocks(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/convblocks.mjs', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const level = slashLevel();
const network = slashNetwork({ level: 'slash-2x2' });

beforeAll(() => {
  // The first run bundles the sources; later runs reuse the bundle.
  convblocks('--help');
}, 120_000);

describe('convblocks train', () => {
  it('trains a network on a level and writes it with its weights', () => {
    const out = join(folder, 'trained.json');
    const run = convblocks(
      'train',
      file('level.json', level),
      file('net.json', network),
      '--seed',
      '3',
      '--out',
      out,
    );
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^slash-2x2: \d+ steps in \d+ ms, train 100\.0%, test 100\.0% \(goal 100\.0%\)$/m,
    );
    const trained = parseNetwork(JSON.parse(readFileSync(out, 'utf8')));
    expect(trained.training.seed).toBe(3);
    expect(trained.weights?.[1]?.kernel).toHaveLength(8);
  });

  it.each(['plain', 'cpu', 'wasm'])(
    'trains the same seed to the same weights each time on --backend %s',
    (path) => {
      const outs = ['a', 'b'].map((name) => join(folder, `${path}-${name}.json`));
      for (const out of outs) {
        const run = convblocks(
          'train',
          file('level.json', level),
          file('net.json', network),
          '--backend',
          path,
          '--out',
          out,
        );
        expect(run.code).toBe(0);
      }
      const [a, b] = outs.map((out) => parseNetwork(JSON.parse(readFileSync(out, 'utf8'))).weights);
      expect(a).toEqual(b);
    },
  );

  it('refuses an unknown --backend, naming the ones there are', () => {
    const run = convblocks('train', file('level.json', level), file('net.json', network), '--backend', 'gpu');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--backend expects auto, plain, cpu or wasm but got gpu');
  });
});

describe('convblocks inspect', () => {
  it('prints every layer and the votes as JSON for the course slash classifier', () => {
    // The course's hand-made weights: +1 for the backslash pixels, -1 for the others; the second class is its mirror.
    const [[a, b], [c, d]] = slashClassifier.weights as [[number, number], [number, number]];
    const kernel = [a, -a, b, -b, c, -c, d, -d];
    const weighted = { ...network, weights: [null, { kernel, bias: [0, 0] }] };
    const picture = slashClassifier.cases[2]?.image;
    const run = convblocks(
      'inspect',
      file('weighted.json', weighted),
      file('picture.json', picture),
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      layers: { type: string; shape: number[]; values: number[] }[];
      probabilities: number[];
    };
    expect(result.layers.map((l) => [l.type, l.shape])).toEqual([
      ['flatten', [4]],
      ['dense', [2]],
    ]);
    expect(result.layers[1]?.values).toEqual([
      slashClassifier.cases[2]?.sum,
      -(slashClassifier.cases[2]?.sum ?? 0),
    ]);
    expect(result.probabilities[0]).toBeGreaterThan(0.9);
  });

  it('prints a readable table, naming the classes of the built-in level the network names', () => {
    const weighted = { ...network, weights: [null, { kernel: [1, 0, 0, 0, 0, 0, 0, 1], bias: [0, 0] }] };
    const run = convblocks(
      'inspect',
      file('w2.json', weighted),
      file('p2.json', [
        [1, -1],
        [-1, 1],
      ]),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. flatten 4');
    expect(run.stdout).toMatch(/votes: \\: \d+\.\d%, \/: \d+\.\d%/);
  });
});

describe('convblocks check', () => {
  it('passes a level whose reference wins on every seed and fails one whose reference cannot', () => {
    const good = file('good.json', level);
    const bad = file('bad.json', {
      ...level,
      id: 'hopeless',
      reference: {
        layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
        training: { learningRate: 0.0001 },
      },
      limits: { maxSteps: 5 },
    });
    const run = convblocks('check', good, bad, '--jobs', '2');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}reference +(100\.0% +){5} +ok wins 5\/5$/m);
    expect(run.stdout).toMatch(/^ok {3}slash-2x2$/m);
    expect(run.stderr).toMatch(
      /^FAIL hopeless: reference misses the goal on seed 1: test \d+\.\d% \(goal 100\.0%\)/m,
    );
    expect(run.stderr).toMatch(/^1 passed, 1 failed \(10 training runs, 2 at a time, [\d.]+ s\)$/m);
  });

  it('fails a level whose trap wins, naming the trap, the seed and the accuracy', () => {
    const trapped = file('trapped.json', {
      ...level,
      version: 2,
      traps: [
        {
          idea: 'one Dense block is enough',
          layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
          training: { learningRate: 0.1 },
        },
      ],
    });
    const run = convblocks('check', trapped, '--jobs', '1');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ {2}trap "one Dense block is enough" +(100\.0%! +){5} +BAD wins 5\/5$/m);
    expect(run.stderr).toMatch(
      /^FAIL slash-2x2: trap "one Dense block is enough" reaches the goal on seed 1: test 100\.0% \(goal 100\.0%\)/m,
    );
  });
});

describe('bad arguments and files', () => {
  it.each<[string, string[], number, RegExp]>([
    ['an unknown command', ['frobnicate'], 2, /^convblocks: unknown command frobnicate$/m],
    ['a missing argument', ['train', 'only-one.json'], 2, /train needs LEVEL\.json NETWORK\.json/],
    ['a missing file', ['check', '/no/such/level.json'], 1, /no such file/],
    ['a bad number', ['train', 'a.json', 'b.json', '--seed', 'ten'], 2, /--seed expects a whole number/],
    ['an unknown option', ['check', 'a.json', '--fast'], 2, /unknown option --fast/],
  ])('%s gets one clear line and a non-zero exit', (_, args, code, message) => {
    const run = convblocks(...args);
    expect(run.code).toBe(code);
    expect(run.stderr + run.stdout).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the field and value of a bad network file', () => {
    const broken = file('broken.json', {
      ...network,
      layers: [{ type: 'flatten' }, { type: 'dense', units: -2 }],
    });
    const run = convblocks('train', file('l.json', level), broken);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `convblocks: ${broken}: layers[1].units: expected a number at least 1 but got -2`,
    );
  });

  it('refuses a file that is not JSON', () => {
    const run = convblocks('check', file('junk.json', '{"kind": '));
    expect(run.stderr).toMatch(/junk\.json: this is not valid JSON/);
    expect(run.code).toBe(1);
  });
});
