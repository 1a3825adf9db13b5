import { describe, expect, it } from 'vitest';
import { inferShapes, type LayerSpec, type LevelSpec, parseLevel } from '../../src/spec';
import { seedImages } from '../fixtures';
import { indexIds, levelFileNames, type RawLevel, readLevelFile } from './built-in-levels';

const names = levelFileNames();
const raw = new Map(names.map((name) => [name, readLevelFile(name) as RawLevel]));
const parsed = new Map(names.map((name) => [name, parseLevel(readLevelFile(name))]));
const levels = [...parsed.values()];
const byId = (id: string): LevelSpec => {
  const level = levels.find((l) => l.id === id);
  if (!level) throw new Error(`no level ${id}`);
  return level;
};
const rawById = (id: string): RawLevel => {
  const level = [...raw.values()].find((l) => l.id === id);
  if (!level) throw new Error(`no level ${id}`);
  return level;
};
const key = (rows: readonly unknown[]) => JSON.stringify(rows);

describe('the level index', () => {
  it('is a version-1 convblocks/level-index document', () => {
    expect(readLevelFile('index.json')).toMatchObject({ kind: 'convblocks/level-index', version: 1 });
  });

  it('lists every level file exactly once', () => {
    expect([...indexIds()].sort()).toEqual(names.map((name) => name.replace(/\.json$/, '')).sort());
  });

  it('names each file by the id inside it', () => {
    for (const [name, level] of parsed) expect(`${level.id}.json`).toBe(name);
  });

  it('has at least twelve levels', () => {
    expect(indexIds().length).toBeGreaterThanOrEqual(12);
  });

  it('starts with the 2x2 slashes and orders the required levels as the course does', () => {
    const ids = indexIds();
    expect(ids[0]).toBe('slash-2x2');
    expect(ids.indexOf('slash-2x2')).toBeLessThan(ids.indexOf('x-vs-o'));
    expect(ids.indexOf('x-vs-o')).toBeLessThan(ids.indexOf('happy-face'));
  });
});

describe.each(names)('level file %s', (name) => {
  const level = parsed.get(name) as LevelSpec;
  const doc = raw.get(name) as RawLevel;

  it('parses as a level', () => {
    expect(() => parseLevel(readLevelFile(name))).not.toThrow();
  });

  it('has a title, a one-sentence concept, 2 to 4 intro paragraphs and 2 or 3 hints', () => {
    expect(level.title.length).toBeGreaterThan(0);
    expect(level.concept).toMatch(/^[^.]+[.!?]$/);
    expect(level.intro.length).toBeGreaterThanOrEqual(2);
    expect(level.intro.length).toBeLessThanOrEqual(4);
    expect(level.hints.length).toBeGreaterThanOrEqual(2);
    expect(level.hints.length).toBeLessThanOrEqual(3);
  });

  it('keeps its training set small enough to train in a moment', () => {
    expect(level.train.length).toBeGreaterThanOrEqual(6);
    expect(level.train.length).toBeLessThanOrEqual(200);
  });

  it('hides at least 8 test pictures, of every class, so that one lucky guess cannot swing the verdict', () => {
    expect(level.test.length).toBeGreaterThanOrEqual(8);
    const seen = new Set(level.test.map((example) => example.label));
    expect([...seen].sort()).toEqual([...level.classes].sort());
  });

  it('has training pictures of every class', () => {
    const seen = new Set(level.train.map((example) => example.label));
    expect([...seen].sort()).toEqual([...level.classes].sort());
  });

  it('has no test picture that is also a training picture', () => {
    const trained = new Set(level.train.map((example) => key(example.pixels)));
    const repeats = level.test.filter((example) => trained.has(key(example.pixels)));
    expect(repeats).toEqual([]);
  });

  it('has no picture twice in its training set', () => {
    const pictures = level.train.map((example) => key(example.pixels));
    expect(new Set(pictures).size).toBe(pictures.length);
  });

  it('writes every #/. picture with the declared height and width', () => {
    const [height, width] = doc.input;
    for (const example of [...doc.train, ...doc.test]) {
      const rows = example.picture.filter((row): row is string => typeof row === 'string');
      if (rows.length === 0) continue;
      expect(rows.length).toBe(height);
      for (const row of rows) expect(row).toMatch(new RegExp(`^[#.]{${width}}$`));
    }
  });

  it('has a reference network', () => {
    expect(level.reference).toBeDefined();
  });

  it.each(['reference', 'starter'] as const)('builds its %s only from the blocks it offers', (which) => {
    const layers: readonly LayerSpec[] =
      (which === 'reference' ? level.reference?.layers : level.starter) ?? [];
    const offered = new Set(level.limits.blocks);
    expect(layers.filter((layer) => !offered.has(layer.type))).toEqual([]);
  });

  it('keeps its reference within the layer, block, filter size and parameter limits', () => {
    const layers = level.reference?.layers ?? [];
    const { limits } = level;
    if (limits.maxLayers !== undefined) expect(layers.length).toBeLessThanOrEqual(limits.maxLayers);
    const report = inferShapes(level.input, layers);
    expect(report.errorAt).toBe(-1);
    if (limits.maxParams !== undefined) expect(report.totalParams).toBeLessThanOrEqual(limits.maxParams);
    for (const [type, most] of Object.entries(limits.maxBlocks ?? {})) {
      expect(layers.filter((layer) => layer.type === type).length).toBeLessThanOrEqual(most ?? 0);
    }
    const sides = layers.map((layer) => (layer.type === 'conv' ? layer.size : 0));
    if (limits.maxFilterSize !== undefined)
      expect(Math.max(0, ...sides)).toBeLessThanOrEqual(limits.maxFilterSize);
  });

  it('ends its reference with one vote per class', () => {
    expect(level.reference?.layers.at(-1)).toEqual({ type: 'dense', units: level.classes.length });
  });
});

describe('the required levels', () => {
  it.each([
    ['slash-2x2', [2, 2, 1], -1],
    ['x-vs-o', [9, 9, 1], -1],
    ['happy-face', [7, 7, 1], 0],
  ] as const)('%s has input %j and blank %d', (id, input, blank) => {
    const level = byId(id);
    expect(level.input).toEqual(input);
    expect(level.blank).toBe(blank);
  });

  it('slash-2x2 tests the poorly drawn backslash and the incomplete slash', () => {
    const tests = rawById('slash-2x2').test.map((example) => [example.label, key(example.picture)]);
    expect(tests).toContainEqual(['\\', key(['##', '.#'])]);
    expect(tests).toContainEqual(['/', key(['..', '#.'])]);
  });

  it('slash-2x2 is won with Flatten and Dense alone', () => {
    const level = byId('slash-2x2');
    expect(level.limits.blocks).toEqual(['flatten', 'dense']);
    expect(level.reference?.layers.map((layer) => layer.type)).toEqual(['flatten', 'dense']);
  });

  it('x-vs-o trains on the course X and O and tests the deformed X', () => {
    const level = rawById('x-vs-o');
    const train = level.train.map((example) => [example.label, key(example.picture)]);
    expect(train).toContainEqual(['X', key(seedImages.x)]);
    expect(train).toContainEqual(['O', key(seedImages.o)]);
    const test = level.test.map((example) => [example.label, key(example.picture)]);
    expect(test).toContainEqual(['X', key(seedImages['x-deformed'])]);
  });

  it('happy-face uses the course face and tests faces moved away from the middle', () => {
    const level = rawById('happy-face');
    const all = [...level.train, ...level.test].map((example) => [example.label, key(example.picture)]);
    expect(all).toContainEqual(['happy', key(seedImages['happy-face'])]);
    const moved = level.test.filter((example) => key(example.picture) !== key(seedImages['happy-face']));
    expect(moved.length).toBeGreaterThan(0);
  });
});

describe('the path of ideas', () => {
  it('offers at most two new kinds of block per level', () => {
    const offered = new Set<string>();
    const news = indexIds().map((id) => {
      const fresh = byId(id).limits.blocks.filter((type) => !offered.has(type));
      for (const type of fresh) offered.add(type);
      return [id, fresh.length] as const;
    });
    expect(news.filter(([, count]) => count > 2)).toEqual([]);
  });

  it.each(['conv', 'relu', 'pool', 'flatten', 'dense'] as const)('offers the %s block somewhere', (block) => {
    expect(levels.some((level) => level.limits.blocks.includes(block))).toBe(true);
  });

  it('has a level with more than two classes', () => {
    expect(levels.some((level) => level.classes.length > 2)).toBe(true);
  });

  it('has a level whose budget of parameters is part of the limits', () => {
    expect(levels.some((level) => level.limits.maxParams !== undefined)).toBe(true);
  });

  it('has a reference that stacks two conv layers', () => {
    const stacked = levels.filter(
      (level) => (level.reference?.layers ?? []).filter((layer) => layer.type === 'conv').length >= 2,
    );
    expect(stacked.length).toBeGreaterThan(0);
  });

  it('has a reference that uses a stride or "same" padding in a conv layer', () => {
    const uses = levels.some((level) =>
      (level.reference?.layers ?? []).some(
        (layer) => layer.type === 'conv' && (layer.stride > 1 || layer.padding === 'same'),
      ),
    );
    expect(uses).toBe(true);
  });
});
