import { describe, expect, it } from 'vitest';
import { buildLevel, draftToDocument, levelToDraft, newLevelId } from '../../src/editor/build-level';
import {
  draftTraining,
  EDITOR_TRAINING,
  type EditorDraft,
  isReady,
  newDraft,
  reshapeDraft,
  winFingerprint,
} from '../../src/editor/draft';
import { setPixel } from '../../src/editor/transforms';
import { type LevelSpec, parseLevel } from '../../src/spec';
import { grey, smallDraft } from './helpers';

function built(draft: EditorDraft, id = 'bars-1'): LevelSpec {
  const result = buildLevel(draft, id);
  if ('error' in result) throw result.error;
  return result.level;
}

function won(draft: EditorDraft): EditorDraft {
  return {
    ...draft,
    reference: {
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
      training: EDITOR_TRAINING,
      testAccuracy: 1,
      fingerprint: winFingerprint(draft),
    },
  };
}

describe('building a level from a draft', () => {
  it('writes pictures as # and . rows, classes taken in turns', () => {
    const doc = draftToDocument(smallDraft(), 'bars-1');
    expect(doc.train).toEqual([
      { label: 'standing', picture: ['#..', '#..', '#..'] },
      { label: 'lying', picture: ['###', '...', '...'] },
      { label: 'standing', picture: ['.#.', '.#.', '.#.'] },
      { label: 'lying', picture: ['...', '###', '...'] },
    ]);
  });

  it('gives ink 1 and blank the level blank', () => {
    const level = built({ ...smallDraft(), blank: 0 });
    expect(level.train[0]?.pixels).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0]);
  });

  it('maps a grey value between blank and ink linearly', () => {
    const draft = smallDraft();
    const first = draft.classes[0]?.train[0];
    if (!first) throw new Error('no picture');
    const half = setPixel(first, 0, 1, [0.5]);
    const level = built({
      ...draft,
      classes: draft.classes.map((c, i) => (i === 0 ? { ...c, train: [half] } : c)),
    });
    expect(level.train[0]?.pixels.slice(0, 3)).toEqual([1, 0, -1]);
  });

  it('writes the limits, goal, stars and hints the rules set', () => {
    const draft = smallDraft();
    const level = built({
      ...draft,
      rules: {
        ...draft.rules,
        blocks: ['conv', 'flatten', 'dense'],
        maxLayers: 4,
        maxFilterSize: 2,
        maxBlocks: { conv: 1, pool: 2 },
        goal: 0.5,
        stars: [{ maxParams: 40 }],
        hints: ['Try a Conv.'],
      },
    });
    expect(level.limits).toEqual({
      blocks: ['conv', 'flatten', 'dense'],
      maxLayers: 4,
      maxBlocks: { conv: 1 },
      maxFilterSize: 2,
    });
    expect(level.goal).toEqual({ testAccuracy: 0.5 });
    expect(level.stars).toEqual([{ maxParams: 40 }]);
    expect(level.hints).toEqual(['Try a Conv.']);
  });

  it('refuses a draft with a class that has no training picture, naming the field', () => {
    const draft = newDraft();
    const result = buildLevel({ ...draft, title: 'Empty' }, 'empty-1');
    expect('error' in result && result.error.message).toMatch(/^train: /);
  });

  it('refuses a draft without a title', () => {
    const result = buildLevel({ ...smallDraft(), title: '  ' }, 'bars-1');
    expect('error' in result && result.error.field).toBe('title');
  });

  it('writes the reference network only while its win is current', () => {
    const ready = won(smallDraft());
    expect(built(ready).reference?.layers).toHaveLength(2);
    const changed = reshapeDraft(ready, 4, 1);
    expect(built(changed).reference).toBeUndefined();
  });

  it('writes a document that parses to the same level again', () => {
    const level = built(won(smallDraft()));
    expect(parseLevel(draftToDocument(levelToDraft(level)))).toEqual(level);
  });

  it('writes the current level version, and keeps the largest filter through a saved level', () => {
    const draft = smallDraft();
    const capped = { ...draft, rules: { ...draft.rules, blocks: ['conv', 'flatten', 'dense'] as const } };
    expect(draftToDocument(capped).version).toBe(3);
    const level = built({ ...capped, rules: { ...capped.rules, maxFilterSize: 3 } });
    expect(levelToDraft(level).rules.maxFilterSize).toBe(3);
    expect(levelToDraft(built(capped)).rules.maxFilterSize).toBeUndefined();
  });
});

describe('reading a saved level back into a draft', () => {
  it('groups the pictures by class in their order', () => {
    const draft = levelToDraft(built(smallDraft()));
    expect(draft.classes.map((c) => [c.name, c.train.length, c.test.length])).toEqual([
      ['standing', 2, 1],
      ['lying', 2, 1],
    ]);
    expect(draft.classes[1]?.train[1]).toEqual(grey(['...', '###', '...']));
  });

  it('keeps a saved level with a reference ready', () => {
    expect(isReady(levelToDraft(built(won(smallDraft()))))).toBe(true);
  });

  it('trains a copy with the settings its reference was proved with, a new level with the defaults', () => {
    const level = built(won(smallDraft()));
    const reference = level.reference;
    if (!reference) throw new Error('the won draft has a reference');
    const own = { ...EDITOR_TRAINING, learningRate: 0.02, batchSize: 128 };
    expect(draftTraining(levelToDraft({ ...level, reference: { ...reference, training: own } }))).toEqual(
      own,
    );
    expect(draftTraining(newDraft())).toEqual(EDITOR_TRAINING);
  });

  it('refuses a level whose pictures are not square', () => {
    const level = { ...built(smallDraft()), input: [3, 4, 1] as const };
    expect(() => levelToDraft(level)).toThrow(
      'input: the pictures are 3x4; the level editor makes square pictures only',
    );
  });

  it('refuses a level with 2 channels', () => {
    const level = { ...built(smallDraft()), input: [3, 3, 2] as const };
    expect(() => levelToDraft(level)).toThrow(/2 channels/);
  });
});

describe('new level ids', () => {
  const now = new Date(Date.UTC(2026, 0, 1));
  const time = now.getTime().toString(36);

  it.each([
    { title: 'X or O?', id: `x-or-o-${time}` },
    { title: 'Ça va, élève', id: `ca-va-eleve-${time}` },
    { title: '猫', id: `level-${time}` },
  ])('makes "$id" from "$title"', ({ title, id }) => {
    expect(newLevelId(title, now, () => false)).toBe(id);
  });

  it('passes the format of level ids', () => {
    expect(newLevelId('A'.repeat(80), now, () => false)).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it('never returns an id already taken', () => {
    const taken = new Set([`x-${time}`, `x-${time}-2`]);
    expect(newLevelId('x', now, (id) => taken.has(id))).toBe(`x-${time}-3`);
  });
});
