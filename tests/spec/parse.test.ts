import { describe, expect, it } from 'vitest';
import {
  levelToDocument,
  networkToDocument,
  parseDocument,
  parseJsonText,
  parseLevel,
  parseNetwork,
  parseNetworkDraft,
  SpecError,
} from '../../src/spec';
import { slashLevelDocument, xoNetworkDocument } from '../fixtures/documents';

const network = () =>
  xoNetworkDocument({
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 32, seed: 1 },
    weights: [
      { kernel: Array(18).fill(0.1), bias: [0, 0] },
      null,
      null,
      null,
      { kernel: Array(64).fill(0.2), bias: [0.1, -0.1] },
    ],
  });

const level = () =>
  slashLevelDocument({
    id: 'slash-2x2',
    title: 'Slash or backslash?',
    starter: [{ type: 'flatten' }],
    reference: {
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
      training: { learningRate: 0.1 },
    },
  });

type Doc = Record<string, unknown>;
const set = (doc: Doc, path: (string | number)[], value: unknown): Doc => {
  let node: Record<string | number, unknown> = doc;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return doc;
};

function refusal<T>(parse: (v: T) => unknown, value: T): SpecError {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected the document to be refused');
}

describe('parseNetwork', () => {
  it('reads the design example and fills the defaults', () => {
    const parsed = parseNetwork(network());
    expect(parsed.layers).toHaveLength(5);
    expect(parsed.training).toEqual({
      optimizer: 'adam',
      learningRate: 0.01,
      momentum: 0.9,
      batchSize: 32,
      seed: 1,
    });
    expect(parsed.weights?.[0]?.kernel).toHaveLength(18);
  });

  it('fills layer defaults: conv stride 1 and valid padding, pool stride equal to its window', () => {
    const doc = network();
    const layers = doc.layers as unknown[];
    layers[0] = { type: 'conv', filters: 2, size: 3 };
    layers[2] = { type: 'pool', size: 2, padding: 'same' };
    delete doc.weights;
    const parsed = parseNetwork(doc);
    expect(parsed.layers[0]).toEqual({ type: 'conv', filters: 2, size: 3, stride: 1, padding: 'valid' });
    expect(parsed.layers[2]).toEqual({ type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' });
  });

  it('round-trips through its document', () => {
    const parsed = parseNetwork(network());
    expect(parseNetwork(JSON.parse(JSON.stringify(networkToDocument(parsed))))).toEqual(parsed);
  });

  it('never changes its input', () => {
    const doc = network();
    const before = JSON.stringify(doc);
    parseNetwork(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it.each<[string, (doc: Doc) => unknown, string]>([
    [
      'an unknown kind',
      (d) => set(d, ['kind'], 'convblocks/robot'),
      'kind: expected "convblocks/network" but got "convblocks/robot"',
    ],
    [
      'a newer version',
      (d) => set(d, ['version'], 2),
      'version: this convblocks/network was made by a newer ConvBlocks (version 2',
    ],
    [
      'a version that is not a number',
      (d) => set(d, ['version'], 'one'),
      'version: expected a whole number from 1 but got "one"',
    ],
    ['an unknown field', (d) => set(d, ['colour'], 'red'), 'colour: unknown field "colour"'],
    [
      'an unknown layer field',
      (d) => set(d, ['layers', 1, 'slope'], 2),
      'layers[1].slope: unknown field "slope"',
    ],
    [
      'an unknown layer type',
      (d) => set(d, ['layers', 1, 'type'], 'dropout'),
      'layers[1].type: expected one of "conv", "relu", "activation", "pool", "flatten", "dense" but got "dropout"',
    ],
    [
      'zero filters',
      (d) => set(d, ['layers', 0, 'filters'], 0),
      'layers[0].filters: expected a number at least 1 but got 0',
    ],
    [
      'negative filters',
      (d) => set(d, ['layers', 0, 'filters'], -3),
      'layers[0].filters: expected a number at least 1 but got -3',
    ],
    [
      'a fractional size',
      (d) => set(d, ['layers', 0, 'size'], 2.5),
      'layers[0].size: expected a whole number but got 2.5',
    ],
    [
      'a stride of 0',
      (d) => set(d, ['layers', 0, 'stride'], 0),
      'layers[0].stride: expected a number at least 1 but got 0',
    ],
    [
      'NaN',
      (d) => set(d, ['training', 'learningRate'], Number.NaN),
      'training.learningRate: expected a number but got NaN',
    ],
    [
      'Infinity',
      (d) => set(d, ['training', 'learningRate'], Number.POSITIVE_INFINITY),
      'training.learningRate: expected a number but got Infinity',
    ],
    [
      'too many units',
      (d) => set(d, ['layers', 4, 'units'], 100000),
      'layers[4].units: expected a number at most 1024 but got 100000',
    ],
    [
      'a huge picture',
      (d) => set(d, ['input'], [4096, 9, 1]),
      'input[0]: expected a number at most 64 but got 4096',
    ],
    [
      'a kernel larger than its input',
      (d) => set(set(d, ['layers', 0, 'size'], 11), ['weights'], undefined),
      'layers[0]: an 11x11 filter does not fit a 9x9 input',
    ],
    [
      'Dense before Flatten',
      (d) => set(set(d, ['layers'], [{ type: 'dense', units: 2 }]), ['weights'], undefined),
      'layers[0]: Dense needs a flat input: add a Flatten block before it',
    ],
    [
      'a last Dense that does not match the classes',
      (d) => set(set(d, ['layers', 4, 'units'], 3), ['weights'], undefined),
      'layers[4]: the last Dense has 3 units but there are 2 classes',
    ],
    [
      'too many layers',
      (d) => set(set(d, ['layers'], Array(40).fill({ type: 'relu' })), ['weights'], undefined),
      'layers: may hold at most 32 items but has 40',
    ],
    [
      'a short kernel',
      (d) => set(d, ['weights', 0, 'kernel'], [1, 2]),
      'weights[0].kernel: expected 18 numbers but got 2',
    ],
    [
      'a long bias',
      (d) => set(d, ['weights', 4, 'bias'], [1, 2, 3]),
      'weights[4].bias: expected 2 numbers but got 3',
    ],
    [
      'weights for a layer without any',
      (d) => set(d, ['weights', 1], { kernel: [], bias: [] }),
      'weights[1]: a relu layer has no weights: expected null',
    ],
    [
      'missing weights entries',
      (d) => set(d, ['weights'], [null]),
      'weights: expected 5 entries, one per layer, but got 1',
    ],
    [
      'a class named twice',
      (d) => set(d, ['classes'], ['X', 'X']),
      'classes[1]: the class "X" is named twice',
    ],
    [
      'no classes and no level',
      (d) => set(set(d, ['classes'], undefined), ['level'], undefined),
      'classes: is missing',
    ],
    [
      'a string for a number',
      (d) => set(d, ['layers', 0, 'filters'], '2'),
      'layers[0].filters: expected a number but got "2"',
    ],
    ['a missing field', (d) => set(d, ['input'], undefined), 'input: is missing (expected a list)'],
    [
      'an unknown optimiser',
      (d) => set(d, ['training', 'optimizer'], 'rmsprop'),
      'training.optimizer: expected one of "adam", "sgd" but got "rmsprop"',
    ],
  ])('refuses %s', (_, change, message) => {
    const error = refusal(parseNetwork, change(network()));
    expect(error.message).toContain(message);
  });

  it('refuses __proto__ and constructor keys without touching any prototype', () => {
    const doc = JSON.parse('{"kind":"convblocks/network","version":1,"__proto__":{"polluted":true}}');
    expect(refusal(parseNetwork, doc).message).toBe('__proto__: the field name __proto__ is not allowed');
    const nested = network() as Doc;
    (nested.layers as Doc[])[1] = JSON.parse('{"type":"relu","constructor":{"prototype":{"x":1}}}');
    expect(refusal(parseNetwork, nested).message).toBe(
      'layers[1].constructor: the field name constructor is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([null, 42, 'text', [], undefined])('refuses %j, which is no document', (value) => {
    expect(refusal(parseNetwork, value).field).toBe('');
  });

  it('refuses nesting deeper than any document needs', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(refusal(parseNetwork, { ...network(), name: deep }).message).toMatch(/nested more than/);
  });

  it('turns a getter that throws into our own error', () => {
    const doc = network() as Doc;
    Object.defineProperty(doc, 'name', {
      enumerable: true,
      get() {
        throw new TypeError('boom');
      },
    });
    expect(refusal(parseNetwork, doc).message).toMatch(/boom/);
  });
});

describe('parseLevel', () => {
  it('turns picture rows into numbers with the level blank', () => {
    const parsed = parseLevel(level());
    expect(parsed.train[0]).toEqual({ label: '\\', classIndex: 0, pixels: [1, -1, -1, 1] });
    expect(parsed.test[0]?.pixels).toEqual([1, 1, -1, 1]);
    expect(parsed.reference?.training.learningRate).toBe(0.1);
  });

  it('reads rows of numbers and rows of channel lists', () => {
    const grey = {
      ...level(),
      train: [
        {
          label: '/',
          picture: [
            [0.5, -1],
            [1, 0],
          ],
        },
      ],
    };
    expect(parseLevel(grey).train[0]?.pixels).toEqual([0.5, -1, 1, 0]);
    const colour = {
      ...level(),
      input: [1, 2, 3],
      train: [
        {
          label: '/',
          picture: [
            [
              [1, 0, 0],
              [0, 0, 1],
            ],
          ],
        },
      ],
      test: [],
    };
    expect(parseLevel(colour).train[0]?.pixels).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('round-trips through its document', () => {
    const parsed = parseLevel(level());
    expect(parseLevel(JSON.parse(JSON.stringify(levelToDocument(parsed))))).toEqual(parsed);
  });

  it.each<[string, (doc: Doc) => unknown, string]>([
    [
      'a label that is no class',
      (d) => set(d, ['train', 1, 'label'], 'X'),
      'train[1].label: expected one of the classes "\\\\", "/" but got "X"',
    ],
    [
      'a row too short',
      (d) => set(d, ['train', 0, 'picture'], ['#', '.#']),
      'train[0].picture[0]: expected 2 pixels but got 1',
    ],
    [
      'too few rows',
      (d) => set(d, ['test', 0, 'picture'], ['##']),
      'test[0].picture: expected 2 rows but got 1',
    ],
    [
      'a stray character',
      (d) => set(d, ['train', 0, 'picture'], ['#x', '.#']),
      'train[0].picture[0]: rows of characters may use only',
    ],
    [
      'an id with capitals',
      (d) => set(d, ['id'], 'Slash'),
      'id: an id is lowercase letters, digits and dashes, but got "Slash"',
    ],
    [
      'a goal above 100%',
      (d) => set(d, ['goal', 'testAccuracy'], 1.5),
      'goal.testAccuracy: expected a number at most 1 but got 1.5',
    ],
    [
      'an unknown block',
      (d) => set(d, ['limits', 'blocks'], ['flatten', 'lstm']),
      'limits.blocks[1]: expected one of',
    ],
    [
      'a star rule of no kind',
      (d) => set(d, ['stars'], [{ maxSpeed: 3 }]),
      'stars[0].maxSpeed: unknown field "maxSpeed"',
    ],
    [
      'a star rule out of range',
      (d) => set(d, ['stars'], [{ maxParams: 0 }]),
      'stars[0].maxParams: expected a number at least 1 but got 0',
    ],
    [
      'a reference that cannot win',
      (d) => set(d, ['reference', 'layers'], [{ type: 'flatten' }, { type: 'dense', units: 5 }]),
      'reference.layers[1]: the last Dense has 5 units',
    ],
    ['a blank of 7', (d) => set(d, ['blank'], 7), 'blank: '],
    ['a single class', (d) => set(d, ['classes'], ['\\']), 'classes: needs at least 2 items but has 1'],
  ])('refuses %s', (_, change, message) => {
    const error = refusal(parseLevel, change(level()));
    expect(error.message).toContain(message);
  });
});

describe('parseDocument and parseJsonText', () => {
  it('tells the kinds apart', () => {
    expect(parseDocument(level()).kind).toBe('convblocks/level');
    expect(parseDocument(network()).kind).toBe('convblocks/network');
    expect(refusal(parseDocument, { kind: 'convblocks/robot' }).message).toBe(
      'kind: expected "convblocks/network" or "convblocks/level" but got "convblocks/robot"',
    );
  });

  it('refuses text that is not JSON with our error', () => {
    expect(refusal(parseJsonText, '{"kind": ').message).toMatch(/^this is not valid JSON/);
  });
});

describe('parseNetworkDraft', () => {
  const draft = () => {
    const doc = network() as Doc;
    delete doc.weights;
    return doc;
  };

  it('keeps a stack that does not run yet, as a workbench saved mid-edit', () => {
    const doc = set(draft(), ['layers'], [{ type: 'dense', units: 2 }, { type: 'flatten' }]);
    expect(parseNetworkDraft(doc).layers).toEqual([{ type: 'dense', units: 2 }, { type: 'flatten' }]);
    expect(parseNetworkDraft(set(draft(), ['layers'], [])).layers).toEqual([]);
  });

  it.each<[string, (doc: Doc) => unknown, string]>([
    [
      'a bad layer field',
      (d) => set(d, ['layers', 0, 'filters'], 0),
      'layers[0].filters: expected a number at least 1 but got 0',
    ],
    ['an unknown field', (d) => set(d, ['colour'], 'red'), 'colour: unknown field "colour"'],
    ['weights', (d) => set(d, ['weights'], []), 'weights: '],
  ])('still refuses %s', (_, change, message) => {
    expect(refusal(parseNetworkDraft, change(draft())).message).toContain(message);
  });
});
