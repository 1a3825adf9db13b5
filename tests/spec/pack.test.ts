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

  it('keeps the id packs had before level version 3, whatever versions its levels are written in', () => {
    // Ids computed by ConvBlocks before level version 3: stored packs, the progress kept under
    // them and students' result files must still find their pack.
    expect(parsePack(packDocument()).id).toBe('pack-1q8z83tnzvd');
    const trap = { idea: 'x', layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] };
    const v2 = slashLevelDocument({ version: 2, id: 'v2', traps: [trap] });
    const mixed = parsePack(packDocument({ levels: [slashLevelDocument(), v2] }));
    expect(mixed.id).toBe('pack-1l8rihczmjt');
    // The same pack read from its version-3 document (as it is written today) has the same id.
    expect(parsePack(packToDocument(mixed)).id).toBe(mixed.id);
    expect(packToDocument(mixed).levels).toMatchObject([{ version: 3 }, { version: 3 }]);
  });

  it('reads levels of versions 1, 2 and 3 inside, and refuses a level of version 4, naming its place', () => {
    const v3 = slashLevelDocument({
      version: 3,
      id: 'capped',
      limits: { blocks: ['conv', 'flatten', 'dense'], maxFilterSize: 2 },
    });
    const levels = [slashLevelDocument(), slashLevelDocument({ version: 2, id: 'v2' }), v3];
    const pack = parsePack(packDocument({ levels }));
    expect(pack.levels.map((l) => [l.id, l.version, l.limits.maxFilterSize])).toEqual([
      ['my-slashes', 3, undefined],
      ['v2', 3, undefined],
      ['capped', 3, 2],
    ]);
    // A cap changes the pack, so its id too.
    const uncapped = parsePack(
      packDocument({
        levels: [...levels.slice(0, 2), { ...v3, limits: { blocks: ['conv', 'flatten', 'dense'] } }],
      }),
    );
    expect(uncapped.id).not.toBe(pack.id);
    const newer = refusal(() =>
      parsePack(packDocument({ levels: [slashLevelDocument(), { ...v3, version: 4 }] })),
    );
    expect(newer.field).toBe('levels[1].version');
    expect(newer.message).toMatch(/newer ConvBlocks \(version 4; this one reads up to 3\)/);
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
