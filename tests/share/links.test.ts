import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLevelLink, encodeNetworkLink, packingError, SHARE_LIMITS } from '../../src/share';
import { levelToDocument, networkToDocument, parseNetwork } from '../../src/spec';
import { refusal } from './refusal';
import { deeperNetwork, greyLevel, trainedWeights, xVsOLevel, xVsONetwork } from './samples';

/** A link made by hand (Node's zlib and base64url), to craft what our encoder never writes. */
const linkOf = (tag: string, json: string) =>
  `#${tag}=${deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url')}`;

/** The JSON a link carries, read with Node's zlib. */
const jsonIn = (hash: string) =>
  JSON.parse(inflateRawSync(Buffer.from(hash.replace(/^#\w+=/, ''), 'base64url')).toString('utf8'));

const trained = xVsONetwork({ filters: 2, padding: 'valid', trained: true });
const untrained = xVsONetwork({ filters: 2, padding: 'valid', trained: false });
const networkDoc = () => networkToDocument(untrained);
const envelope = () => jsonIn(encodeNetworkLink(trained, { withWeights: true }).hash);

describe('encodeNetworkLink', () => {
  it('writes the plain network document, raw DEFLATE, base64url, after #net=', () => {
    const { hash } = encodeNetworkLink(untrained, { withWeights: false });
    expect(hash).toMatch(/^#net=[A-Za-z0-9_-]+$/);
    expect(jsonIn(hash)).toEqual(JSON.parse(JSON.stringify(networkDoc())));
  });

  it('reports the length of its hash', () => {
    const link = encodeNetworkLink(untrained, { withWeights: false });
    expect(link.length).toBe(link.hash.length);
  });

  it('leaves the weights out when not asked for them', () => {
    expect(jsonIn(encodeNetworkLink(trained, { withWeights: false }).hash).weights).toBeUndefined();
  });

  it('wraps packed weights in a version-1 link envelope around a weightless network document', () => {
    const json = envelope();
    expect(Object.keys(json)).toEqual(['kind', 'version', 'network', 'weights']);
    expect([json.kind, json.version, json.weights.encoding]).toEqual(['convblocks/link', 1, 'int16-max-abs']);
    expect(parseNetwork(json.network)).toEqual({ ...untrained });
  });

  it('writes the plain document when asked for weights that a network does not have', () => {
    expect(jsonIn(encodeNetworkLink(untrained, { withWeights: true }).hash).kind).toBe('convblocks/network');
  });

  it.each([
    [2, 'valid'],
    [4, 'valid'],
    [4, 'same'],
  ] as const)('fits the trained x-vs-o network with %i filters (%s) in a link', (filters, padding) => {
    const link = encodeNetworkLink(xVsONetwork({ filters, padding, trained: true }), { withWeights: true });
    expect(link.length).toBeLessThanOrEqual(SHARE_LIMITS.linkBudget);
    expect(link.fitsInLink).toBe(true);
  });

  it.each([
    ['the x-vs-o network', untrained],
    ['a nine-layer network', deeperNetwork()],
  ])('keeps %s without weights under 600 characters', (_, network) => {
    expect(encodeNetworkLink(network, { withWeights: false }).length).toBeLessThanOrEqual(600);
  });

  it('says when a network with its weights is too long for a link', () => {
    const network = deeperNetwork();
    const big = { ...network, weights: trainedWeights(network.input, network.layers, 5) };
    const link = encodeNetworkLink(big, { withWeights: true });
    expect([link.fitsInLink, link.length > SHARE_LIMITS.linkBudget]).toEqual([false, true]);
  });
});

describe('decodeLink round trips', () => {
  it('brings back a network without weights exactly', () => {
    const decoded = decodeLink(encodeNetworkLink(deeperNetwork(), { withWeights: false }).hash);
    expect(decoded).toEqual({ kind: 'network', network: deeperNetwork() });
  });

  it('brings back a trained network without its weights when they were left out', () => {
    const decoded = decodeLink(encodeNetworkLink(trained, { withWeights: false }).hash);
    expect(decoded).toEqual({ kind: 'network', network: untrained });
  });

  it('brings back everything but the weights of a trained network exactly', () => {
    const decoded = decodeLink(encodeNetworkLink(trained, { withWeights: true }).hash);
    expect(decoded.kind === 'network' && { ...decoded.network, weights: undefined }).toEqual({
      ...trained,
      weights: undefined,
    });
  });

  it('brings back every weight within the documented precision', () => {
    const decoded = decodeLink(encodeNetworkLink(trained, { withWeights: true }).hash);
    const after = decoded.kind === 'network' ? (decoded.network.weights ?? []) : [];
    const before = trained.weights ?? [];
    const errors = before.flatMap((w, i) => {
      const back = after[i];
      if (!w || !back) return [w === back ? 0 : Number.POSITIVE_INFINITY];
      return [w.kernel, w.bias].map((values, t) => {
        const restored = t === 0 ? back.kernel : back.bias;
        const bound = packingError(Math.max(...values.map(Math.abs)));
        return Math.max(...values.map((v, k) => Math.abs(v - (restored[k] ?? Number.NaN)) / bound));
      });
    });
    expect(Math.max(...errors)).toBeLessThanOrEqual(1 + 1e-12);
  });

  it.each([
    ['a level of ink pictures', xVsOLevel()],
    ['a level of grey two-channel pictures', greyLevel()],
  ])('brings back %s exactly', (_, level) => {
    expect(decodeLink(encodeLevelLink(level).hash)).toEqual({ kind: 'level', level });
  });

  it('writes a level link as the plain level document after #level=', () => {
    const level = xVsOLevel();
    expect(jsonIn(encodeLevelLink(level).hash)).toEqual(JSON.parse(JSON.stringify(levelToDocument(level))));
  });

  it('opens a plain network document with full-precision weights exactly', () => {
    const decoded = decodeLink(linkOf('net', JSON.stringify(networkToDocument(trained))));
    expect(decoded).toEqual({ kind: 'network', network: trained });
  });

  it.each([
    ['a full address', (hash: string) => `https://convblocks.example/play/?lang=en${hash}`],
    ['the hash alone', (hash: string) => hash],
    ['the hash without #', (hash: string) => hash.slice(1)],
  ])('reads %s', (_, write) => {
    const hash = encodeNetworkLink(untrained, { withWeights: false }).hash;
    expect(decodeLink(write(hash))).toEqual({ kind: 'network', network: untrained });
  });
});

/** The JSON of a link with packed weights, as the refusal cases edit it. */
interface EnvelopeJson {
  [key: string]: unknown;
  weights: { [key: string]: unknown; scales: unknown[]; data: string };
}

/** A link with packed weights, changed as an object and then, optionally, as JSON text. */
const withWeights = (change: (json: EnvelopeJson) => void, edit = (text: string) => text) => {
  const json: EnvelopeJson = envelope();
  change(json);
  return linkOf('net', edit(JSON.stringify(json)));
};
const validData = encodeNetworkLink(deeperNetwork(), { withWeights: false }).hash.slice(5);
const evenPrefix = validData.slice(0, validData.length - (validData.length % 4) - 40);

describe('decodeLink refusals', () => {
  it.each([
    ['an address with no link part', 'https://convblocks.example/play', 'link', /is not a ConvBlocks link/],
    ['an unknown link tag', '#pony=abcd', 'link', /is not a ConvBlocks link/],
    ['an empty #net=', '#net=', 'link', /has nothing after #net=/],
    ['a character outside base64url', '#net=ab$d', 'link', /the character "\$" at position 3/],
    [
      'a link cut to an impossible length',
      `#net=${validData.slice(0, 4 * 20 + 1)}`,
      'link',
      /cut short \(its length/,
    ],
    ['a link cut short', `#net=${evenPrefix}`, 'link', /cut short \(its data ends too early\)/],
    [
      'corrupt data',
      `#net=${Buffer.from([0xff, 0xee, 0xdd, 0xcc]).toString('base64url')}`,
      'link',
      /is damaged \(its data cannot be unpacked/,
    ],
    [
      'data that is not UTF-8',
      `#net=${deflateRawSync(Buffer.from([0xc3, 0x28])).toString('base64url')}`,
      'link',
      /is not UTF-8 text/,
    ],
    [
      'data that is not JSON',
      linkOf('net', 'hello there'),
      'link',
      /does not unpack to a ConvBlocks document/,
    ],
    [
      'JSON that is not an object',
      linkOf('net', '[]'),
      'link',
      /expected a ConvBlocks network or level \(a JSON object\) but got a list of 0/,
    ],
    [
      'an unknown kind',
      linkOf('net', '{"kind":"convblocks/pony","version":1}'),
      'link',
      /expected "convblocks\/network", "convblocks\/level" or "convblocks\/pack" but got "convblocks\/pony"/,
    ],
    [
      'a level behind #net=',
      linkOf('net', JSON.stringify(levelToDocument(xVsOLevel()))),
      'link',
      /this #net= link holds a level, not a network/,
    ],
    [
      'a network behind #level=',
      linkOf('level', JSON.stringify(networkDoc())),
      'link',
      /this #level= link holds a network, not a level/,
    ],
    [
      'a newer network version',
      linkOf('net', JSON.stringify({ ...networkDoc(), version: 2 })),
      'version',
      /made by a newer ConvBlocks \(version 2/,
    ],
    [
      'a newer level version',
      linkOf('level', JSON.stringify({ ...levelToDocument(xVsOLevel()), version: 4 })),
      'version',
      /made by a newer ConvBlocks \(version 4/,
    ],
    [
      'a __proto__ key in a network',
      linkOf('net', JSON.stringify(networkDoc()).replace('{', '{"__proto__":{"polluted":1},')),
      '__proto__',
      /the field name __proto__ is not allowed/,
    ],
    [
      'absurdly many filters',
      linkOf(
        'net',
        JSON.stringify({
          ...networkDoc(),
          layers: [{ type: 'conv', filters: 1e9, size: 3 }, { type: 'flatten' }, { type: 'dense', units: 2 }],
        }),
      ),
      'layers[0].filters',
      /1000000000/,
    ],
    [
      'an absurd picture size',
      linkOf('net', JSON.stringify({ ...networkDoc(), input: [100000, 9, 1] })),
      'input[0]',
      /100000/,
    ],
    [
      'a newer link envelope',
      withWeights((j) => {
        j.version = 2;
      }),
      'link',
      /made by a newer ConvBlocks \(link version 2; this one reads up to 1\)/,
    ],
    [
      'an envelope version that is not a number',
      withWeights((j) => {
        j.version = 'one';
      }),
      'link',
      /its version should be a whole number from 1 but is "one"/,
    ],
    [
      'a __proto__ key in the envelope',
      withWeights((j) => {
        Object.defineProperty(j, '__proto__', { value: {}, enumerable: true });
      }),
      'link',
      /the link has the field name __proto__, which is not allowed/,
    ],
    [
      'an unknown envelope field',
      withWeights((j) => {
        j.extra = 1;
      }),
      'link',
      /the link has the unknown field "extra"/,
    ],
    [
      'an envelope without its network',
      withWeights((j) => {
        delete j.network;
      }),
      'link',
      /the link is missing its field "network"/,
    ],
    [
      'weights both packed and listed',
      withWeights((j) => {
        j.network = networkToDocument(trained);
      }),
      'link',
      /lists its weights twice/,
    ],
    [
      'an unknown weight encoding',
      withWeights((j) => {
        j.weights.encoding = 'float8';
      }),
      'link',
      /encoding "float8", which this ConvBlocks cannot read/,
    ],
    [
      'weights that are not an object',
      withWeights((j) => {
        (j as Record<string, unknown>).weights = [1, 2];
      }),
      'link',
      /its weights should be a JSON object but is a list of 2/,
    ],
    [
      'too few weight scales',
      withWeights((j) => {
        j.weights.scales.pop();
      }),
      'link',
      /should have 5 scale entries, one per layer, but have a list of 4/,
    ],
    [
      'a negative weight scale',
      withWeights((j) => {
        j.weights.scales[0] = [-1, 0.5];
      }),
      'link',
      /the weight scales of layer 1 \(conv\) should be two numbers from 0 up but are a list of 2/,
    ],
    [
      'a weight scale too big for a number',
      withWeights(
        (j) => {
          j.weights.scales[4] = ['HUGE', 0.5];
        },
        (text) => text.replace('"HUGE"', '1e999'),
      ),
      'link',
      /the weight scales of layer 5 \(dense\)/,
    ],
    [
      'scales for a layer without weights',
      withWeights((j) => {
        j.weights.scales[1] = [1, 1];
      }),
      'link',
      /layer 2 \(relu\) has no weights, so its scales should be null/,
    ],
    [
      'weight data that is not text',
      withWeights((j) => {
        (j.weights as Record<string, unknown>).data = 7;
      }),
      'link',
      /its weight data should be text but is 7/,
    ],
    [
      'weight data cut short',
      withWeights((j) => {
        j.weights.data = j.weights.data.slice(0, 40);
      }),
      'link',
      /its weight data holds 15 numbers but the network needs 86/,
    ],
    [
      'weight data with a bad character',
      withWeights((j) => {
        j.weights.data = `*${j.weights.data.slice(1)}`;
      }),
      'link',
      /the character "\*" at position 1/,
    ],
  ])('refuses %s', (_, link, field, message) => {
    const error = refusal(() => decodeLink(link));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses an over-long link before reading a single character of it', () => {
    const error = refusal(() => decodeLink(`#net=${'$'.repeat(SHARE_LIMITS.linkDataChars + 1)}`));
    expect(error.message).toBe(
      `link: is ${SHARE_LIMITS.linkDataChars + 1} characters long, more than the ${SHARE_LIMITS.linkDataChars} a link may have: share a file instead`,
    );
  });

  it('refuses a decompression bomb of 50 MB of zeros', () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThanOrEqual(SHARE_LIMITS.linkDataChars);
    const error = refusal(() => decodeLink(`#net=${bomb}`));
    expect(error.message).toBe('link: unpacks to more than 16 MiB, far more than any network or level needs');
  });
});
