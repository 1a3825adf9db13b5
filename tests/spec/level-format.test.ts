/**
 * The level format's version 2 (traps, and a proof on each star rule) and the migration of
 * version-1 and version-2 documents, which must keep opening (version 3 in level-format-v3.test.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_VERSIONS,
  levelNetworkTraining,
  levelToDocument,
  levelTraining,
  parseLevel,
  starLimit,
} from '../../src/spec';
import { slashLevelDocument } from '../fixtures/documents';
import { refusal } from '../share/refusal';

const flattenDense = [{ type: 'flatten' }, { type: 'dense', units: 2 }];

/** A version-2 level with a proof on its star and one trap. */
const levelV2 = (changes: Record<string, unknown> = {}) =>
  slashLevelDocument({
    version: 2,
    stars: [
      { maxParams: 10, proof: { layers: flattenDense, training: { learningRate: 0.1, batchSize: 2 } } },
      { maxSteps: 40, proof: { layers: flattenDense } },
    ],
    traps: [
      { idea: 'a single vote for everything', layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] },
    ],
    reference: { layers: flattenDense, training: { learningRate: 0.1 } },
    ...changes,
  });

/** The message a level document is refused with. */
function refusalOf(value: unknown): string {
  return refusal(() => parseLevel(value)).message;
}

describe('level format version 2, read as version 3', () => {
  it('is read as version 3, the version this reader writes', () => {
    expect(DOCUMENT_VERSIONS['convblocks/level']).toBe(3);
    expect(levelToDocument(parseLevel(levelV2())).version).toBe(3);
  });

  it('migrates a version-1 document: the same level, no traps, no proofs', () => {
    const v1 = slashLevelDocument({ reference: { layers: flattenDense, training: { learningRate: 0.1 } } });
    expect(v1.version).toBe(1);
    const level = parseLevel(v1);
    expect(level.version).toBe(3);
    expect(level.traps).toEqual([]);
    expect(level.stars).toEqual([{ maxSteps: 20 }]);
    expect(level.reference?.training.learningRate).toBe(0.1);
    const written = levelToDocument(level);
    expect(written).toMatchObject({ version: 3, traps: [], stars: [{ maxSteps: 20 }] });
    // The migrated document reads back as the same level.
    expect(parseLevel(JSON.parse(JSON.stringify(written)))).toEqual(level);
  });

  it('refuses version-2 fields in a version-1 document', () => {
    expect(refusalOf(slashLevelDocument({ traps: [] }))).toContain('traps: unknown field "traps"');
    expect(
      refusalOf(slashLevelDocument({ stars: [{ maxSteps: 20, proof: { layers: flattenDense } }] })),
    ).toContain('stars[0].proof: unknown field "proof"');
  });

  it('round-trips a version-2 document, leaving an absent training absent', () => {
    const level = parseLevel(levelV2());
    expect(level.traps).toHaveLength(1);
    expect(level.traps[0]?.idea).toBe('a single vote for everything');
    expect(level.traps[0]?.training).toBeUndefined();
    expect(level.stars[0]?.proof?.training?.learningRate).toBe(0.1);
    expect(level.stars[1]?.proof?.training).toBeUndefined();
    const text = JSON.stringify(levelToDocument(level));
    expect(text).not.toContain('"training":null');
    expect(parseLevel(JSON.parse(text))).toEqual(level);
  });

  it("trains a trap or proof with its own settings, else the level's, else the defaults, on the seed asked", () => {
    const level = parseLevel(levelV2({ training: { learningRate: 0.05, seed: 9 } }));
    const proof = level.stars[0]?.proof;
    const trap = level.traps[0];
    if (!proof || !trap) throw new Error('expected a proof and a trap');
    expect(levelNetworkTraining(level, proof).learningRate).toBe(0.1);
    expect(levelNetworkTraining(level, trap)).toMatchObject({ learningRate: 0.05, seed: 9 });
    expect(levelNetworkTraining(level, trap, 4).seed).toBe(4);
    const bare = { ...level, training: undefined };
    expect(levelNetworkTraining(bare, trap)).toMatchObject({ learningRate: 0.01, batchSize: 32, seed: 1 });
  });

  it("starts a player from the reference's settings when the level has none of its own, as the check trains it", () => {
    // The parser once filled an absent `training` with the defaults, so a player trained at 0.01
    // while `convblocks check` proved the reference at 0.1.
    const level = parseLevel(levelV2());
    expect(level.training).toBeUndefined();
    expect(levelTraining(level)).toMatchObject({ learningRate: 0.1, batchSize: 32, seed: 1 });
    expect(levelToDocument(level)).not.toHaveProperty('training');
    const own = parseLevel(levelV2({ training: { learningRate: 0.3 } }));
    expect(levelTraining(own).learningRate).toBe(0.3);
  });

  it('strips a proof from a star rule', () => {
    const level = parseLevel(levelV2());
    expect(level.stars.map(starLimit)).toEqual([{ maxParams: 10 }, { maxSteps: 40 }]);
  });

  it('opens every built-in level as written by the generator, in version 3', () => {
    const ids = JSON.parse(readFileSync('levels/index.json', 'utf8')).levels as string[];
    for (const id of ids) {
      const doc = JSON.parse(readFileSync(`levels/${id}.json`, 'utf8'));
      expect(doc.version, id).toBe(3);
      expect(Array.isArray(doc.traps), id).toBe(true);
      expect(parseLevel(doc).id).toBe(id);
    }
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a trap without an idea', { traps: [{ layers: flattenDense }] }, 'traps[0].idea: is missing'],
    [
      'a trap with an empty idea',
      { traps: [{ idea: '  ', layers: flattenDense }] },
      'traps[0].idea: must not be empty',
    ],
    [
      'a trap idea of 201 characters',
      { traps: [{ idea: 'x'.repeat(201), layers: flattenDense }] },
      'traps[0].idea: may hold at most 200 characters but has 201',
    ],
    [
      'a trap idea with a direction-changing character',
      { traps: [{ idea: 'evil\u202etxt', layers: flattenDense }] },
      'traps[0].idea: contains a direction-changing character U+202E',
    ],
    [
      'a trap with no layers',
      { traps: [{ idea: 'nothing', layers: [] }] },
      'traps[0].layers: needs at least 1 items',
    ],
    [
      'a trap whose last Dense has the wrong units',
      { traps: [{ idea: 'five votes', layers: [{ type: 'flatten' }, { type: 'dense', units: 5 }] }] },
      'traps[0].layers[1]: the last Dense has 5 units',
    ],
    [
      'a trap with an unknown field',
      { traps: [{ idea: 'x', layers: flattenDense, weights: [] }] },
      'traps[0].weights: unknown field "weights"',
    ],
    [
      'a trap with a learning rate of 0',
      { traps: [{ idea: 'x', layers: flattenDense, training: { learningRate: 0 } }] },
      'traps[0].training.learningRate: expected a number more than 0 but got 0',
    ],
    [
      'nine traps',
      { traps: Array.from({ length: 9 }, (_, i) => ({ idea: `idea ${i}`, layers: flattenDense })) },
      'traps: may hold at most 8 items but has 9',
    ],
    ['traps that are not a list', { traps: { idea: 'x' } }, 'traps: expected a list but got'],
    [
      'three star rules',
      { stars: [{ maxSteps: 1 }, { maxSteps: 2 }, { maxSteps: 3 }] },
      'stars: may hold at most 2 items but has 3',
    ],
    [
      'a proof whose filter does not fit the pictures',
      {
        stars: [
          { maxParams: 100, proof: { layers: [{ type: 'conv', filters: 1, size: 5 }, ...flattenDense] } },
        ],
      },
      'stars[0].proof.layers[0]: a 5x5 filter does not fit a 2x2 input',
    ],
    [
      'a proof with an unknown field',
      { stars: [{ maxSteps: 10, proof: { layers: flattenDense, seeds: [1, 2] } }] },
      'stars[0].proof.seeds: unknown field "seeds"',
    ],
    [
      'a proof that is a string',
      { stars: [{ maxSteps: 10, proof: 'trust me' }] },
      'stars[0].proof: expected an object but got "trust me"',
    ],
    [
      'a proof with a seed below 0',
      { stars: [{ maxLayers: 2, proof: { layers: flattenDense, training: { seed: -1 } } }] },
      'stars[0].proof.training.seed: expected a number at least 0 but got -1',
    ],
  ])('refuses %s, naming the field and the value', (_, changes, message) => {
    expect(refusalOf(levelV2(changes))).toContain(message);
  });
});
