import { describe, expect, it } from 'vitest';
import { buildLevel } from '../../src/editor/build-level';
import { EDITOR_TRAINING } from '../../src/editor/draft';
import { runToWin, type WinTrainer } from '../../src/editor/win-run';
import { DEFAULT_MAX_STEPS, type LevelSpec } from '../../src/spec';
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
  const trainer: WinTrainer = {
    async load(job) {
      calls.push(`load ${job.network.layers.length} layers, ${job.train.length} train, max ${job.maxSteps}`);
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
    async testProbabilities() {
      calls.push('judge');
      return Float32Array.from(answers.flatMap((answer) => (answer === 0 ? [0.9, 0.1] : [0.2, 0.8])));
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
    const { answers, ...outcome } = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect(outcome).toEqual({
      steps: 10,
      trainAccuracy: 1,
      testAccuracy: 1,
      wrong: [],
      won: true,
      stopped: false,
    });
    expect(answers.map((a) => a.classIndex)).toEqual([0, 1]);
  });

  it('ends unjudged once cancelled, before the next steps', async () => {
    const { trainer, calls } = fakeTrainer(1000, [0, 1]);
    let checks = 0;
    const outcome = await runToWin(
      trainer,
      level,
      layers,
      EDITOR_TRAINING,
      () => checks++,
      () => checks >= 2,
    );
    expect(calls.filter((c) => c.startsWith('step'))).toEqual(['step 10', 'step 10']);
    expect(calls).not.toContain('judge');
    expect(outcome).toMatchObject({ stopped: true, won: false, steps: 20, testAccuracy: 0 });
  });

  it('says what it answered for each test picture, and how sure it was', async () => {
    const { trainer } = fakeTrainer(10, [1, 1]);
    const { answers, wrong } = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect(wrong).toEqual([0]);
    expect(answers.map((a) => a.classIndex)).toEqual([1, 1]);
    // The fake votes [0.2, 0.8] for class 1: the probability of the class voted for, not the first.
    for (const a of answers) expect(a.probability).toBeCloseTo(0.8, 6);
  });

  it('does not win below the goal', async () => {
    const { trainer } = fakeTrainer(10, [0, 0]);
    const outcome = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect([outcome.testAccuracy, outcome.won, outcome.wrong]).toEqual([0.5, false, [1]]);
  });

  it('stops at the level step limit', async () => {
    const limited: LevelSpec = { ...level, limits: { ...level.limits, maxSteps: 15 } };
    const { trainer, calls } = fakeTrainer(1000, [0, 1]);
    const outcome = await runToWin(trainer, limited, layers, EDITOR_TRAINING);
    expect(calls).toEqual(['load 2 layers, 4 train, max 15', 'step 10', 'step 5', 'judge']);
    expect(outcome.steps).toBe(15);
  });

  it('does not judge a network whose loss blew up', async () => {
    const { trainer, calls } = fakeTrainer(1000, [0, 1]);
    const step = trainer.step;
    trainer.step = async (steps) => ({ ...(await step(steps)), diverged: true });
    const outcome = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect([outcome.won, calls.includes('judge')]).toEqual([false, false]);
  });

  it('takes as many steps at most as the game and the command line when the level sets no limit', async () => {
    const { trainer, calls } = fakeTrainer(Number.POSITIVE_INFINITY, [0, 1]);
    const outcome = await runToWin(trainer, level, layers, EDITOR_TRAINING);
    expect(calls[0]).toBe(`load 2 layers, 4 train, max ${DEFAULT_MAX_STEPS}`);
    expect(outcome.steps).toBe(DEFAULT_MAX_STEPS);
  });
});
