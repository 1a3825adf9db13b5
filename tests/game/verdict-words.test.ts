import { describe, expect, it } from 'vitest';
import { judge } from '../../src/game/judge';
import { judgingGoal, judgingRule, overfitted, verdictMeaning } from '../../src/game/verdict-words';
import { type LevelSpec, parseLevel } from '../../src/spec';
import { readLevelFile } from '../levels/built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('slash-2x2.json'));
/** Every test picture voted wrong (the other class of two). */
const allWrong = judge(level, {
  predicted: level.test.map((e) => 1 - e.classIndex),
  params: 10,
  steps: 30,
  layers: 2,
});
const allRight = judge(level, {
  predicted: level.test.map((e) => e.classIndex),
  params: 10,
  steps: 30,
  layers: 2,
});

describe('the words of a verdict', () => {
  it('names overfitting on a network that got every training picture right and 0% of the hidden ones', () => {
    const run = { reason: 'learned' as const, step: 30, trainAccuracy: 1 };
    expect(allWrong.accuracy).toBe(0);
    expect(overfitted(allWrong, run)).toBe(true);
    const meaning = verdictMeaning(allWrong, run) ?? '';
    expect(meaning).toMatch(/every training picture right but only 0% of the hidden test pictures/);
    expect(meaning).toMatch(/overfitting/);
    expect(meaning).toMatch(/Why\?/);
  });

  it('says a run out of steps had not learned its training pictures', () => {
    const run = { reason: 'step-limit' as const, step: 2000, trainAccuracy: 0.75 };
    expect(overfitted(allWrong, run)).toBe(false);
    expect(verdictMeaning(allWrong, run)).toMatch(
      /^After 2000 steps, the most this level gives, it still got only 75% of the training pictures right: it had not finished learning/,
    );
  });

  it('adds nothing to a clean win', () => {
    expect(verdictMeaning(allRight, { reason: 'learned', step: 30, trainAccuracy: 1 })).toBeNull();
  });

  it('says the goal in one line', () => {
    expect(judgingGoal(level)).toBe(
      `Goal: 100% of ${level.test.length} pictures it has never seen. How is it judged?`,
    );
  });

  it('tells the rule before training: when training stops, the hidden pictures and the goal', () => {
    expect(judgingRule(level)).toMatch(
      new RegExp(
        `every training picture right.*after \\d+ steps.*${level.test.length} pictures it has never seen.*The goal is 100%`,
      ),
    );
  });
});
