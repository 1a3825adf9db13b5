/** Networks and levels for the sharing tests, with trained-looking weights from a seeded generator. */
import {
  inferShapes,
  type LayerSpec,
  type LayerWeights,
  type LevelSpec,
  type NetworkSpec,
  parseLevel,
  parseNetwork,
  seededRandom,
  weightSizes,
} from '../../src/spec';

export { seededRandom } from '../../src/spec';

/** Full-precision weights spread like a trained network's (roughly normal, spread `spread`). */
export function trainedWeights(
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
  seed: number,
  spread = 0.5,
): (LayerWeights | null)[] {
  const random = seededRandom(seed);
  const normal = () => (random() + random() + random() + random() - 2) * spread * 1.7;
  const shapes = inferShapes(input, layers).layers;
  return layers.map((layer, i) => {
    const shape = shapes[i];
    const sizes = shape ? weightSizes(layer, shape.input) : null;
    if (!sizes) return null;
    return {
      kernel: Array.from({ length: sizes.kernel }, normal),
      bias: Array.from({ length: sizes.bias }, () => normal() / 4),
    };
  });
}

/** The x-vs-o network of the design (9x9x1, conv, relu, max pool 2 same, flatten, dense 2). */
export function xVsONetwork(options: {
  filters: number;
  padding: 'valid' | 'same';
  trained: boolean;
}): NetworkSpec {
  const layers: LayerSpec[] = [
    { type: 'conv', filters: options.filters, size: 3, stride: 1, padding: options.padding },
    { type: 'relu' },
    { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 2 },
  ];
  const input = [9, 9, 1] as const;
  return parseNetwork({
    kind: 'convblocks/network',
    version: 1,
    name: 'my X spotter',
    level: 'x-vs-o',
    input,
    classes: ['X', 'O'],
    layers,
    training: { optimizer: 'adam', learningRate: 0.01, batchSize: 32, seed: 1 },
    ...(options.trained && { weights: trainedWeights(input, layers, 7) }),
  });
}

/** A bigger network a player might build on a 7x7 face level: two convs, an activation, two denses. */
export function deeperNetwork(): NetworkSpec {
  return parseNetwork({
    kind: 'convblocks/network',
    version: 1,
    name: 'Smiley finder (v2, with élan)',
    input: [7, 7, 1],
    classes: ['happy', 'sad', 'neutral'],
    layers: [
      { type: 'conv', filters: 4, size: 3, stride: 1, padding: 'same' },
      { type: 'activation', fn: 'leaky_relu' },
      { type: 'pool', op: 'avg', size: 2, stride: 2, padding: 'same' },
      { type: 'conv', filters: 8, size: 2, stride: 1, padding: 'valid' },
      { type: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 16 },
      { type: 'activation', fn: 'tanh' },
      { type: 'dense', units: 3 },
    ],
    training: { optimizer: 'sgd', learningRate: 0.05, momentum: 0.8, batchSize: 16, seed: 42 },
  });
}

const X_ROWS = (shift: number) =>
  Array.from({ length: 9 }, (_, y) =>
    Array.from({ length: 9 }, (_, x) => (x - shift === y || x - shift === 8 - y ? '#' : '.')).join(''),
  );
const O_ROWS = (radius: number) =>
  Array.from({ length: 9 }, (_, y) =>
    Array.from({ length: 9 }, (_, x) => (Math.abs(Math.hypot(x - 4, y - 4) - radius) < 0.6 ? '#' : '.')).join(
      '',
    ),
  );

/** An x-vs-o level in the shape of the design's example. */
export function xVsOLevel(): LevelSpec {
  return parseLevel({
    kind: 'convblocks/level',
    version: 1,
    id: 'x-vs-o',
    title: 'X or O?',
    concept: 'filters find pieces of a picture',
    intro: ['Two pictures, two answers.', 'Build a filter that finds a corner of the X.'],
    input: [9, 9, 1],
    blank: -1,
    classes: ['X', 'O'],
    train: [
      { label: 'X', picture: X_ROWS(0) },
      { label: 'X', picture: X_ROWS(1) },
      { label: 'O', picture: O_ROWS(3) },
      { label: 'O', picture: O_ROWS(2.5) },
    ],
    test: [
      { label: 'X', picture: X_ROWS(-1) },
      { label: 'O', picture: O_ROWS(2) },
    ],
    goal: { testAccuracy: 1 },
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 8, maxParams: 500 },
    stars: [{ maxParams: 120 }, { maxSteps: 200 }],
    hints: ['A 3x3 filter can find a corner.'],
    starter: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
    reference: {
      layers: [
        { type: 'conv', filters: 2, size: 3 },
        { type: 'relu' },
        { type: 'pool', size: 2, padding: 'same' },
        { type: 'flatten' },
        { type: 'dense', units: 2 },
      ],
      training: { learningRate: 0.02 },
    },
  });
}

/** A level with grey pictures (numbers, not `#`/`.`) and two channels, to cover the other picture rows. */
export function greyLevel(): LevelSpec {
  const random = seededRandom(3);
  const picture = () =>
    Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => [random(), -random()]));
  return parseLevel({
    kind: 'convblocks/level',
    version: 1,
    id: 'grey-3x3',
    title: 'Light or dark? «grey» edition',
    concept: 'numbers, not just ink',
    intro: [],
    input: [3, 3, 2],
    blank: 0,
    classes: ['light', 'dark'],
    train: [
      { label: 'light', picture: picture() },
      { label: 'dark', picture: picture() },
    ],
    test: [{ label: 'dark', picture: picture() }],
    goal: { testAccuracy: 0.5 },
    limits: { blocks: ['flatten', 'dense'] },
    stars: [],
    hints: [],
  });
}
