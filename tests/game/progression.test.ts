import { describe, expect, it } from 'vitest';
import {
  entryName,
  type LevelProgress,
  levelAccess,
  mapEntries,
  nextLevelId,
} from '../../src/game/progression';

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

describe('levelAccess', () => {
  const none = () => undefined;

  it('opens the first level to a new player and locks the rest, naming the level that unlocks each', () => {
    expect(levelAccess(levels, none, 'a')).toEqual({ locked: false });
    expect(levelAccess(levels, none, 'b')).toEqual({
      locked: true,
      position: 2,
      unlockedBy: { id: 'a', title: 'First', position: 1 },
    });
    expect(levelAccess(levels, none, 'c')).toMatchObject({ locked: true, unlockedBy: { id: 'b' } });
  });

  it('follows the map: a win opens the next level only, a loss opens nothing', () => {
    const wonFirst = (id: string) => (id === 'a' ? { won: true, stars: 1 } : undefined);
    expect(levelAccess(levels, wonFirst, 'b')).toEqual({ locked: false });
    expect(levelAccess(levels, wonFirst, 'c')).toMatchObject({ locked: true, position: 3 });
    const lostFirst = (id: string) => (id === 'a' ? { won: false, stars: 0 } : undefined);
    expect(levelAccess(levels, lostFirst, 'b')).toMatchObject({ locked: true });
  });

  it('agrees with the map for every level and every run of wins', () => {
    for (let wins = 0; wins <= levels.length; wins++) {
      const progress = (id: string) =>
        levels.findIndex((l) => l.id === id) < wins ? { won: true, stars: 2 } : undefined;
      const states = mapEntries(levels, progress).map((e) => e.state);
      const locked = levels.map((l) => levelAccess(levels, progress, l.id).locked);
      expect(locked).toEqual(states.map((s) => s === 'locked'));
    }
  });

  it("leaves a level off the path open (a level of the player's own or a shared one)", () => {
    expect(levelAccess(levels, none, 'my-own-level')).toEqual({ locked: false });
  });
});
