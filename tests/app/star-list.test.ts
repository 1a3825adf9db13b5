// @vitest-environment jsdom
/** Every star and what earns it, before training; and after a run, each star earned or missed and why. */
import { describe, expect, it } from 'vitest';
import { resultPanel, starOutcomeText } from '../../src/app/level-result';
import { starList } from '../../src/app/star-list';
import { judge } from '../../src/game/judge';
import { parseLevel } from '../../src/spec';

const level = parseLevel({
  kind: 'convblocks/level',
  version: 2,
  id: 'tiny',
  title: 'Tiny',
  input: [2, 2, 1],
  classes: ['\\', '/'],
  train: [{ label: '\\', picture: ['#.', '.#'] }],
  test: [
    { label: '\\', picture: ['##', '.#'] },
    { label: '/', picture: ['..', '#.'] },
  ],
  goal: { testAccuracy: 0.9 },
  stars: [{ maxParams: 100 }, { maxSteps: 150 }],
  traps: [],
});

const items = (element: HTMLElement, selector: string) =>
  [...element.querySelectorAll(selector)].map((li) => (li.textContent ?? '').trim());

describe('the stars before training', () => {
  it('lists the goal and each rule in plain words', () => {
    expect(items(starList(level), 'li')).toEqual([
      '★ reach the goal: 90% of the hidden test pictures right',
      '★ at most 100 parameters, and reach the goal',
      '★ within 150 training steps, and reach the goal',
    ]);
    expect(starList(level).getAttribute('aria-label')).toBe('3 stars to earn');
  });

  it('says each rule in a few words beside the blocks, where the goal has its own line', () => {
    expect(items(starList(level, true), 'li')).toEqual([
      '★ reach the goal',
      '★ at most 100 parameters',
      '★ within 150 training steps',
    ]);
  });

  it('names a rule of blocks in words too', () => {
    const one = { ...level, stars: [{ maxLayers: 1 }] };
    expect(items(starList(one), 'li')[1]).toBe('★ at most 1 block, and reach the goal');
  });
});

describe('the stars in the verdict', () => {
  it('says which stars were earned and which were missed and why', () => {
    const judgement = judge(level, { predicted: [0, 1], params: 130, steps: 90, layers: 2 });
    expect(judgement.stars).toBe(2);
    const panel = resultPanel(level, judgement, [0, 1], { backToMap: () => undefined });
    expect(items(panel, '.star-rules li')).toEqual([
      '✓ earned: reach the goal of 90%',
      '✗ missed: at most 100 parameters (it has 130 parameters)',
      '✓ earned: within 150 training steps',
    ]);
  });

  it('after a loss, says every star needs the goal', () => {
    const judgement = judge(level, { predicted: [1, 0], params: 10, steps: 90, layers: 2 });
    expect(judgement.starRules.map((s) => starOutcomeText(s, judgement.won))).toEqual([
      '✗ missed: at most 100 parameters (it did not reach the goal, which every star needs)',
      '✗ missed: within 150 training steps (it did not reach the goal, which every star needs)',
    ]);
  });
});
