// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focusNextStep, resultPanel } from '../../src/app/level-result';
import { judge } from '../../src/game/judge';
import { verdictMeaning } from '../../src/game/verdict-words';
import { type LevelSpec, parseLevel } from '../../src/spec';
import { readLevelFile } from '../levels/built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('slash-2x2.json'));

describe('the verdict panel', () => {
  it('shows a 0% verdict after a learned run with overfitting named, the wrong pictures and a Why? for each', () => {
    const predicted = level.test.map((e) => 1 - e.classIndex);
    const judgement = judge(level, { predicted, params: 10, steps: 30, layers: 2 });
    const asked: number[] = [];
    const panel = resultPanel(
      level,
      judgement,
      predicted,
      { backToMap: () => undefined, why: (i) => asked.push(i) },
      verdictMeaning(judgement, { reason: 'learned', step: 30, trainAccuracy: 1 }),
    );
    const text = panel.textContent ?? '';
    expect(text).toMatch(/0% of the hidden test pictures/);
    expect(panel.querySelector('.verdict-meaning')?.textContent).toMatch(/overfitting/);
    const figures = [...panel.querySelectorAll('figure')];
    expect(figures.map((f) => f.querySelector('figcaption')?.textContent)).toEqual(
      level.test.map((e, i) => `a ${e.label}, called ${level.classes[predicted[i] ?? 0]}`),
    );
    const whys = [...panel.querySelectorAll('button')].filter((b) => b.textContent === 'Why?');
    expect(whys).toHaveLength(level.test.length);
    whys[1]?.click();
    expect(asked).toEqual([1]);
  });

  it('puts the keyboard on Next level after a win, and leaves focus alone after a loss', () => {
    const right = level.test.map((e) => e.classIndex);
    const wrong = level.test.map((e) => 1 - e.classIndex);
    for (const [predicted, focused] of [
      [right, 'Next level'],
      [wrong, null],
    ] as const) {
      const judgement = judge(level, { predicted, params: 10, steps: 30, layers: 2 });
      const host = document.createElement('div');
      document.body.replaceChildren(host);
      host.append(
        resultPanel(level, judgement, predicted, { nextLevel: () => undefined, backToMap: () => undefined }),
      );
      focusNextStep(host);
      expect(document.activeElement === document.body ? null : document.activeElement?.textContent).toBe(
        focused,
      );
    }
  });

  it('celebrates a fresh win with filling stars and a burst no one can focus, and not a loss or a win shown again', () => {
    const right = level.test.map((e) => e.classIndex);
    const won = judge(level, { predicted: right, params: 10, steps: 30, layers: 2 });
    const actions = { nextLevel: () => undefined, backToMap: () => undefined };
    const fresh = resultPanel(level, won, right, actions);
    expect(fresh.classList.contains('celebrate')).toBe(true);
    const burst = fresh.querySelector('.win-burst');
    expect(burst?.getAttribute('aria-hidden')).toBe('true');
    expect(burst?.querySelectorAll('button, a, [tabindex]')).toHaveLength(0);
    const stars = fresh.querySelector('.stars');
    expect(stars?.getAttribute('role')).toBe('img');
    expect(stars?.getAttribute('aria-label')).toBe(`${won.stars} of 3 stars`);
    expect(stars?.querySelectorAll('.star.earned')).toHaveLength(won.stars);

    const again = resultPanel(level, won, right, actions, null, false);
    expect(again.classList.contains('celebrate')).toBe(false);
    expect(again.querySelector('.win-burst')).toBeNull();
    expect(again.querySelector('.stars')?.getAttribute('aria-label')).toBe(`${won.stars} of 3 stars`);

    const wrong = level.test.map((e) => 1 - e.classIndex);
    const lost = resultPanel(
      level,
      judge(level, { predicted: wrong, params: 10, steps: 30, layers: 2 }),
      wrong,
      actions,
    );
    expect(lost.classList.contains('celebrate')).toBe(false);
    expect(lost.querySelector('.win-burst')).toBeNull();
  });
});
