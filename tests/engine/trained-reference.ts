/** A built-in level's reference network, briefly trained: the network the export tests compare. */
import { Engine } from '../../src/engine';
import { type LevelSpec, levelNetwork, type NetworkSpec, parseLevel } from '../../src/spec';
import { readLevelFile } from '../levels/built-in-levels';

/** Enough steps to move every weight well away from its seeded start. */
const STEPS = 40;

/** A level, its reference network trained for STEPS steps, and ConvBlocks' probabilities on its hidden pictures. */
export interface TrainedReference {
  readonly level: LevelSpec;
  readonly network: NetworkSpec;
  readonly expected: number[][];
}

/** Trains level `id`'s reference network for STEPS steps on the engine (cpu backend). */
export async function trainedReference(id: string): Promise<TrainedReference> {
  const level = parseLevel(readLevelFile(`${id}.json`));
  const reference = level.reference;
  if (!reference) throw new Error(`${id} has no reference network`);
  const untrained = levelNetwork(level, reference.layers, reference.training);
  const engine = new Engine(untrained, level.train);
  await engine.trainSteps(STEPS);
  const network: NetworkSpec = { ...untrained, weights: engine.getWeights() };
  const ours = await engine.evaluate(level.test);
  engine.dispose();
  const classes = level.classes.length;
  const expected = level.test.map((_, i) =>
    Array.from(ours.probabilities.slice(i * classes, (i + 1) * classes)),
  );
  return { level, network, expected };
}
