import { describe, expect, it } from 'vitest';
import { parsePack, parseResults, resultsToDocument } from '../../src/spec';
import { outcomeDocument, packDocument, resultsDocument } from '../fixtures/packs';
import { refusal } from '../share/refusal';

const packId = parsePack(packDocument()).id;

describe('a results file', () => {
  it('reads back what it writes', () => {
    const results = parseResults(resultsDocument(packId));
    expect(results.student).toBe('Ada');
    expect(results.pack).toEqual({ id: packId, title: 'Slashes for 3B' });
    expect(results.levels.map((l) => [l.id, l.won, l.stars, l.params])).toEqual([
      ['my-slashes', true, 2, 10],
      ['more-slashes', false, 0, null],
    ]);
    expect(parseResults(JSON.parse(JSON.stringify(resultsToDocument(results))))).toEqual(results);
  });

  const level = (changes: Record<string, unknown>) => ({ levels: [outcomeDocument(changes)] });
  it.each([
    ['a newer version', { version: 2 }, 'version', /newer ConvBlocks/],
    ['another kind', { kind: 'convblocks/pack' }, 'kind', /expected "convblocks\/results"/],
    ['no student name', { student: ' ' }, 'student', /must not be empty/],
    ['a student name of 81 characters', { student: 'a'.repeat(81) }, 'student', /at most 80/],
    ['an unknown field', { score: 100 }, 'score', /unknown/],
    ['stars over 3', level({ stars: 7 }), 'levels[0].stars', /at most 3 but got 7/],
    ['a win without parameters', level({ params: null }), 'levels[0].params', /missing for a won level/],
    [
      'stars without a win',
      level({ won: false, steps: null, params: null }),
      'levels[0].stars',
      /no stars but got 2/,
    ],
    ['an accuracy over 1', level({ accuracy: 1.5 }), 'levels[0].accuracy', /at most 1/],
    [
      'a network with weights',
      level({ network: { layers: [], training: {}, weights: [] } }),
      'levels[0].network.weights',
      /unknown/,
    ],
    [
      'a network with a made-up layer',
      level({ network: { layers: [{ type: 'lstm' }], training: {} } }),
      'levels[0].network.layers[0].type',
      /lstm/,
    ],
    ['a pack id that is not an id', { pack: { id: '../x', title: 't' } }, 'pack.id', /lowercase/],
    ['a bad time', { exportedAt: 'yesterday' }, 'exportedAt', /yesterday/],
  ])('refuses %s, naming the field', (_, changes, field, message) => {
    const error = refusal(() => parseResults(resultsDocument(packId, changes)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });
});
