import { describe, expect, it } from 'vitest';
import { checkDraft, FEW_PICTURES } from '../../src/editor/check';
import { EDITOR_TRAINING, type EditorDraft, updateClass, winFingerprint } from '../../src/editor/draft';
import { grey, smallDraft } from './helpers';

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

function texts(draft: EditorDraft, level: 'problem' | 'warning'): string[] {
  return checkDraft(draft)
    .filter((f) => f.level === level)
    .map((f) => f.text);
}

const bar = grey(['#..', '#..', '#..']);

describe('checking a draft before sharing', () => {
  it('finds only the missing win in a small complete draft', () => {
    expect(texts(smallDraft(), 'problem')).toEqual([
      expect.stringMatching(/^No network has won this level yet/),
    ]);
  });

  it('finds no problem once won', () => {
    expect(texts(won(smallDraft()), 'problem')).toEqual([]);
  });

  it('asks for a title', () => {
    expect(texts({ ...smallDraft(), title: '' }, 'problem')).toContain('The level needs a title.');
  });

  it('finds two classes with one name', () => {
    const draft = updateClass(smallDraft(), 1, (c) => ({ ...c, name: 'standing' }));
    expect(texts(draft, 'problem')).toContain('Classes 1 and 2 are both named "standing".');
  });

  it('finds a class without training pictures', () => {
    const draft = updateClass(smallDraft(), 1, (c) => ({ ...c, train: [] }));
    expect(texts(draft, 'problem')).toContain(
      '"lying" has no training pictures: draw or import at least one.',
    );
  });

  it('finds a level without any test picture', () => {
    let draft = smallDraft();
    for (const i of [0, 1]) draft = updateClass(draft, i, (c) => ({ ...c, test: [] }));
    expect(texts(draft, 'problem')).toContain(
      'There are no test pictures: a level is won on its hidden test pictures.',
    );
  });

  it(`warns about a class with fewer than ${FEW_PICTURES} training pictures`, () => {
    expect(texts(smallDraft(), 'warning')).toContain(
      `"standing" has only 2 training pictures: a network learns better from ${FEW_PICTURES} or more.`,
    );
  });

  it('warns about a test picture identical to a training picture', () => {
    const draft = updateClass(smallDraft(), 0, (c) => ({ ...c, test: [...c.test, bar] }));
    expect(texts(draft, 'warning')).toContain(
      'Test picture 2 of "standing" is the same as training picture 1 of "standing": the test should ask something new.',
    );
  });

  it('warns about classes that cannot be told apart', () => {
    const draft = updateClass(smallDraft(), 1, (c) => ({ ...c, train: [...c.train, bar] }));
    expect(texts(draft, 'warning')).toContain(
      '"standing" and "lying" cannot be told apart: training picture 1 of "standing" is the same picture as training picture 3 of "lying".',
    );
  });

  it('warns about a blank picture', () => {
    const draft = updateClass(smallDraft(), 0, (c) => ({
      ...c,
      train: [...c.train, grey(['...', '...', '...'])],
    }));
    expect(texts(draft, 'warning')).toContain('Training picture 3 of "standing" is blank.');
  });

  it('lists problems before warnings', () => {
    const levels = checkDraft({ ...smallDraft(), title: '' }).map((f) => f.level);
    expect(levels).toEqual([...levels].sort((a, b) => (a === b ? 0 : a === 'problem' ? -1 : 1)));
  });
});
