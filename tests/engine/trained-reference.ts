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

/**
 * A network on x-vs-o's pictures using what no built-in reference does: average pooling, "same"
 * padding that is asymmetric at stride 2 and at an even window, and every activation.
 */
export async function everyOptionNetwork(): Promise<TrainedReference> {
  const level = parseLevel(readLevelFile('x-vs-o.json'));
  const untrained = levelNetwork(
    level,
    [
      { type: 'conv', filters: 3, size: 3, stride: 2, padding: 'same' },
      { type: 'activation', fn: 'elu' },
      { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'same' },
      { type: 'activation', fn: 'leaky_relu' },
      { type: 'conv', filters: 2, size: 2, stride: 1, padding: 'same' },
      { type: 'activation', fn: 'sigmoid' },
      { type: 'pool', op: 'max', size: 3, stride: 2, padding: 'same' },
      { type: 'pool', op: 'avg', size: 1, stride: 1, padding: 'valid' },
      { type: 'flatten' },
      { type: 'dense', units: 4 },
      { type: 'activation', fn: 'tanh' },
      { type: 'relu' },
      { type: 'dense', units: 2 },
    ],
    { optimizer: 'adam', learningRate: 0.05, momentum: 0, batchSize: 16, seed: 7 },
  );
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
