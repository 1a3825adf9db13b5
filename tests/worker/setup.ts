/** The X-vs-O reference setup the worker tests train. */
import {
  DEFAULT_TRAINING,
  type LayerSpec,
  type NetworkParts,
  networkOf,
  type TrainingJob,
} from '../../src/spec';
import { xoSet } from '../fixtures/seed-data';

/** The course's X-vs-O reference network: conv 4 3x3, ReLU, max pool 2, flatten, dense 2. */
export const referenceLayers: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

/** What a test may change of the X-vs-O job: the network's parts and the job's own fields. */
export type XoChanges = Partial<NetworkParts> & Partial<Omit<TrainingJob, 'network'>>;

/** X vs O with the reference network, Adam at 0.02; the test pictures are the training ones reversed. */
export function xoSetup(changes: XoChanges = {}): TrainingJob {
  const { train, test, maxSteps, ...network } = changes;
  return {
    network: networkOf({
      input: [9, 9, 1],
      layers: referenceLayers,
      training: { ...DEFAULT_TRAINING, optimizer: 'adam', learningRate: 0.02 },
      ...network,
    }),
    train: train ?? xoSet,
    test: test ?? [...xoSet].reverse(),
    maxSteps: maxSteps ?? 300,
  };
}
