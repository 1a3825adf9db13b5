/**
 * Between the stack of maps and X-vs-O: the player sets the course's three X filters by hand (+1 and
 * -1), sees the maps the course prints (7/9 = 0.77 and 5/9 = 0.55, since the Conv averages its
 * products), then lets training find filters of its own.
 */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { place, shift, thicken } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';
import { seedImage } from '../seed-images.mjs';
import { crossShape, ringShape } from '../shapes.mjs';

const SIDE = 9;

/** A conv of `filters` 3x3 filters that averages its products, as the course's X example does. */
const meanConv = (filters) => ({ ...conv(filters, 3), products: 'mean' });

/** The course's network: its filters averaged, ReLU, a max pool of `window` (stride as big), the vote. */
const courseNetwork = (filters, window) => [
  meanConv(filters),
  relu(),
  pool(window, window, 'same'),
  flatten(),
  dense(2),
];

/** Every picture in one step. */
const TRAINING = adam(0.05, 256);

/** The picture moved by every `[dy, dx]` up to `reach` pixels that keeps it in the frame. */
function moved(label, grid, reach) {
  const out = [];
  for (let dy = -reach; dy <= reach; dy++) {
    for (let dx = -reach; dx <= reach; dx++) out.push([label, shift(grid, dy, dx)]);
  }
  return out.filter(([, picture]) => picture !== null);
}

/** Every place a shape fits in the frame. */
function everywhere(label, shape) {
  const size = shape.length;
  const placed = [];
  for (let top = 0; top + size <= SIDE; top++) {
    for (let left = 0; left + size <= SIDE; left++) placed.push([label, place(shape, SIDE, SIDE, top, left)]);
  }
  return placed;
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(5505);
  const [x, o] = [seedImage('x'), seedImage('o')];
  const some = (pairs, count) => shuffled(random, pairs).slice(0, count);
  const smallX = some(everywhere('X', crossShape(5)), 25);
  const smallO = some(everywhere('O', ringShape(5)), 25);
  const middleX = some(everywhere('X', crossShape(7)), 9);
  const middleO = some(everywhere('O', ringShape(7)), 9);
  const thickX = some(moved('X', thicken(x), 1), 9);
  const thickO = some(moved('O', thicken(o), 1), 9);
  // The test is built first: a training picture that happens to match a test picture is dropped.
  const test = inkExamples([
    ['X', seedImage('x-deformed')],
    ...smallX.slice(21),
    ...smallO.slice(21),
    ...middleX.slice(7),
    ...middleO.slice(7),
    ...thickX.slice(7),
    ...thickO.slice(7),
  ]);
  const train = inkExamples(
    [
      ...moved('X', x, 1),
      ...moved('O', o, 1),
      ...smallX.slice(0, 21),
      ...smallO.slice(0, 21),
      ...middleX.slice(0, 7),
      ...middleO.slice(0, 7),
      ...thickX.slice(0, 7),
      ...thickO.slice(0, 7),
    ],
    test,
  );
  return levelDocument({
    id: 'match-by-hand',
    title: 'Filters by hand',
    concept:
      'A filter is a small picture of weights, and three hand-made filters find the three pieces of an X.',
    intro: [
      'Before training finds filters, you make them. Open "Set the filters by hand" and click squares to flip them between +1 and -1.',
      'Make the three pieces of the X. Filter 1 is a "\\" line of +1. Filter 2 is a small x: +1 in the corners and the middle. Filter 3 is a "/" line.',
      'This Conv block averages: it adds up pixel times weight and divides by the 9 squares. A perfect match gives 1. On the X, the first filter gives 0.77 where 7 of 9 squares match.',
      'Press "Show the maps" and pick a picture. Then press Train: training starts from your filters. Reset and Train again to see which filters it finds on its own.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['X', 'O'],
    train,
    test,
    goal: 0.85,
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 6, maxSteps: 300 },
    stars: [
      { maxSteps: 50, proof: { layers: courseNetwork(3, 2), training: TRAINING } },
      // 3x3 windows, stride 3, keep 3x3 of each 7x7 map: 86 parameters. Two filters (86 too) lose on 3 of 5 seeds.
      { maxParams: 90, proof: { layers: courseNetwork(3, 3), training: TRAINING } },
    ],
    traps: [
      {
        idea: 'No filter: Flatten and Dense learn each whole picture as one pattern',
        layers: [flatten(), dense(2)],
        training: TRAINING,
      },
      {
        idea: 'No filter, but a hidden Dense layer with ReLU',
        layers: [flatten(), dense(8), relu(), dense(2)],
        training: TRAINING,
      },
    ],
    hints: [
      'The first filter: +1 on the "\\" line from top left to bottom right, -1 everywhere else.',
      'Click a number in a map to see the sum and the divide by 9 for that square.',
      'For a star under 90 parameters: a Pool with a 3x3 window and stride 3 keeps 3x3 of each 7x7 map.',
    ],
    starter: courseNetwork(3, 2),
    reference: { layers: courseNetwork(3, 2), training: TRAINING },
  });
}
