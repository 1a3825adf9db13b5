import { describe, expect, it } from 'vitest';
import { buildLevel } from '../../src/editor/build-level';
import { EDITOR_TRAINING } from '../../src/editor/draft';
import { DEFAULT_WIN_STEPS, hasLearned, runToWin, type WinTrainer } from '../../src/editor/win-run';
import { DEFAULT_MAX_STEPS, hasLearned as engineHasLearned } from '../../src/engine/stopping';
import type { LevelSpec } from '../../src/spec';
import type { ProgressEvent } from '../../src/worker/protocol';
import { smallDraft } from './helpers';

const level = (() => {
  const result = buildLevel(smallDraft(), 'bars-1');
  if ('error' in result) throw result.error;
  return result.level;
})();

/**
 * A trainer that learns the training pictures at `learnedAt` steps and then votes for `answers`
 * on the pictures it is shown, in order.
 */
function fakeTrainer(learnedAt: number, answers: number[]) {
  const calls: string[] = [];
  let step = 0;
  let shown = 0;
  const trainer: WinTrainer = {
    async load(setup) {
      calls.push(`load ${setup.layers.length} layers, ${setup.train.length} train, max ${setup.maxSteps}`);
    },
    async step(steps) {
      calls.push(`step ${steps}`);
      step += steps;
      const learned = step >= learnedAt;
      const event: ProgressEvent = {
        type: 'progress',
        step,
        epoch: 0,
        loss: learned ? 0.05 : 0.5,
        trainAccuracy: learned ? 1 : 0.5,
        testAccuracy: null,
        examplesPerSecond: 0,
      };
      return event;
    },
    async predict() {
      const answer = answers[shown++] ?? 0;
      return { probabilities: answer === 0 ? [0.9, 0.1] : [0.2, 0.8] };
    },
  };
  return { trainer, calls };
}

const layers = [{ type: 'flatten' as const }, { type: 'dense' as const, units: 2 }];

describe('winning a level in the editor', () => {
  it('trains ten steps at a time until learned, as the command line check does', async () => {
    const { trainer, calls } = fakeTrainer(25, [0, 1]);
    const outcome = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect(calls.filter((c) => c.startsWith('step'))).toEqual(['step 10', 'step 10', 'step 10']);
    expect(outcome.steps).toBe(30);
  });

  it('wins when every test picture gets its own class', async () => {
    const { trainer } = fakeTrainer(10, [0, 1]);
    expect(await runToWin(trainer, level, layers, EDITOR_TRAINING)).toEqual({
      steps: 10,
      trainAccuracy: 1,
      testAccuracy: 1,
      won: true,
    });
  });

  it('does not win below the goal', async () => {
    const { trainer } = fakeTrainer(10, [0, 0]);
    const outcome = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect([outcome.testAccuracy, outcome.won]).toEqual([0.5, false]);
  });

  it('stops at the level step limit', async () => {
    const limited: LevelSpec = { ...level, limits: { ...level.limits, maxSteps: 15 } };
    const { trainer, calls } = fakeTrainer(1000, [0, 1]);
    const outcome = await runToWin(trainer, limited, layers, EDITOR_TRAINING);
    expect(calls).toEqual(['load 2 layers, 4 train, max 15', 'step 10', 'step 5']);
    expect(outcome.steps).toBe(15);
  });

  it.each([
    { trainAccuracy: 1, loss: 0.05, learned: true },
    { trainAccuracy: 1, loss: 0.2, learned: false },
    { trainAccuracy: 0.9, loss: 0.01, learned: false },
  ])(
    'counts accuracy $trainAccuracy with loss $loss as learned: $learned, as the engine does',
    ({ trainAccuracy, loss, learned }) => {
      expect([hasLearned({ trainAccuracy, loss }), engineHasLearned(trainAccuracy, loss)]).toEqual([
        learned,
        learned,
      ]);
    },
  );

  it('takes as many steps at most as the engine when the level sets no limit', () => {
    expect(DEFAULT_WIN_STEPS).toBe(DEFAULT_MAX_STEPS);
  });
});
