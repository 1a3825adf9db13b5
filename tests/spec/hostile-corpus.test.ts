/**
 * A corpus of hostile documents, links and pasted text (issue 18, failure 8 and beyond): each is
 * refused with a message that names the field and shows the bad value safely, or opens unchanged.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeNetworkLink, readSharedText } from '../../src/share';
import { describeValue, parseLevel, parseNetwork, parsePicture } from '../../src/spec';
import { refusal } from '../share/refusal';
import { xVsONetwork } from '../share/samples';
import { edited, weightedXoNetwork } from './documents';

type Doc = Record<string, unknown>;

const network = weightedXoNetwork;

const level = (): Doc => ({
  kind: 'convblocks/level',
  version: 1,
  id: 'slash-2x2',
  title: 'Slash or backslash?',
  intro: ['Four pixels, two answers.'],
  input: [2, 2, 1],
  classes: ['\\', '/'],
  train: [
    { label: '\\', picture: ['#.', '.#'] },
    { label: '/', picture: ['.#', '#.'] },
  ],
  limits: { blocks: ['flatten', 'dense'], maxLayers: 2 },
  stars: [{ maxSteps: 20 }],
  hints: ['One Dense block is enough.'],
  reference: { layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }], training: { learningRate: 0.1 } },
});

const net = (path: (string | number)[], value: unknown) => () => parseNetwork(edited(network(), path, value));
const lvl = (path: (string | number)[], value: unknown) => () => parseLevel(edited(level(), path, value));
/** A link made by hand with Node's zlib, so it can carry what our encoder never writes. */
const linkOf = (tag: string, value: unknown) =>
  `#${tag}=${deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8')).toString('base64url')}`;

/** Characters no message may show as they are: controls, format and direction characters, separators. */
const RAW = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** A refusal: the field the message must name, and what it must say. */
type Refused = readonly [field: string, message: RegExp];

const refused: [string, () => unknown, Refused][] = [
  // Numbers beyond what a network can compute with or a player can be shown.
  [
    'a weight of 1e308',
    net(['weights', 4, 'kernel', 0], 1e308),
    ['weights[4].kernel[0]', /at most 1000000 but got 1e\+308/],
  ],
  [
    'a weight of -1e308',
    net(['weights', 0, 'kernel', 3], -1e308),
    ['weights[0].kernel[3]', /at least -1000000 but got -1e\+308/],
  ],
  [
    'a bias of 1e7',
    net(['weights', 0, 'bias', 1], 1e7),
    ['weights[0].bias[1]', /at most 1000000 but got 10000000/],
  ],
  ['a pixel of 1e308', () => parsePicture([[1e308]], [1, 1, 1]), ['', /pixel 0 is 1e\+308/]],
  [
    'a picture pixel of -1e308 in a level',
    lvl(
      ['train', 0, 'picture'],
      [
        [-1e308, 0],
        [0, 0],
      ],
    ),
    ['train[0].picture', /pixel 0 is -1e\+308/],
  ],
  // Every whole-number field names its own limit, not the largest safe integer.
  [
    'filters: 1e308',
    net(['layers', 0, 'filters'], 1e308),
    ['layers[0].filters', /at most 256 but got 1e\+308/],
  ],
  [
    'filters: -1e308',
    net(['layers', 0, 'filters'], -1e308),
    ['layers[0].filters', /at least 1 but got -1e\+308/],
  ],
  [
    'filters: 2.5',
    net(['layers', 0, 'filters'], 2.5),
    ['layers[0].filters', /expected a whole number but got 2\.5/],
  ],
  [
    'a conv size of 1e300',
    net(['layers', 0, 'size'], 1e300),
    ['layers[0].size', /at most 16 but got 1e\+300/],
  ],
  [
    'a conv stride of 1e20',
    net(['layers', 0, 'stride'], 1e20),
    ['layers[0].stride', /at most 16 but got 100000000000000000000/],
  ],
  [
    'a pool size of 2^53',
    net(['layers', 2, 'size'], 2 ** 53),
    ['layers[2].size', /at most 16 but got 9007199254740992/],
  ],
  [
    'dense units: 1e308',
    net(['layers', 4, 'units'], 1e308),
    ['layers[4].units', /at most 1024 but got 1e\+308/],
  ],
  [
    'a batch size of 1e308',
    net(['training', 'batchSize'], 1e308),
    ['training.batchSize', /at most 4096 but got 1e\+308/],
  ],
  [
    'a seed of 1e308',
    net(['training', 'seed'], 1e308),
    ['training.seed', /at most 2147483647 but got 1e\+308/],
  ],
  ['a picture height of 1e308', net(['input', 0], 1e308), ['input[0]', /at most 64 but got 1e\+308/]],
  ['1e308 channels', net(['input', 2], 1e308), ['input[2]', /at most 4 but got 1e\+308/]],
  [
    'a learning rate of 1e308',
    net(['training', 'learningRate'], 1e308),
    ['training.learningRate', /at most 10 but got 1e\+308/],
  ],
  [
    'a momentum of 1e308',
    net(['training', 'momentum'], 1e308),
    ['training.momentum', /less than 1 but got 1e\+308/],
  ],
  [
    'maxSteps: 1e308',
    lvl(['limits', 'maxSteps'], 1e308),
    ['limits.maxSteps', /at most 10000 but got 1e\+308/],
  ],
  [
    'maxLayers: 1e308',
    lvl(['limits', 'maxLayers'], 1e308),
    ['limits.maxLayers', /at most 32 but got 1e\+308/],
  ],
  [
    'maxBlocks.conv: 1e308',
    lvl(['limits', 'maxBlocks'], { conv: 1e308 }),
    ['limits.maxBlocks.conv', /at most 32 but got 1e\+308/],
  ],
  [
    'a star for maxParams 1e308',
    lvl(['stars', 0], { maxParams: 1e308 }),
    ['stars[0].maxParams', /at most 2000000 but got 1e\+308/],
  ],
  [
    'a star for maxSteps -1e308',
    lvl(['stars', 0], { maxSteps: -1e308 }),
    ['stars[0].maxSteps', /at least 1 but got -1e\+308/],
  ],
  [
    'a reference batch size of 1e308',
    lvl(['reference', 'training', 'batchSize'], 1e308),
    ['reference.training.batchSize', /at most 4096 but got 1e\+308/],
  ],
  [
    'a goal of 1e308',
    lvl(['goal'], { testAccuracy: 1e308 }),
    ['goal.testAccuracy', /at most 1 but got 1e\+308/],
  ],
  // Names that look like another, hide part of themselves, or turn text around.
  [
    'classes cat and ca\\u200Bt',
    net(['classes'], ['cat', 'ca\u200bt']),
    ['classes[1]', /contains an invisible character U\+200B \(got "ca\\u200bt"\)/],
  ],
  [
    'a class with a byte order mark inside',
    net(['classes'], ['X', 'O\ufeffO']),
    ['classes[1]', /invisible character U\+FEFF/],
  ],
  [
    'a class with a soft hyphen',
    net(['classes'], ['X\u00ad', 'O']),
    ['classes[0]', /invisible character U\+00AD/],
  ],
  [
    'a class of a Hangul filler',
    net(['classes'], ['\u3164', 'O']),
    ['classes[0]', /invisible character U\+3164/],
  ],
  [
    'a class with a tag character',
    net(['classes'], ['X\u{e0041}', 'O']),
    ['classes[0]', /invisible character U\+E0041/],
  ],
  [
    'a class with a left-to-right isolate',
    net(['classes'], ['X', '\u2066O']),
    ['classes[1]', /direction-changing character U\+2066/],
  ],
  [
    'a class with an Arabic letter mark',
    net(['classes'], ['X\u061c', 'O']),
    ['classes[0]', /direction-changing character U\+061C/],
  ],
  ['a class with a NUL', net(['classes'], ['X', 'X\u0000']), ['classes[1]', /control character U\+0000/]],
  [
    'a class with a lone surrogate',
    net(['classes'], ['X', 'O\ud800']),
    ['classes[1]', /broken character U\+D800/],
  ],
  [
    'a class with a line separator',
    net(['classes'], ['X\u2028O', 'O']),
    ['classes[0]', /line break U\+2028/],
  ],
  [
    'a fullwidth class beside its plain twin',
    net(['classes'], ['cat', '\uff43at']),
    ['classes[1]', /looks the same as classes\[0\] "cat"/],
  ],
  [
    'a composed and a decomposed é',
    net(['classes'], ['caf\u00e9', 'cafe\u0301']),
    ['classes[1]', /looks the same as classes\[0\]/],
  ],
  [
    'a network name with a right-to-left override',
    net(['name'], 'my \u202espotter'),
    ['name', /direction-changing character U\+202E/],
  ],
  [
    'a network name with a next-line control (C1)',
    net(['name'], 'my\u0085spotter'),
    ['name', /control character U\+0085/],
  ],
  [
    'a title with a terminal escape',
    lvl(['title'], 'Slash\u001b]0;owned\u0007'),
    ['title', /control character U\+001B \(got "Slash\\x1b\]0;owned\\x07"\)/],
  ],
  [
    'a title with a right-to-left mark',
    lvl(['title'], 'Slash\u200f'),
    ['title', /direction-changing character U\+200F/],
  ],
  [
    'a picture label with a zero-width space',
    lvl(['train', 0, 'label'], '\\\u200b'),
    ['train[0].label', /invisible character U\+200B/],
  ],
  [
    'a hint that turns right to left',
    lvl(['hints', 0], 'One \u202eDense'),
    ['hints[0]', /direction-changing character U\+202E/],
  ],
  [
    'an intro paragraph with a terminal escape',
    lvl(['intro', 0], 'Four\u001b[2J'),
    ['intro[0]', /control character U\+001B/],
  ],
  ['a concept with a bell', lvl(['concept'], 'votes\u0007'), ['concept', /control character U\+0007/]],
  // Keys and headers that carry escapes are shown escaped in the message.
  [
    'an unknown field named with a right-to-left override',
    net(['\u202eevil'], 1),
    ['\\u202eevil', /unknown field "\\u202eevil"/],
  ],
  ['a kind with a one-character CSI', net(['kind'], 'x\u009b31m'), ['kind', /but got "x\\x9b31m"/]],
  // Links carry the same documents and get the same checks.
  [
    'a link to a network with 1e308 weights',
    () => decodeLink(linkOf('net', edited(network(), ['weights', 0, 'bias', 0], 1e308))),
    ['weights[0].bias[0]', /at most 1000000/],
  ],
  [
    'a link whose packed weight scale is 1e308',
    () => decodeLink(hugeScaleLink()),
    ['weights[0].kernel[0]', /at (most|least) -?1000000 but got -?\d\.\d+e\+307/],
  ],
  [
    'a link to a level with a right-to-left title',
    () => decodeLink(linkOf('level', edited(level(), ['title'], '\u202eSlash'))),
    ['title', /direction-changing character U\+202E/],
  ],
  [
    'a link to a network with a zero-width class',
    () => decodeLink(linkOf('net', edited(network(), ['classes'], ['X', '\u200bX']))),
    ['classes[1]', /invisible character U\+200B/],
  ],
  [
    'pasted JSON with an escape in a class',
    () => readSharedText(JSON.stringify(edited(network(), ['classes'], ['\u001b[2J', 'O']))),
    ['classes[0]', /control character U\+001B/],
  ],
  // Version 2's traps and proofs: each one is a network, held to what any network is.
  [
    'a link to a level whose trap idea hides an escape',
    () =>
      decodeLink(
        linkOf('level', {
          ...level(),
          version: 2,
          traps: [{ idea: '\u001b[31mred', layers: [{ type: 'flatten' }] }],
        }),
      ),
    ['traps[0].idea', /control character U\+001B/],
  ],
  [
    'a level whose trap has 1e308 units',
    () =>
      parseLevel({
        ...level(),
        version: 2,
        traps: [{ idea: 'big', layers: [{ type: 'flatten' }, { type: 'dense', units: 1e308 }] }],
      }),
    ['traps[0].layers[1].units', /at most 1024 but got 1e\+308/],
  ],
  [
    'a level whose star proof trains with a batch of 1e9',
    () =>
      parseLevel({
        ...level(),
        version: 2,
        stars: [
          {
            maxSteps: 20,
            proof: {
              layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
              training: { batchSize: 1e9 },
            },
          },
        ],
      }),
    ['stars[0].proof.training.batchSize', /at most 4096 but got 1000000000/],
  ],
  [
    'a level of version 4',
    () => parseLevel({ ...level(), version: 4 }),
    ['version', /newer ConvBlocks \(version 4; this one reads up to 3\)/],
  ],
];

/** A trained network's link with its first packed scale raised to 1e308: unpacked, it overflows. */
function hugeScaleLink(): string {
  const hash = encodeNetworkLink(xVsONetwork({ filters: 2, padding: 'valid', trained: true }), {
    withWeights: true,
  }).hash;
  const json = JSON.parse(
    inflateRawSync(Buffer.from(hash.slice('#net='.length), 'base64url')).toString('utf8'),
  );
  json.weights.scales[0] = [1e308, 0];
  return linkOf('net', json);
}

const opened: [string, () => unknown][] = [
  ['a class of an emoji joined with zero-width joiners', net(['classes'], ['\u{1f469}\u200d\u{1f4bb}', 'O'])],
  ['a class with an emoji variation selector', net(['classes'], ['\u2764\ufe0f', 'O'])],
  ['a title in Hebrew (right to left without overrides)', lvl(['title'], '\u05e9\u05dc\u05d5\u05dd')],
  ['an intro paragraph with a line break and a tab', lvl(['intro', 0], 'Four pixels,\n\ttwo answers.')],
  ['weights of exactly one million', net(['weights', 4, 'kernel', 0], 1e6)],
  [
    'pasted JSON that starts with a byte order mark',
    () => readSharedText(`\ufeff${JSON.stringify(network())}`),
  ],
];

describe('the hostile corpus', () => {
  it.each(refused)('refuses %s, naming the field', (_, read, [field, message]) => {
    const error = refusal(read);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(RAW);
  });

  it.each(opened)('opens %s', (_, read) => {
    expect(read).not.toThrow();
  });
});

describe('describeValue', () => {
  it.each([
    ['\u001b[2J', '"\\x1b[2J"'],
    ['x\u009b', '"x\\x9b"'],
    ['a\u202eb', '"a\\u202eb"'],
    ['\ud800', '"\\ud800"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ['line\nbreak', '"line\\nbreak"'],
  ])('shows %j with its invisible characters escaped', (value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  it('never cuts a long value inside an escape', () => {
    expect(describeValue(`${'a'.repeat(39)}\u202e${'b'.repeat(10)}`)).toBe(`"${'a'.repeat(39)}\\u202e..."`);
  });
});
