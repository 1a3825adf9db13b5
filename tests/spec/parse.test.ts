import { describe, expect, it } from 'vitest';
import {
  levelToDocument,
  networkToDocument,
  parseDocument,
  parseJsonText,
  parseLevel,
  parseNetwork,
  parseNetworkDraft,
} from '../../src/spec';
import { slashLevelDocument } from '../fixtures/documents';
import { refusal } from '../share/refusal';
import { edited, weightedXoNetwork } from './documents';

const network = weightedXoNetwork;

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
      (d) => edited(d, ['kind'], 'convblocks/robot'),
      'kind: expected "convblocks/network" but got "convblocks/robot"',
    ],
    [
      'a newer version',
      (d) => edited(d, ['version'], 2),
      'version: this convblocks/network was made by a newer ConvBlocks (version 2',
    ],
    [
      'a version that is not a number',
      (d) => edited(d, ['version'], 'one'),
      'version: expected a whole number from 1 but got "one"',
    ],
    ['an unknown field', (d) => edited(d, ['colour'], 'red'), 'colour: unknown field "colour"'],
    [
      'an unknown layer field',
      (d) => edited(d, ['layers', 1, 'slope'], 2),
      'layers[1].slope: unknown field "slope"',
    ],
    [
      'an unknown layer type',
      (d) => edited(d, ['layers', 1, 'type'], 'dropout'),
      'layers[1].type: expected one of "conv", "relu", "activation", "pool", "flatten", "dense" but got "dropout"',
    ],
    [
      'zero filters',
      (d) => edited(d, ['layers', 0, 'filters'], 0),
      'layers[0].filters: expected a number at least 1 but got 0',
    ],
    [
      'negative filters',
      (d) => edited(d, ['layers', 0, 'filters'], -3),
      'layers[0].filters: expected a number at least 1 but got -3',
    ],
    [
      'a fractional size',
      (d) => edited(d, ['layers', 0, 'size'], 2.5),
      'layers[0].size: expected a whole number but got 2.5',
    ],
    [
      'a stride of 0',
      (d) => edited(d, ['layers', 0, 'stride'], 0),
      'layers[0].stride: expected a number at least 1 but got 0',
    ],
    [
      'NaN',
      (d) => edited(d, ['training', 'learningRate'], Number.NaN),
      'training.learningRate: expected a number but got NaN',
    ],
    [
      'Infinity',
      (d) => edited(d, ['training', 'learningRate'], Number.POSITIVE_INFINITY),
      'training.learningRate: expected a number but got Infinity',
    ],
    [
      'too many units',
      (d) => edited(d, ['layers', 4, 'units'], 100000),
      'layers[4].units: expected a number at most 1024 but got 100000',
    ],
    [
      'a huge picture',
      (d) => edited(d, ['input'], [4096, 9, 1]),
      'input[0]: expected a number at most 64 but got 4096',
    ],
    [
      'a kernel larger than its input',
      (d) => edited(edited(d, ['layers', 0, 'size'], 11), ['weights'], undefined),
      'layers[0]: an 11x11 filter does not fit a 9x9 input',
    ],
    [
      'Dense before Flatten',
      (d) => edited(edited(d, ['layers'], [{ type: 'dense', units: 2 }]), ['weights'], undefined),
      'layers[0]: Dense needs a flat input: add a Flatten block before it',
    ],
    [
      'a last Dense that does not match the classes',
      (d) => edited(edited(d, ['layers', 4, 'units'], 3), ['weights'], undefined),
      'layers[4]: the last Dense has 3 units but there are 2 classes',
    ],
    [
      'too many layers',
      (d) => edited(edited(d, ['layers'], Array(40).fill({ type: 'relu' })), ['weights'], undefined),
      'layers: may hold at most 32 items but has 40',
    ],
    [
      'a short kernel',
      (d) => edited(d, ['weights', 0, 'kernel'], [1, 2]),
      'weights[0].kernel: expected 18 numbers but got 2',
    ],
    [
      'a long bias',
      (d) => edited(d, ['weights', 4, 'bias'], [1, 2, 3]),
      'weights[4].bias: expected 2 numbers but got 3',
    ],
    [
      'weights for a layer without any',
      (d) => edited(d, ['weights', 1], { kernel: [], bias: [] }),
      'weights[1]: a relu layer has no weights: expected null',
    ],
    [
      'missing weights entries',
      (d) => edited(d, ['weights'], [null]),
      'weights: expected 5 entries, one per layer, but got 1',
    ],
    [
      'a class named twice',
      (d) => edited(d, ['classes'], ['X', 'X']),
      'classes[1]: the class "X" is named twice',
    ],
    [
      'no classes and no level',
      (d) => edited(edited(d, ['classes'], undefined), ['level'], undefined),
      'classes: is missing',
    ],
    [
      'a string for a number',
      (d) => edited(d, ['layers', 0, 'filters'], '2'),
      'layers[0].filters: expected a number but got "2"',
    ],
    ['a missing field', (d) => edited(d, ['input'], undefined), 'input: is missing (expected a list)'],
    [
      'an unknown optimiser',
      (d) => edited(d, ['training', 'optimizer'], 'rmsprop'),
      'training.optimizer: expected one of "adam", "sgd" but got "rmsprop"',
    ],
  ])('refuses %s', (_, change, message) => {
    const error = refusal(() => parseNetwork(change(network())));
    expect(error.message).toContain(message);
  });

  it('refuses __proto__ and constructor keys without touching any prototype', () => {
    const doc = JSON.parse('{"kind":"convblocks/network","version":1,"__proto__":{"polluted":true}}');
    expect(refusal(() => parseNetwork(doc)).message).toBe(
      '__proto__: the field name __proto__ is not allowed',
    );
    const nested = network() as Doc;
    (nested.layers as Doc[])[1] = JSON.parse('{"type":"relu","constructor":{"prototype":{"x":1}}}');
    expect(refusal(() => parseNetwork(nested)).message).toBe(
      'layers[1].constructor: the field name constructor is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([null, 42, 'text', [], undefined])('refuses %j, which is no document', (value) => {
    expect(refusal(() => parseNetwork(value)).field).toBe('');
  });

  it('refuses nesting deeper than any document needs', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10000; i++) deep = [deep];
    expect(refusal(() => parseNetwork({ ...network(), name: deep })).message).toMatch(/nested more than/);
  });

  it('turns a getter that throws into our own error', () => {
    const doc = network() as Doc;
    Object.defineProperty(doc, 'name', {
      enumerable: true,
      get() {
        throw new TypeError('boom');
      },
    });
    expect(refusal(() => parseNetwork(doc)).message).toMatch(/boom/);
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
      (d) => edited(d, ['train', 1, 'label'], 'X'),
      'train[1].label: expected one of the classes "\\\\", "/" but got "X"',
    ],
    [
      'a row too short',
      (d) => edited(d, ['train', 0, 'picture'], ['#', '.#']),
      'train[0].picture[0]: expected 2 pixels but got 1',
    ],
    [
      'too few rows',
      (d) => edited(d, ['test', 0, 'picture'], ['##']),
      'test[0].picture: expected 2 rows but got 1',
    ],
    [
      'a stray character',
      (d) => edited(d, ['train', 0, 'picture'], ['#x', '.#']),
      'train[0].picture[0]: rows of characters may use only',
    ],
    [
      'an id with capitals',
      (d) => edited(d, ['id'], 'Slash'),
      'id: an id is lowercase letters, digits and dashes, but got "Slash"',
    ],
    [
      'a goal above 100%',
      (d) => edited(d, ['goal', 'testAccuracy'], 1.5),
      'goal.testAccuracy: expected a number at most 1 but got 1.5',
    ],
    [
      'an unknown block',
      (d) => edited(d, ['limits', 'blocks'], ['flatten', 'lstm']),
      'limits.blocks[1]: expected one of',
    ],
    [
      'a star rule of no kind',
      (d) => edited(d, ['stars'], [{ maxSpeed: 3 }]),
      'stars[0].maxSpeed: unknown field "maxSpeed"',
    ],
    [
      'a star rule out of range',
      (d) => edited(d, ['stars'], [{ maxParams: 0 }]),
      'stars[0].maxParams: expected a number at least 1 but got 0',
    ],
    [
      'a reference that cannot win',
      (d) => edited(d, ['reference', 'layers'], [{ type: 'flatten' }, { type: 'dense', units: 5 }]),
      'reference.layers[1]: the last Dense has 5 units',
    ],
    ['a blank of 7', (d) => edited(d, ['blank'], 7), 'blank: '],
    ['a single class', (d) => edited(d, ['classes'], ['\\']), 'classes: needs at least 2 items but has 1'],
  ])('refuses %s', (_, change, message) => {
    const error = refusal(() => parseLevel(change(level())));
    expect(error.message).toContain(message);
  });
});

describe('parseDocument and parseJsonText', () => {
  it('tells the kinds apart', () => {
    expect(parseDocument(level()).kind).toBe('convblocks/level');
    expect(parseDocument(network()).kind).toBe('convblocks/network');
    expect(refusal(() => parseDocument({ kind: 'convblocks/robot' })).message).toBe(
      'kind: expected "convblocks/network" or "convblocks/level" but got "convblocks/robot"',
    );
  });

  it('refuses text that is not JSON with our error', () => {
    expect(refusal(() => parseJsonText('{"kind": ')).message).toMatch(/^this is not valid JSON/);
  });
});

describe('parseNetworkDraft', () => {
  const draft = () => {
    const doc = network() as Doc;
    delete doc.weights;
    return doc;
  };

  it('keeps a stack that does not run yet, as a workbench saved mid-edit', () => {
    const doc = edited(draft(), ['layers'], [{ type: 'dense', units: 2 }, { type: 'flatten' }]);
    expect(parseNetworkDraft(doc).layers).toEqual([{ type: 'dense', units: 2 }, { type: 'flatten' }]);
    expect(parseNetworkDraft(edited(draft(), ['layers'], [])).layers).toEqual([]);
  });

  it.each<[string, (doc: Doc) => unknown, string]>([
    [
      'a bad layer field',
      (d) => edited(d, ['layers', 0, 'filters'], 0),
      'layers[0].filters: expected a number at least 1 but got 0',
    ],
    ['an unknown field', (d) => edited(d, ['colour'], 'red'), 'colour: unknown field "colour"'],
    ['weights', (d) => edited(d, ['weights'], []), 'weights: '],
  ])('still refuses %s', (_, change, message) => {
    expect(refusal(() => parseNetworkDraft(change(draft()))).message).toContain(message);
  });
});
