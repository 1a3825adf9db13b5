import { describe, expect, it } from 'vitest';
import {
  levelToDocument,
  MAX,
  makePack,
  packLevelId,
  packToDocument,
  parseLevel,
  parsePack,
} from '../../src/spec';
import { slashLevelDocument } from '../fixtures/documents';
import { packDocument } from '../fixtures/packs';
import { refusal } from '../share/refusal';

describe('a pack of levels', () => {
  it('reads back what it writes: the same title, levels in order, and the same id', () => {
    const pack = parsePack(packDocument());
    expect(pack.title).toBe('Slashes for 3B');
    expect(pack.author).toBe('Ms Lovelace');
    expect(pack.levels.map((l) => l.id)).toEqual(['my-slashes', 'more-slashes']);
    const again = parsePack(JSON.parse(JSON.stringify(packToDocument(pack))));
    expect(again).toEqual(pack);
    expect(pack.id).toMatch(/^pack-[a-z0-9]+$/);
  });

  it('names the same pack the same whoever makes it, and a changed pack differently', () => {
    const level = parseLevel(slashLevelDocument());
    const other = parseLevel(slashLevelDocument({ id: 'more-slashes', title: 'More slashes' }));
    const made = makePack('Slashes for 3B', [level, other], 'Ms Lovelace');
    expect(made.id).toBe(parsePack(packDocument()).id);
    expect(makePack('Slashes for 3B', [other, level], 'Ms Lovelace').id).not.toBe(made.id);
    expect(makePack('Slashes for 3C', [level, other], 'Ms Lovelace').id).not.toBe(made.id);
  });

  it('plays each level under an id of its own pack, which is a valid level id', () => {
    const pack = parsePack(packDocument());
    const id = packLevelId(pack.id, 1);
    expect(id).toBe(`${pack.id}-2`);
    expect(parseLevel({ ...levelToDocument(pack.levels[0] as never), id }).id).toBe(id);
  });

  const badLevel = slashLevelDocument({ train: [{ label: 'x', picture: ['#.', '.#'] }] });
  const tooMany = Array.from({ length: MAX.packLevels + 1 }, (_, i) => slashLevelDocument({ id: `l${i}` }));
  const bigLevel = (id: string) =>
    slashLevelDocument({
      id,
      input: [64, 64, 1],
      train: Array.from({ length: 200 }, () => ({ label: '/', picture: ['.'] })),
    });
  it.each([
    ['a newer version', { version: 2 }, 'version', /newer ConvBlocks \(version 2; this one reads up to 1\)/],
    ['an unknown field', { teacher: 'x' }, 'teacher', /is not a field of a pack/],
    ['an empty title', { title: '  ' }, 'title', /expected text of 1 to 80 characters/],
    ['a title with a control character', { title: 'a\u0007b' }, 'title', /U\+0007/],
    ['no levels', { levels: [] }, 'levels', /a list of 1 to 40 levels but got a list of 0/],
    ['too many levels', { levels: tooMany }, 'levels', /a list of 1 to 40 levels but got a list of 41/],
    [
      'levels over the pixel budget together',
      { levels: [bigLevel('a'), bigLevel('b'), bigLevel('c')] },
      'levels',
      /hold 2469888 pixel values together, more than the 2000000 a pack may hold/,
    ],
    ['a bad level', { levels: [slashLevelDocument(), badLevel] }, 'levels[1].train[0].label', /classes/],
    ['a level that is not a level', { levels: [7] }, 'levels[0]', /expected a convblocks\/level document/],
    [
      'two levels with one id',
      { levels: [slashLevelDocument(), slashLevelDocument()] },
      'levels[1].id',
      /"my-slashes" is the id of levels\[0\] too/,
    ],
  ])('refuses %s, naming the field', (_, changes, field, message) => {
    const error = refusal(() => parsePack(packDocument(changes)));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('refuses a document of another kind and a prototype key', () => {
    expect(refusal(() => parsePack({ ...packDocument(), kind: 'convblocks/level' })).field).toBe('kind');
    expect(refusal(() => parsePack(JSON.parse('{"__proto__": {}, "kind": "convblocks/pack"}'))).field).toBe(
      '__proto__',
    );
  });
});
