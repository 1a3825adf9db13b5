/** The train-until-judged routine checks a run at the steps a star names, whatever the driver's pace. */
import { describe, expect, it } from 'vitest';
import { type CheckPoint, type RunDriver, type TrainingJob, trainUntilJudged } from '../../src/spec';

/** A driver that takes `chunk` steps per advance and has learned its pictures from step `learnedAt`. */
function fakeDriver(
  chunk: number,
  learnedAt: number,
): { driver: RunDriver; asked: number[]; checked: number[] } {
  let step = 0;
  const asked: number[] = [];
  const checked: number[] = [];
  const driver: RunDriver = {
    async advance(maxSteps) {
      asked.push(maxSteps);
      step = Math.min(maxSteps, Math.max(step, step + chunk));
      checked.push(step);
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
  return { driver, asked, checked };
}

const job = (checkAt?: number[]): TrainingJob =>
  ({
    network: { layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }] },
    train: [],
    test: [{ label: 'a', classIndex: 0, pixels: [1] }],
    maxSteps: 300,
    ...(checkAt && { checkAt }),
  }) as unknown as TrainingJob;

describe('trainUntilJudged', () => {
  it("checks at a star's step even when the driver would step past it", async () => {
    const { driver, checked } = fakeDriver(100, 150);
    const outcome = await trainUntilJudged(driver, job([150]));
    expect(checked).toEqual([100, 150]);
    expect(outcome).toMatchObject({ reason: 'learned', step: 150 });
  });

  it('without such a step, a fast driver is judged at its own check', async () => {
    const { driver, checked } = fakeDriver(100, 150);
    const outcome = await trainUntilJudged(driver, job());
    expect(checked).toEqual([100, 200]);
    expect(outcome.step).toBe(200);
  });

  it('goes on to the step limit after the star step, and counts a stop there as the limit', async () => {
    const { driver, asked } = fakeDriver(100, 1000);
    const outcome = await trainUntilJudged(driver, job([150]));
    expect(asked).toEqual([150, 150, 300, 300]);
    expect(outcome).toMatchObject({ reason: 'step-limit', step: 300 });
  });
});
