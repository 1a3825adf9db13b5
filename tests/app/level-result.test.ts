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
});
