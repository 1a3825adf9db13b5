/**
 * Issue 17, point 1: "Make a copy to edit" gives the copy a fresh id that clashes with no built-in,
 * saved or draft id, and the title "Copy of ...", keeping everything else of the level.
 */
import { describe, expect, it } from 'vitest';
import { MAX } from '../../src/spec';
import { copyOfLevel, levelIdTaken } from '../../src/storage/level-ids';
import { sampleLevel } from './helpers';

describe('a copy of a level to edit', () => {
  it('is "Copy of" the level under <id>-copy when that is free, with the same pictures and rules', () => {
    const level = sampleLevel({ id: 'x-vs-o', title: 'X or O' });
    const copy = copyOfLevel(level, () => false);
    expect(copy.id).toBe('x-vs-o-copy');
    expect(copy.title).toBe('Copy of X or O');
    expect({ ...copy, id: level.id, title: level.title }).toEqual(level);
  });

  it('takes the first free -2, -3, ... when the copy id is taken by a built-in, saved or draft level', () => {
    const level = sampleLevel({ id: 'x-vs-o', title: 'X or O' });
    const taken = new Set(['x-vs-o', 'x-vs-o-copy', 'x-vs-o-copy-2']);
    const copy = copyOfLevel(level, (id) => taken.has(id));
    expect(copy.id).toBe('x-vs-o-copy-3');
    // A copy of the copy is a copy again, never the copy's own id.
    taken.add(copy.id);
    expect(copyOfLevel(copy, (id) => taken.has(id)).id).toBe('x-vs-o-copy-3-copy');
  });

  it('keeps a long id within 64 characters and a long title within the title length', () => {
    const id = `a${'b'.repeat(63)}`;
    const title = 'T'.repeat(MAX.nameLength);
    const copy = copyOfLevel(sampleLevel({ id, title }), (candidate) => candidate.endsWith('-copy'));
    expect(copy.id).toBe(`a${'b'.repeat(54)}-copy-2`);
    expect(copy.id.length).toBeLessThanOrEqual(64);
    expect(copy.title).toBe(`Copy of ${'T'.repeat(MAX.nameLength - 8)}`);
  });
});

describe('which ids a new level or a copy may not take', () => {
  const holder = {
    customLevels: () => [{ level: { id: 'my-bars' } }],
    levelDraft: (key: string) => (key === 'half-done' ? { key } : undefined),
  };
  const builtIn = (id: string) => id === 'x-vs-o';

  it.each([
    ['a built-in level', 'x-vs-o', true],
    ['a saved level', 'my-bars', true],
    ['an unfinished draft', 'half-done', true],
    ['none of them', 'x-vs-o-copy', false],
  ])('%s', (_what, id, taken) => {
    expect(levelIdTaken(holder, builtIn, id)).toBe(taken);
  });
});
