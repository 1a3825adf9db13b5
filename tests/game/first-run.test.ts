/**
 * A new player's first run and `convblocks check` train the same job and stop at the same step, so
 * the verdict the player sees is the one the check proved: the game's training session on the
 * worker's paced trainer (at the default speed and at the fastest) against the check's own run of
 * the same network on the same seed. Until the judged steps were the routine's, the game stopped at
 * the first step its pictures were learned (it looks every step at the default speed; at the
 * fastest, whenever 100 ms had passed) and the check every tenth: on slash-2x2 with ten hidden
 * pictures and a rate of 0.1, seed 1 stopped at step 8 in the game with 80% of them right, and at
 * step 10 in the check with all of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runOnSeed } from '../../src/cli/check-runs';
import type { CheckedNetwork } from '../../src/cli/level-check';
import { type ResultRecord, TrainingSession, type Verdict } from '../../src/game/training-session';
import {
  DEFAULT_SPEED,
  inferShapes,
  type LayerSpec,
  type LevelSpec,
  levelNetwork,
  levelTraining,
  parseLevel,
  reachesGoal,
  type Speed,
} from '../../src/spec';
import { Trainer } from '../../src/worker/thread/trainer';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { readLevelFile } from '../levels/built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('slash-2x2.json'));

/** The network of a new player: the level's starter and the one Dense block `winSlash` drags in. */
const firstLayers: LayerSpec[] = [...(level.starter ?? []), { type: 'dense', units: 2 }];

const trainers: Trainer[] = [];
afterEach(async () => {
  for (const trainer of trainers.splice(0)) await trainer.dispose();
});

/** Plays the level's first run as the play screen does, on the plain path the game starts small networks on. */
async function gameFirstRun(seed: number, speed: Speed): Promise<{ verdict: Verdict; record: ResultRecord }> {
  const trainer = new Trainer({ backends: ['plain'] });
  trainers.push(trainer);
  const records: ResultRecord[] = [];
  const session = new TrainingSession({
    level,
    trainer,
    settings: () => ({ speed, backend: 'auto' }),
    record: async (result) => records.push(result),
    announce: () => undefined,
    onChange: () => undefined,
    onRestart: () => undefined,
  });
  await trainer.listen((event) => session.handle(event));
  await session.networkChanged({
    network: levelNetwork(level, firstLayers, { ...levelTraining(level), seed }),
    blocker: null,
    params: inferShapes(level.input, firstLayers).totalParams,
  });
  await session.train();
  const verdict = session.state.verdict;
  const record = records[0];
  if (!verdict || !record) throw new Error(`the game's run on seed ${seed} was not judged`);
  return { verdict, record };
}

const checked: CheckedNetwork = {
  role: 'reference',
  name: "a new player's network",
  layers: firstLayers,
  training: levelTraining(level),
};

describe("slash-2x2: the game's first run and convblocks check", { timeout: LONG_TEST_MS }, () => {
  it("train the player's first network as the level's reference", () => {
    expect(level.reference?.layers).toEqual(firstLayers);
    expect(level.reference?.training).toEqual(levelTraining(level));
  });

  it.each([DEFAULT_SPEED, 'fastest'] as const)(
    'stop at the same step with the same verdict at %s speed',
    async (speed) => {
      for (const seed of [levelTraining(level).seed, 1, 2, 3, 4, 5]) {
        const check = await runOnSeed(level, checked, seed, 'plain');
        const game = await gameFirstRun(seed, speed);
        const where = `seed ${seed}: game step ${game.verdict.step}, check step ${check.steps}`;
        expect(game.verdict.step, where).toBe(check.steps);
        expect(game.verdict.judgement.accuracy, where).toBe(check.testAccuracy);
        // The check proves the level winnable on every seed; the game's first run wins with it.
        expect(reachesGoal(level, check.testAccuracy), where).toBe(true);
        expect(game.record.won, where).toBe(true);
      }
    },
  );
});
