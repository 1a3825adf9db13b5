import { describe, expect, it } from 'vitest';
import { entryName, type LevelProgress, mapEntries, nextLevelId } from '../../src/game/progression';

const levels = [
  { id: 'a', title: 'First' },
  { id: 'b', title: 'Second' },
  { id: 'c', title: 'Third' },
];

describe('mapEntries', () => {
  it.each<[string, Record<string, LevelProgress>, string[]]>([
    ['a new player', {}, ['open', 'locked', 'locked']],
    ['after winning the first', { a: { won: true, stars: 2 } }, ['won', 'open', 'locked']],
    ['a lost attempt unlocks nothing', { a: { won: false, stars: 0 } }, ['open', 'locked', 'locked']],
    ['after winning two', { a: { won: true, stars: 1 }, b: { won: true, stars: 3 } }, ['won', 'won', 'open']],
  ])('%s', (_, progress, states) => {
    expect(mapEntries(levels, (id) => progress[id]).map((e) => e.state)).toEqual(states);
  });

  it('shows stars only for won levels', () => {
    const entries = mapEntries(levels, (id) =>
      id === 'a' ? { won: true, stars: 2 } : { won: false, stars: 3 },
    );
    expect(entries.map((e) => e.stars)).toEqual([2, 0, 0]);
  });
});

describe('entryName', () => {
  it.each([
    [{ id: 'a', title: 'X or O?', state: 'locked', stars: 0 } as const, 'Level 6: X or O?, locked'],
    [{ id: 'a', title: 'X or O?', state: 'open', stars: 0 } as const, 'Level 6: X or O?, not won yet'],
    [
      { id: 'a', title: 'X or O?', state: 'won', stars: 2 } as const,
      'Level 6: X or O?, won with 2 of 3 stars',
    ],
  ])('names %o', (entry, name) => {
    expect(entryName(entry, 6)).toBe(name);
  });
});

describe('nextLevelId', () => {
  it('gives the next level, or nothing after the last', () => {
    expect(nextLevelId(['a', 'b'], 'a')).toBe('b');
    expect(nextLevelId(['a', 'b'], 'b')).toBeUndefined();
    expect(nextLevelId(['a', 'b'], 'zzz')).toBeUndefined();
  });
});
