/**
 * Suggest's search on every built-in level's pictures, each with its own rules and goal: the
 * candidates train with the editor's training on the engine's plain path through the shared
 * train-until-judged routine, and one of them wins every level.
 */
import { describe, expect, it } from 'vitest';
import { EDITOR_TRAINING } from '../../src/editor/draft';
import { suggestCandidates } from '../../src/editor/suggest';
import { searchNetworks, type Trial } from '../../src/editor/suggest-search';
import { createEngine, engineDriver } from '../../src/engine';
import {
  type LayerSpec,
  type LevelSpec,
  levelJob,
  levelNetwork,
  levelNetworkTraining,
  parseLevel,
  reachesGoal,
  trainUntilJudged,
} from '../../src/spec';
import { indexIds, readLevelFile } from '../levels/built-in-levels';

const levels: LevelSpec[] = indexIds().map((id) => parseLevel(readLevelFile(`${id}.json`)));
const references = levels.flatMap((l) => (l.reference ? [l.reference.layers] : []));

/** Trains `layers` on `level` as the editor's Win it does on a copy of the level, on the plain path. */
async function trainOn(level: LevelSpec, layers: readonly LayerSpec[]): Promise<Trial> {
  // A copy of the level in the editor trains with its reference's settings (levelToDraft, draftTraining);
  // the editor copies square levels only, so the rule is spelled out here for every level.
  const training = level.reference ? levelNetworkTraining(level, level.reference) : EDITOR_TRAINING;
  const job = levelJob(level, levelNetwork(level, layers, training));
  const engine = createEngine('plain', job.network, job.train);
  try {
    const run = await trainUntilJudged(engineDriver(engine, job), job);
    const testAccuracy = run.test?.accuracy ?? 0;
    return {
      testAccuracy,
      steps: run.step,
      won: run.test !== null && reachesGoal(level, testAccuracy),
      stopped: false,
    };
  } finally {
    engine.dispose();
  }
}

describe("Suggest's search on the built-in levels", () => {
  it('reads a reference network from every built-in level', () => {
    expect(references).toHaveLength(levels.length);
  });

  it.each(levels.map((level) => [level.id, level] as const))(
    'finds a network that wins %s',
    async (_, level) => {
      const candidates = suggestCandidates(level.input, level.classes.length, level.limits, references);
      expect(candidates.length).toBeGreaterThan(0);
      const started = performance.now();
      let steps = 0;
      const outcome = await searchNetworks(candidates, async (c) => {
        const trial = await trainOn(level, c.layers);
        steps += trial.steps;
        return trial;
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${level.id}: won with "${outcome.best?.candidate.label}" (${outcome.best?.candidate.params} parameters), candidate ${outcome.tried} of ${candidates.length}, test ${outcome.best?.trial.testAccuracy}, ${steps} steps in all, ${seconds} s`,
      );
      expect(outcome.best?.trial.won).toBe(true);
    },
    300_000,
  );
});
