// @vitest-environment jsdom
/**
 * Issue 17, point 2: the pictures a network got wrong, drawn with their label and its answer, are
 * one piece shared by the player's verdict and the level editor's check.
 */
import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../src/spec';
import { wrongPictures } from '../../src/ui';

const level = parseLevel({
  kind: 'convblocks/level',
  version: 1,
  id: 'bars',
  title: 'Bars',
  concept: 'Bars stand or lie.',
  intro: [],
  input: [3, 3, 1],
  blank: -1,
  classes: ['standing', 'lying'],
  train: [
    { label: 'standing', picture: ['#..', '#..', '#..'] },
    { label: 'lying', picture: ['###', '...', '...'] },
  ],
  test: [
    { label: 'standing', picture: ['..#', '..#', '..#'] },
    { label: 'lying', picture: ['...', '...', '###'] },
  ],
  goal: { testAccuracy: 1 },
  limits: { blocks: ['flatten', 'dense'] },
  stars: [],
  hints: [],
});

describe('the pictures a network got wrong', () => {
  it('shows each with its label and the answer, and how sure when known', () => {
    const [heading, grid] = wrongPictures(level, [1], () => ({ classIndex: 0, probability: 0.734 }));
    expect(heading?.textContent).toBe('Pictures it got wrong (1)');
    expect([...(grid?.querySelectorAll('figcaption') ?? [])].map((f) => f.textContent)).toEqual([
      'a lying, called standing 73%',
    ]);
    const canvas = grid?.querySelector('canvas');
    expect([canvas?.getAttribute('aria-label'), canvas?.width, canvas?.height]).toEqual([
      'a picture of lying',
      3,
      3,
    ]);
  });

  it('says only the class where the player’s verdict has no probability', () => {
    const [, grid] = wrongPictures(level, [0, 1], (i) => ({ classIndex: 1 - i }));
    expect([...(grid?.querySelectorAll('figcaption') ?? [])].map((f) => f.textContent)).toEqual([
      'a standing, called lying',
      'a lying, called standing',
    ]);
  });

  it('is nothing when none is wrong, and skips an index that is not a test picture', () => {
    expect(wrongPictures(level, [], () => ({ classIndex: 0 }))).toEqual([]);
    expect(wrongPictures(level, [7], () => ({ classIndex: 0 }))).toEqual([]);
  });
});
