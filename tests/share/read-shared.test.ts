import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  encodeLevelLink,
  encodeNetworkLink,
  networkToFile,
  readSharedText,
  SHARE_LIMITS,
} from '../../src/share';
import { levelToDocument, networkToDocument } from '../../src/spec';
import { refusal } from './refusal';
import { xVsOLevel, xVsONetwork } from './samples';

const network = xVsONetwork({ filters: 2, padding: 'valid', trained: false });
const networkJson = () => JSON.stringify(networkToDocument(network));

describe('readSharedText', () => {
  it.each([
    [
      'a full address',
      `https://convblocks.example/${encodeNetworkLink(network, { withWeights: false }).hash}`,
    ],
    ['a #net= hash', encodeNetworkLink(network, { withWeights: false }).hash],
    ['a hash without its #', encodeNetworkLink(network, { withWeights: false }).hash.slice(1)],
    [
      'a link between spaces and line breaks',
      `\n  ${encodeNetworkLink(network, { withWeights: false }).hash} \n`,
    ],
    ['a network file', networkToFile(network).text],
    ['a file starting with a byte order mark', `\uFEFF${networkJson()}`],
  ])('opens a network from %s', (_, text) => {
    expect(readSharedText(text)).toEqual({ kind: 'network', network });
  });

  it.each([
    ['a #level= link', encodeLevelLink(xVsOLevel()).hash],
    ['a level file', JSON.stringify(levelToDocument(xVsOLevel()))],
  ])('opens a level from %s', (_, text) => {
    expect(readSharedText(text)).toEqual({ kind: 'level', level: xVsOLevel() });
  });

  it('opens the link envelope of a trained network pasted as JSON', () => {
    const trained = xVsONetwork({ filters: 2, padding: 'valid', trained: true });
    const hash = encodeNetworkLink(trained, { withWeights: true }).hash;
    const fromLink = readSharedText(hash);
    // The JSON inside the link, read out with Node's own tools, is the envelope itself.
    const envelopeJson = inflateRawSync(Buffer.from(hash.slice(5), 'base64url')).toString('utf8');
    expect(JSON.parse(envelopeJson).kind).toBe('convblocks/link');
    expect(readSharedText(envelopeJson)).toEqual(fromLink);
  });

  it.each([
    ['nothing', '', '', /is empty: paste a ConvBlocks link or open a network or level file/],
    ['only spaces', '   \n\t ', '', /is empty/],
    ['plain words', 'my network', '', /is neither a ConvBlocks link .* nor a network, level or pack file/],
    [
      'an address without a link part',
      'https://convblocks.example/play#top',
      'link',
      /is not a ConvBlocks link/,
    ],
    ['broken JSON', '{"kind": "convblocks/network",', '', /this is not valid JSON/],
    [
      'JSON of an unknown kind',
      '{"kind":"convblocks/pony","version":1}',
      'kind',
      /expected "convblocks\/network", "convblocks\/level" or "convblocks\/pack" but got "convblocks\/pony"/,
    ],
    ['JSON without a kind', '{"version":1}', 'kind', /but got nothing/],
    [
      'a newer network',
      JSON.stringify({ ...networkToDocument(network), version: 2 }),
      'version',
      /made by a newer ConvBlocks/,
    ],
    [
      'a newer level',
      JSON.stringify({ ...levelToDocument(xVsOLevel()), version: 9 }),
      'version',
      /made by a newer ConvBlocks \(version 9/,
    ],
    [
      'a __proto__ key',
      networkJson().replace('"layers":', '"__proto__":{"isAdmin":true},"layers":'),
      '__proto__',
      /the field name __proto__ is not allowed/,
    ],
    [
      'a constructor key deep inside',
      networkJson().replace('"training":{', '"training":{"constructor":{},'),
      'training.constructor',
      /the field name constructor is not allowed/,
    ],
    [
      'a number too big for JSON numbers',
      networkJson().replace('"learningRate":0.01', '"learningRate":1e999'),
      'training.learningRate',
      /expected a number but got Infinity/,
    ],
    [
      'absurdly many units',
      networkJson().replace('"units":2', '"units":99999999'),
      'layers[4].units',
      /99999999/,
    ],
    [
      'nesting far too deep',
      networkJson().replace('"name":"my X spotter"', `"name":${'['.repeat(100)}${']'.repeat(100)}`),
      'name[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]',
      /nested more than 16 levels deep/,
    ],
  ])('refuses %s', (_, text, field, message) => {
    const error = refusal(() => readSharedText(text));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses text longer than any shared document before parsing it', () => {
    const text = `{${' '.repeat(SHARE_LIMITS.textChars)}}`;
    const error = refusal(() => readSharedText(text));
    expect(error.message).toBe(
      `is ${text.length} characters long, more than the ${SHARE_LIMITS.textChars} a shared network or level may have`,
    );
  });

  it('refuses something that is not text with a SpecError', () => {
    const error = refusal(() => readSharedText(42 as unknown as string));
    expect(error.message).toBe('expected text but got number');
  });
});
