/**
 * The level format's version 3: an optional `limits.maxFilterSize`. Versions 1 and 2 keep opening,
 * read as version 3 with no cap; a version-2 file may not carry the new field.
 */
import { describe, expect, it } from 'vitest';
import { levelToDocument, parseLevel } from '../../src/spec';
import { slashLevelDocument } from '../fixtures/documents';
import { refusal } from '../share/refusal';

const conv = (size: number) => ({ type: 'conv', filters: 1, size, stride: 1, padding: 'valid' });
const head = [{ type: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 2 }];

/** A 5x5 level of version 2 using every field the format has, each away from its default. */
function fullV2(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return slashLevelDocument({
    version: 2,
    input: [5, 5, 1],
    blank: 0,
    train: [
      { label: '\\', picture: ['#....', '.#...', '..#..', '...#.', '....#'] },
      { label: '/', picture: ['....#', '...#.', '..#..', '.#...', '#....'] },
    ],
    test: [{ label: '/', picture: ['...##', '..##.', '.##..', '##...', '#....'] }],
    goal: { testAccuracy: 0.75 },
    limits: {
      blocks: ['conv', 'relu', 'flatten', 'dense'],
      maxLayers: 5,
      maxParams: 300,
      maxBlocks: { conv: 2 },
      maxSteps: 200,
    },
    stars: [
      {
        maxParams: 60,
        proof: {
          layers: [conv(3), ...head],
          training: { optimizer: 'adam', learningRate: 0.05, momentum: 0.9, batchSize: 2, seed: 1 },
        },
      },
      { maxLayers: 4, proof: { layers: [conv(2), ...head] } },
    ],
    traps: [{ idea: 'one vote per pixel', layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] }],
    hints: ['A 3x3 filter sees a stroke.'],
    starter: [conv(3)],
    training: { optimizer: 'sgd', learningRate: 0.2, momentum: 0.5, batchSize: 4, seed: 7 },
    reference: {
      layers: [conv(3), ...head],
      training: { optimizer: 'adam', learningRate: 0.1, momentum: 0, batchSize: 2, seed: 3 },
    },
    ...changes,
  });
}

describe('level format version 3', () => {
  it('migrates a version-2 document to version 3, keeping every field', () => {
    const v2 = fullV2();
    const level = parseLevel(v2);
    expect(level.version).toBe(3);
    expect(level.limits.maxFilterSize).toBeUndefined();
    // Written back, the document is the version-2 one with only its version changed.
    expect(levelToDocument(level)).toEqual({ ...v2, version: 3 });
    expect(parseLevel({ ...v2, version: 3 })).toEqual(level);
  });

  it('migrates a version-1 document to version 3 with no cap', () => {
    const level = parseLevel(slashLevelDocument());
    expect(level.version).toBe(3);
    expect(level.limits).toEqual({ blocks: ['flatten', 'dense'], maxLayers: 2 });
  });

  it('reads and writes maxFilterSize in version 3', () => {
    const limits = { ...(fullV2().limits as object), maxFilterSize: 3 };
    const doc = fullV2({ version: 3, limits });
    const level = parseLevel(doc);
    expect(level.limits.maxFilterSize).toBe(3);
    expect(levelToDocument(level)).toEqual(doc);
  });

  it('refuses maxFilterSize in a version-2 document, naming the field', () => {
    const limits = { ...(fullV2().limits as object), maxFilterSize: 3 };
    const error = refusal(() => parseLevel(fullV2({ limits })));
    expect(error.field).toBe('limits.maxFilterSize');
    expect(error.message).toContain('unknown field "maxFilterSize"');
  });

  it('refuses a version-4 document as made by a newer ConvBlocks', () => {
    const error = refusal(() => parseLevel(fullV2({ version: 4 })));
    expect(error.field).toBe('version');
    expect(error.message).toMatch(/newer ConvBlocks \(version 4; this one reads up to 3\)/);
  });

  it.each<[string, unknown, string]>([
    ['0', 0, 'expected a number at least 1 but got 0'],
    ['2.5', 2.5, '2.5'],
    ['17, over the largest filter a Conv may have', 17, 'expected a number at most 16 but got 17'],
    ['a string', '5', '"5"'],
  ])('refuses a maxFilterSize of %s, naming the field and the value', (_, value, message) => {
    const limits = { ...(fullV2().limits as object), maxFilterSize: value };
    const error = refusal(() => parseLevel(fullV2({ version: 3, limits })));
    expect(error.field).toBe('limits.maxFilterSize');
    expect(error.message).toContain(message);
  });

  it("leaves a network over the level's own cap to `convblocks check`: the parser opens it", () => {
    // The reference, a proof, a trap and the starter all use a 3x3 filter, over a cap of 2.
    const limits = { ...(fullV2().limits as object), maxFilterSize: 2 };
    const level = parseLevel(fullV2({ version: 3, limits }));
    expect(level.limits.maxFilterSize).toBe(2);
    expect(level.reference?.layers[0]).toMatchObject({ type: 'conv', size: 3 });
  });
});
