/** The fastest speed's rest after each chunk, which leaves a 2-core machine's page a core now and then. */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/worker/protocol';
import { FASTEST_REST_MS, fastestRestMs, nextChunk, PACES } from '../../src/worker/thread/pace';
import { pacedDriver } from '../../src/worker/thread/run-loop';
import { RunState } from '../../src/worker/thread/run-state';

/** A run whose waits are recorded and cut short, so the test never waits on the clock. */
class RecordedRun extends RunState {
  readonly sleeps: number[] = [];
  override sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    return super.sleep(0);
  }
}

/**
 * Drives a fastest run of `stepMs` steps with `restMs`, judged at each of `judgedAt`; returns the
 * waits between its chunks.
 */
async function sleepsOfRun(
  restMs: number,
  stepMs = 10,
  judgedAt: readonly number[] = [30],
): Promise<number[]> {
  const run = new RecordedRun(false);
  let steps = 0;
  const progress = (): ProgressEvent => ({
    type: 'progress',
    step: steps,
    epoch: steps,
    loss: 1,
    trainAccuracy: 0.5,
    testAccuracy: null,
    examplesPerSecond: 1,
  });
  const driver = pacedDriver({
    run,
    speed: () => 'fastest',
    stepMs: () => stepMs,
    restMs: () => restMs,
    steps: () => steps,
    batchSize: () => 1,
    async trainChunk(count) {
      steps += count;
      return 'trained';
    },
    check: async () => progress(),
    show: () => undefined,
    snapshot: async () => undefined,
    testProbabilities: async () => new Float32Array(),
  });
  for (const step of judgedAt) await driver.advance(step);
  return run.sleeps;
}

describe('the fastest speed on a small machine', () => {
  it('rests after each chunk on at most two cores, and not on more or when unknown', () => {
    expect([1, 2, 4, 16, undefined].map(fastestRestMs)).toEqual([FASTEST_REST_MS, FASTEST_REST_MS, 0, 0, 0]);
  });

  it('keeps the rest only at the fastest speed: the other speeds pause by their pace', () => {
    expect(nextChunk(PACES.fastest, 10, 4)).toEqual({ steps: 3, tickMs: 0, restMs: 4 });
    expect(nextChunk(PACES.normal, 10, 4).restMs).toBe(0);
  });

  it('waits at least the rest between chunks, and not at all without one', async () => {
    const rested = await sleepsOfRun(4);
    expect(rested.length).toBeGreaterThan(0);
    expect(rested.every((ms) => ms >= 4)).toBe(true);
    const unrested = await sleepsOfRun(0);
    expect(unrested.every((ms) => ms <= 0)).toBe(true);
  });

  it('rests once per 30 ms of steps, however often the run is judged', async () => {
    // 6,000 steps of 0.01 ms, judged every tenth: 60 ms of steps, so two rests, not 600.
    const judged = Array.from({ length: 600 }, (_, i) => 10 * (i + 1));
    const sleeps = await sleepsOfRun(4, 0.01, judged);
    expect(sleeps.filter((ms) => ms > 0).length).toBeLessThanOrEqual(2);
    expect(sleeps.filter((ms) => ms > 0).length).toBeGreaterThanOrEqual(1);
  });
});
