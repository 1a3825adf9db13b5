/** The X-vs-O reference setup the worker tests train. */
import { DEFAULT_TRAINING, type LayerSpec } from '../../src/spec';
import type { TrainingSetup } from '../../src/worker/protocol';
import { xoSet } from '../fixtures/seed-data';

/** The course's X-vs-O reference network: conv 4 3x3, ReLU, max pool 2, flatten, dense 2. */
export const referenceLayers: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

/** X vs O with the reference network, Adam at 0.02; the test pictures are the training ones reversed. */
export function xoSetup(changes: Partial<TrainingSetup> = {}): TrainingSetup {
  return {
    input: [9, 9, 1],
    layers: referenceLayers,
    classCount: 2,
    training: { ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.02 },
    train: xoSet,
    test: [...xoSet].reverse(),
    maxSteps: 300,
    ...changes,
  };
}
