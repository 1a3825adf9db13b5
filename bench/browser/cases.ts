/**
 * The browser benchmark's training cases: the three seed data sets with the course's small conv
 * network, and the medium network and data of the Node benchmark (bench/bench.ts).
 */
import { type Example, type LayerSpec, type NetworkParts, networkOf, type TrainingJob } from '../../src/spec';
import { faceSet, slashSet, xoSet } from '../../tests/fixtures/seed-data';
import { MEDIUM_LAYERS, mediumData } from '../medium-data';

/** One case: a setup, and the training accuracy that counts as reaching the goal. */
export interface TrainingCase {
  readonly name: string;
  readonly setup: TrainingJob;
  readonly goal: number;
  /** Only in a full run (not `--quick`). */
  readonly slow?: boolean;
}

const smallConv: LayerSpec[] = [
  { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'valid' },
  { type: 'relu' },
  { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
  { type: 'flatten' },
  { type: 'dense', units: 2 },
];

const adam = (learningRate: number) =>
  ({ optimizer: 'adam', learningRate, momentum: 0, batchSize: 32, seed: 1 }) as const;

/** A case's job from its network's parts and its pictures. */
function caseJob(parts: NetworkParts & { train: Example[]; test: Example[]; maxSteps: number }): TrainingJob {
  const { train, test, maxSteps, ...network } = parts;
  return { network: networkOf(network), train, test, maxSteps };
}

/** Every case, seed levels first; the slow ones only when `withSlow`. */
export async function trainingCases(withSlow: boolean): Promise<TrainingCase[]> {
  const medium = withSlow ? mediumData(1000, 7) : [];
  const cases: TrainingCase[] = [
    {
      name: '2x2 slashes',
      setup: caseJob({
        input: [2, 2, 1],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
        training: adam(0.05),
        train: slashSet,
        test: slashSet,
        maxSteps: 2000,
      }),
      goal: 1,
    },
    {
      name: '9x9 X vs O',
      setup: caseJob({
        input: [9, 9, 1],
        layers: smallConv,
        training: adam(0.02),
        train: xoSet,
        test: xoSet,
        maxSteps: 2000,
      }),
      goal: 1,
    },
    {
      name: '7x7 faces',
      setup: caseJob({
        input: [7, 7, 1],
        layers: smallConv,
        training: adam(0.02),
        train: faceSet,
        test: faceSet,
        maxSteps: 2000,
      }),
      goal: 1,
    },
    {
      name: 'medium 28x28, 10 classes',
      setup: caseJob({
        input: [28, 28, 1],
        layers: MEDIUM_LAYERS,
        // The Node benchmark's optimiser for this network.
        training: { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, batchSize: 32, seed: 1 },
        train: medium,
        test: [],
        maxSteps: 100_000,
      }),
      goal: 0.9,
      slow: true,
    },
  ];
  return cases.filter((c) => withSlow || !c.slow);
}
