/**
 * A run moved to another path mid-run goes on as if it had stayed: weights, optimiser state (momentum's
 * accumulation, Adam's moments and update count), step and batch order are carried across.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type TrainingEngine, tf } from '../../src/engine';
import { DEFAULT_TRAINING, type LayerWeights, networkOf, type TrainingSpec } from '../../src/spec';
import { xoSet } from '../fixtures/seed-data';
import { referenceLayers } from '../worker/setup';

/** Steps before the move, and after it: 18 pictures in batches of 5 cross several epochs. */
const BEFORE = 7;
const AFTER = 15;

const OPTIMISERS: [string, Partial<TrainingSpec>][] = [
  ['SGD', { optimizer: 'sgd', learningRate: 0.05, momentum: 0 }],
  ['SGD with momentum', { optimizer: 'sgd', learningRate: 0.05, momentum: 0.9 }],
  ['Adam', { optimizer: 'adam', learningRate: 0.02 }],
];

const flat = (weights: (LayerWeights | null)[]) =>
  weights.flatMap((w) => (w ? [...w.kernel, ...w.bias] : []));

function maxDifference(a: (LayerWeights | null)[], b: (LayerWeights | null)[]): number {
  const x = flat(a);
  const y = flat(b);
  expect(x.length).toBe(y.length);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - (y[i] as number))), 0);
}

function build(path: 'plain' | 'cpu', training: Partial<TrainingSpec>): TrainingEngine {
  const network = networkOf({
    input: [9, 9, 1],
    layers: referenceLayers,
    training: { ...DEFAULT_TRAINING, batchSize: 5, seed: 3, ...training },
  });
  return createEngine(path, network, xoSet);
}

/** The weights after BEFORE steps on `from`, a move to `to` carrying `carry`, and AFTER steps there. */
async function movedRun(
  from: 'plain' | 'cpu',
  to: 'plain' | 'cpu',
  training: Partial<TrainingSpec>,
  carry: 'state' | 'weights only',
) {
  const first = build(from, training);
  await first.trainSteps(BEFORE);
  const state = await first.saveState();
  first.dispose();
  const second = build(to, training);
  if (carry === 'state') await second.loadState(state);
  else second.setWeights(state.weights);
  expect(second.step).toBe(carry === 'state' ? BEFORE : 0);
  const result = await second.trainSteps(AFTER);
  const weights = second.getWeights();
  second.dispose();
  return { weights, result };
}

async function stayingRun(path: 'plain' | 'cpu', training: Partial<TrainingSpec>) {
  const engine = build(path, training);
  const result = await engine.trainSteps(BEFORE + AFTER);
  const weights = engine.getWeights();
  engine.dispose();
  return { weights, result };
}

describe.each(OPTIMISERS)('moving a run between paths with %s', (_name, training) => {
  it.each([
    ['plain', 'cpu'],
    ['cpu', 'plain'],
  ] as const)('from %s to %s agrees with staying on either path', async (from, to) => {
    const tensorsBefore = tf.memory().numTensors;
    const moved = await movedRun(from, to, training, 'state');
    for (const path of [from, to]) {
      const stayed = await stayingRun(path, training);
      expect(maxDifference(moved.weights, stayed.weights)).toBeLessThan(1e-4);
      expect(moved.result.step).toBe(stayed.result.step);
      expect(moved.result.epoch).toBe(stayed.result.epoch);
      expect(Math.abs(moved.result.loss - stayed.result.loss)).toBeLessThan(1e-4);
    }
    // Loading a state leaves no tensor behind once the engine is gone.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  // The check above can fail: carrying the weights alone (a fresh optimiser, batches from the
  // start) ends elsewhere; for plain SGD, which has no optimiser state, the batch order alone does.
  it('ends elsewhere when only the weights are carried', async () => {
    const moved = await movedRun('plain', 'cpu', training, 'weights only');
    const stayed = await stayingRun('plain', training);
    expect(maxDifference(moved.weights, stayed.weights)).toBeGreaterThan(1e-3);
  });
});

describe('a saved state', () => {
  it('is a copy: training on after saving does not change it', async () => {
    const engine = build('plain', OPTIMISERS[2]?.[1] ?? {});
    await engine.trainSteps(3);
    const state = await engine.saveState();
    const copy = structuredClone(state);
    await engine.trainSteps(3);
    expect(state).toEqual(copy);
    expect(state.optimizer.updates).toBe(3);
    expect(state.optimizer.first?.filter(Boolean)).toHaveLength(2);
    engine.dispose();
  });

  it('is refused by a run over a different number of pictures', async () => {
    const engine = build('plain', {});
    const state = await engine.saveState();
    const other = createEngine('cpu', engine.network, xoSet.slice(0, 10));
    await expect(other.loadState(state)).rejects.toThrow(
      'A batch position over 18 pictures does not fit 10.',
    );
    other.dispose();
  });
});
