import { describe, expect, it } from 'vitest';
import { classTableRows, classTables } from '../../src/game/class-table';
import { parsePack, parseResults } from '../../src/spec';
import { outcomeDocument, packDocument, resultsDocument } from '../fixtures/packs';

const packId = parsePack(packDocument()).id;
const lost = { won: false, stars: 0, steps: null, params: null, accuracy: 0.25, network: null };
const results = (student: string, levels: Record<string, unknown>[], id = packId) => ({
  file: `${student}.results.json`,
  results: parseResults(resultsDocument(id, { student, levels })),
});
const ada = results('Ada', [
  outcomeDocument(),
  outcomeDocument({ id: 'more-slashes', title: 'More slashes', ...lost }),
]);
const cy = results('Cy', [
  outcomeDocument({ ...lost }),
  outcomeDocument({ id: 'more-slashes', title: 'More slashes', ...lost }),
]);
const bo = results('Bo', [
  outcomeDocument({ stars: 3, params: 6 }),
  outcomeDocument({ id: 'more-slashes', title: 'More slashes', stars: 1, params: 40 }),
]);

describe('the class table', () => {
  it('has a row per student, by name, and counts who won each level', () => {
    const [table, ...others] = classTables([ada, cy, bo]);
    expect(others).toEqual([]);
    expect(table?.rows.map((r) => [r.student, r.levelsWon, r.stars])).toEqual([
      ['Ada', 1, 2],
      ['Bo', 2, 4],
      ['Cy', 0, 0],
    ]);
    expect(table?.wins).toEqual([2, 1]);
    // The second level was won by fewest: the class got stuck there first.
    expect(table?.stuck).toEqual([1, 0]);
  });

  it('keeps results for different packs in tables of their own', () => {
    const other = results('Di', [outcomeDocument()], 'pack-other');
    expect(classTables([ada, other]).map((t) => [t.packId, t.rows.length])).toEqual([
      [packId, 1],
      ['pack-other', 1],
    ]);
  });

  it('writes the rows of its CSV file: a header, a row per student, the wins per level', () => {
    const [table] = classTables([ada, bo]);
    expect(table && classTableRows(table)).toEqual([
      [
        'student',
        'My slashes: stars',
        'My slashes: parameters',
        'More slashes: stars',
        'More slashes: parameters',
        'levels won',
        'stars',
      ],
      ['Ada', 2, 10, 0, null, 1, 2],
      ['Bo', 3, 6, 1, 40, 2, 4],
      ['students who won it', 2, null, 1, null, null, null],
    ]);
  });
});
