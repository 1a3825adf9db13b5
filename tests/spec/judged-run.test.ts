/**
 * The train-until-judged routine decides at which steps a run is judged, whatever its driver's
 * pace: every tenth step, a star's step and the step limit.
 */
import { describe, expect, it } from 'vitest';
import {
  type CheckPoint,
  nextJudgedStep,
  type RunDriver,
  type TrainingJob,
  trainUntilJudged,
} from '../../src/spec';

/**
 * A driver that goes straight to each step it is asked for (from `start`) and has learned its
 * pictures from step `learnedAt`.
 */
function fakeDriver(learnedAt: number, start?: number): { driver: RunDriver; asked: number[] } {
  let step = start ?? 0;
  const asked: number[] = [];
  const driver: RunDriver = {
    ...(start !== undefined && { startStep: start }),
    async advance(untilStep) {
      asked.push(untilStep);
      step = Math.max(step, untilStep);
      const learned = step >= learnedAt;
      const check: CheckPoint = {
        step,
        loss: learned ? 0.01 : 1,
        trainAccuracy: learned ? 1 : 0.5,
        diverged: false,
      };
      return check;
    },
    testProbabilities: async () => new Float32Array([0.9, 0.1]),
  };
  return { driver, asked };
}

const job = (checkAt?: number[], maxSteps = 300): TrainingJob =>
  ({
    network: { layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] },
    train: [],
    test: [{ label: 'a', classIndex: 0, pixels: [1] }],
    maxSteps,
    ...(checkAt && { checkAt }),
  }) as unknown as TrainingJob;

describe('nextJudgedStep', () => {
  it.each([
    [0, undefined, 300, 10],
    [7, undefined, 300, 10],
    [10, undefined, 300, 20],
    [10, [15], 300, 15],
    [15, [15], 300, 20],
    [290, undefined, 295, 295],
    [300, undefined, 300, 300],
  ])('from step %i (stars at %j, limit %i) the next judged step is %i', (from, checkAt, limit, next) => {
    expect(nextJudgedStep({ maxSteps: limit, ...(checkAt && { checkAt }) }, from)).toBe(next);
  });
});

describe('trainUntilJudged', () => {
  it('judges a run learned between two judged steps at the next one, not where it learned', async () => {
    const { driver, asked } = fakeDriver(8);
    const outcome = await trainUntilJudged(driver, job());
    expect(asked).toEqual([10]);
    expect(outcome).toMatchObject({ reason: 'learned', step: 10 });
  });

  it("checks at a star's step between two tenth steps", async () => {
    const { driver, asked } = fakeDriver(12);
    const outcome = await trainUntilJudged(driver, job([15]));
    expect(asked).toEqual([10, 15]);
    expect(outcome).toMatchObject({ reason: 'learned', step: 15 });
  });

  it('goes on to the step limit, and counts a stop there as the limit', async () => {
    const { driver, asked } = fakeDriver(1000);
    const outcome = await trainUntilJudged(driver, job([15], 35));
    expect(asked).toEqual([10, 15, 20, 30, 35]);
    expect(outcome).toMatchObject({ reason: 'step-limit', step: 35 });
  });

  it('a run that goes on from an earlier one is judged from where it stands', async () => {
    const { driver, asked } = fakeDriver(0, 10);
    const outcome = await trainUntilJudged(driver, job());
    expect(asked).toEqual([20]);
    expect(outcome).toMatchObject({ reason: 'learned', step: 20 });
  });
});
