import { describe, expect, it } from 'vitest';
import { judge } from '../../src/game/judge';
import { parseLevel } from '../../src/spec';

const level = parseLevel({
  kind: 'convblocks/level',
  version: 1,
  id: 'slash-2x2',
  title: 'Slash',
  input: [2, 2, 1],
  classes: ['\\', '/'],
  train: [{ label: '\\', picture: ['#.', '.#'] }],
  test: [
    { label: '\\', picture: ['##', '.#'] },
    { label: '/', picture: ['..', '#.'] },
    { label: '/', picture: ['.#', '#.'] },
    { label: '\\', picture: ['#.', '.#'] },
  ],
  goal: { testAccuracy: 0.75 },
  stars: [{ maxParams: 10 }, { maxSteps: 20 }],
});

describe('judge', () => {
  it('wins with every star when every rule is met', () => {
    const verdict = judge(level, { predicted: [0, 1, 1, 0], params: 10, steps: 20, layers: 2 });
    expect(verdict).toMatchObject({ accuracy: 1, won: true, stars: 3, wrong: [] });
  });

  it('names the pictures it got wrong and still wins at the goal', () => {
    const verdict = judge(level, { predicted: [1, 1, 1, 0], params: 10, steps: 50, layers: 2 });
    expect(verdict).toMatchObject({ accuracy: 0.75, won: true, stars: 2, wrong: [0] });
    expect(verdict.starRules.map((s) => [s.text, s.met])).toEqual([
      ['at most 10 parameters', true],
      ['within 20 training steps', false],
    ]);
  });

  it('gives no star below the goal', () => {
    const verdict = judge(level, { predicted: [1, 0, 1, 0], params: 4, steps: 2, layers: 2 });
    expect(verdict).toMatchObject({ accuracy: 0.5, won: false, stars: 0, wrong: [0, 1] });
  });
});
