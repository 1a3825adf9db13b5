import { describe, expect, it } from 'vitest';
import {
  addClass,
  CLASS_COUNT,
  EDITOR_TRAINING,
  type EditorDraft,
  isReady,
  newDraft,
  removeClass,
  reshapeDraft,
  winFingerprint,
} from '../../src/editor/draft';
import { smallDraft } from './helpers';

function won(draft: EditorDraft): EditorDraft {
  return {
    ...draft,
    reference: {
      layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
      training: EDITOR_TRAINING,
      fingerprint: winFingerprint(draft),
    },
  };
}

describe('the draft', () => {
  it('starts with two classes of 5x5 grey pictures', () => {
    const draft = newDraft();
    expect([draft.classes.length, draft.side, draft.channels]).toEqual([2, 5, 1]);
  });

  it('adds classes up to the most a level may have', () => {
    let draft = newDraft();
    for (let i = 0; i < 12; i++) draft = addClass(draft);
    expect(draft.classes).toHaveLength(CLASS_COUNT.max);
    expect(new Set(draft.classes.map((c) => c.name)).size).toBe(CLASS_COUNT.max);
  });

  it('keeps at least two classes', () => {
    const draft = newDraft();
    expect(removeClass(draft, 0)).toBe(draft);
  });

  it('reshapes every picture with the size', () => {
    const draft = reshapeDraft(smallDraft(), 5, 1);
    expect(draft.classes.flatMap((c) => [...c.train, ...c.test]).every((p) => p.side === 5)).toBe(true);
  });
});

describe('readiness', () => {
  it('is not ready before a network has won it', () => {
    expect(isReady(smallDraft())).toBe(false);
  });

  it('is ready once won', () => {
    expect(isReady(won(smallDraft()))).toBe(true);
  });

  it.each<[string, (d: EditorDraft) => EditorDraft]>([
    ['the title', (d) => ({ ...d, title: 'Other' })],
    ['the intro', (d) => ({ ...d, intro: ['New words.'] })],
    ['the hints', (d) => ({ ...d, rules: { ...d.rules, hints: ['Think.'] } })],
    ['the stars', (d) => ({ ...d, rules: { ...d.rules, stars: [{ maxSteps: 9 }] } })],
    ['the starter', (d) => ({ ...d, rules: { ...d.rules, starter: [{ type: 'flatten' }] } })],
  ])('stays ready when %s changes', (_, change) => {
    expect(isReady(change(won(smallDraft())))).toBe(true);
  });

  it.each<[string, (d: EditorDraft) => EditorDraft]>([
    [
      'a picture',
      (d) => ({ ...d, classes: d.classes.map((c, i) => (i === 0 ? { ...c, train: c.train.slice(1) } : c)) }),
    ],
    [
      'a class name',
      (d) => ({ ...d, classes: d.classes.map((c, i) => (i === 0 ? { ...c, name: 'up' } : c)) }),
    ],
    ['the goal', (d) => ({ ...d, rules: { ...d.rules, goal: 0.9 } })],
    ['the limits', (d) => ({ ...d, rules: { ...d.rules, maxLayers: 1 } })],
    ['the largest filter', (d) => ({ ...d, rules: { ...d.rules, maxFilterSize: 2 } })],
    ['the blank', (d) => ({ ...d, blank: 0 })],
    ['the colour', (d) => reshapeDraft(d, d.side, 3)],
  ])('is no longer ready when %s changes', (_, change) => {
    expect(isReady(change(won(smallDraft())))).toBe(false);
  });
});
