/**
 * The training view's demo page, driven by a scripted run: `?level=x-vs-o|happy-face&steps=N`
 * trains N of 120 steps (the conv filters reach the course's filters at step 120), one step per
 * frame, then marks `<body data-done="true">`.
 */
import { type Example, inferShapes, type LayerSpec } from '../../../src/spec';
import { mountTrainingView } from '../../../src/viz/training-view';
import type { HistoryPoint, PictureChoice, ViewPicture } from '../../../src/viz/types';
import { seedImages, workedExamples } from '../../fixtures';
import { faceSet, rowsToPixels, shifted, xoSet } from '../../fixtures/seed-data';
import { adamState, denseStep, forward, seeded, softmax, type Weights } from './viz-forward';

const TOTAL_STEPS = 120;
const JUDGE_EVERY = 40;

interface Setup {
  readonly input: readonly [number, number, number];
  readonly classes: readonly string[];
  readonly layers: readonly LayerSpec[];
  readonly train: readonly Example[];
  readonly test: readonly ViewPicture[];
  /** Where the conv filters end up: the course's filters, per filter a size x size map. */
  readonly targets: readonly number[][][];
  /** The training picture selected at first: the course's own picture, unshifted. */
  readonly firstPick: number;
}

function fixtureKernels(id: string): number[][][] {
  const found = workedExamples.find((e) => e.id === id);
  return (found?.kernels ?? []).map((k) => k.channels[0] ?? []);
}

function picture(rows: readonly string[], label: string, classIndex: number, blank: number): ViewPicture {
  return { label, classIndex, pixels: rowsToPixels(rows, blank) };
}

const setups: Record<string, Setup> = {
  'x-vs-o': {
    input: [9, 9, 1],
    classes: ['X', 'O'],
    layers: [
      // The course divides each sum by the filter's 9 pixels: its maps show 0.77, 0.55, ...
      { type: 'conv', filters: 3, size: 3, stride: 1, padding: 'valid', products: 'mean' },
      { type: 'relu' },
      { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
      { type: 'flatten' },
      { type: 'dense', units: 2 },
    ],
    train: xoSet,
    test: [
      picture(seedImages['x-deformed'], 'X', 0, -1),
      picture(shifted(seedImages.x, 2, 1), 'X', 0, -1),
      picture(shifted(seedImages.o, -2, 1), 'O', 1, -1),
      picture(shifted(seedImages.o, 1, -2), 'O', 1, -1),
    ],
    targets: fixtureKernels('x-three-filters'),
    firstPick: 8,
  },
  'happy-face': {
    input: [7, 7, 1],
    classes: ['happy', 'other'],
    layers: [
      { type: 'conv', filters: 3, size: 3, stride: 1, padding: 'valid' },
      { type: 'relu' },
      { type: 'pool', op: 'max', size: 2, stride: 2, padding: 'same' },
      { type: 'flatten' },
      { type: 'dense', units: 2 },
    ],
    train: faceSet,
    test: [
      picture(shifted(seedImages['happy-face'], 1, 1), 'happy', 0, 0),
      picture(['.......', '.#...#.', '.......', '.......', '..###..', '.#...#.', '.......'], 'other', 1, 0),
    ],
    // The course's smile-corner filter, and its mirror image for the other corner.
    // The course's smile-corner filter, its mirror image for the other corner, and a flat-line finder.
    targets: [
      ...fixtureKernels('happy-face'),
      (fixtureKernels('happy-face')[0] ?? []).map((row) => [...row].reverse()),
      [
        [0, 0, 0],
        [1, 1, 1],
        [0, 0, 0],
      ],
    ],
    firstPick: 16,
  },
};

const params = new URLSearchParams(location.search);
const setup = setups[params.get('level') ?? 'x-vs-o'] ?? (setups['x-vs-o'] as Setup);
const stopAt = Math.min(Number(params.get('steps') ?? TOTAL_STEPS), TOTAL_STEPS);
const { input, classes, layers, train, test } = setup;
const conv = layers[0] as Extract<LayerSpec, { type: 'conv' }>;
const convScale = (size: number) => (conv.products === 'mean' ? 1 / (size * size) : 1);
const random = seeded(7);
const initialKernel = Array.from({ length: conv.size * conv.size * conv.filters }, () => random() * 2 - 1);

function targetKernel(): number[] {
  const kernel: number[] = [];
  for (let y = 0; y < conv.size; y++)
    for (let x = 0; x < conv.size; x++)
      for (let f = 0; f < conv.filters; f++) kernel.push(setup.targets[f]?.[y]?.[x] ?? 0);
  return kernel;
}
if (setup.targets.length !== conv.filters) {
  throw new Error(`the demo has ${setup.targets.length} target filters for ${conv.filters} conv filters`);
}
const finalKernel = targetKernel();

const flattened = inferShapes(input, layers).layers[3];
const denseInputs = flattened?.ok ? (flattened.output[0] ?? 0) : 0;
const weights: Weights = [
  { kernel: [...initialKernel], bias: new Array(conv.filters).fill(0) },
  null,
  null,
  null,
  {
    kernel: Array.from({ length: denseInputs * classes.length }, () => (random() * 2 - 1) * 0.1),
    bias: new Array(classes.length).fill(0),
  },
];
const adam = adamState((weights[4]?.kernel.length ?? 0) + classes.length);

/** Moves the conv filters toward the course's filters; exactly there at the last step. */
function glideFilters(step: number): void {
  const t = 1 - (1 - step / TOTAL_STEPS) ** 2;
  const convWeights = weights[0];
  if (!convWeights) return;
  convWeights.kernel = initialKernel.map((a, i) => (1 - t) * a + t * (finalKernel[i] as number));
}

function predict(pictures: readonly ViewPicture[]) {
  const all = pictures.map((p) => forward(input, layers, weights, p.pixels, convScale));
  const probabilities = all.map((outputs) => softmax(outputs[outputs.length - 1]?.values ?? []));
  return { all, probabilities, flat: Float32Array.from(probabilities.flat()) };
}

function accuracy(probabilities: readonly number[][], pictures: readonly ViewPicture[]): number {
  const right = pictures.filter((p, i) => {
    const votes = probabilities[i] ?? [];
    return votes.indexOf(Math.max(...votes)) === p.classIndex;
  }).length;
  return right / Math.max(pictures.length, 1);
}

let choice: PictureChoice = { kind: 'train', index: setup.firstPick };
const container = document.getElementById('view') as HTMLElement;
const view = mountTrainingView(container, {
  classes,
  input,
  trainPictures: train,
  testPictures: test,
  onSelect: (next) => {
    choice = next;
    publish(step);
  },
});

function selectedPixels(): readonly number[] {
  if (choice.kind === 'drawn') return choice.pixels;
  const set = choice.kind === 'train' ? train : test;
  return set[choice.index]?.pixels ?? [];
}

function publish(at: number, trainVotes: Float32Array = predict(train).flat): void {
  const pixels = selectedPixels();
  const outputs = forward(input, layers, weights, pixels, convScale);
  view.update({
    step: at,
    layers,
    input,
    weights: weights.map((w) => (w ? { kernel: [...w.kernel], bias: [...w.bias] } : null)),
    selected: { pixels, outputs, probabilities: softmax(outputs[outputs.length - 1]?.values ?? []) },
    trainPredictions: trainVotes,
  });
}

let step = 0;
function trainOneStep(): void {
  step++;
  glideFilters(step);
  // Loss and accuracy of the network as it was at the start of the step, as a training loop reports them.
  const { all, probabilities, flat } = predict(train);
  const features = all.map((outputs) => outputs[3]?.values ?? []);
  const dense = weights[4];
  const labels = train.map((e) => e.classIndex);
  const loss = dense ? denseStep(features, probabilities, labels, dense, adam, 0.05) : 0;
  const point: { -readonly [K in keyof HistoryPoint]: HistoryPoint[K] } = {
    step,
    loss,
    trainAccuracy: accuracy(probabilities, train),
  };
  if (step % JUDGE_EVERY === 0) {
    const judged = predict(test);
    point.testAccuracy = accuracy(judged.probabilities, test);
    view.showJudgement({ step, testPredictions: judged.flat });
  }
  view.pushHistory(point);
  publish(step, flat);
}

function loop(): void {
  if (step >= stopAt) {
    // Two frames: the view draws on the next one; the one after proves it has.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        document.body.dataset.done = 'true';
      }),
    );
    return;
  }
  trainOneStep();
  requestAnimationFrame(loop);
}
publish(0);
requestAnimationFrame(loop);
