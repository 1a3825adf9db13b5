/** Level 11: stacked conv layers: parts found by the first layer are arranged by the second. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { draw } from '../grid.mjs';
import { mulberry32, randomInt, shuffled } from '../random.mjs';

const SIDE = 12;
const [BOX_HEIGHT, BOX_WIDTH] = [4, 5];

/** The parts of a face in its 4x5 box: eyes at the top corners, a mouth two rows below. */
const FACE = {
  eyes: [
    [0, 0],
    [0, 4],
  ],
  mouth: [3, 1],
};

/** The ink of two eyes and a 3-pixel mouth whose left end is `mouth`. */
function parts({ eyes, mouth: [my, mx] }) {
  return [...eyes, [my, mx], [my, mx + 1], [my, mx + 2]];
}

/**
 * The same parts placed at random in the box: no 3x3 window sees two parts (so one layer of 3x3
 * filters finds the same pieces as in a face), and the eyes are never both above the mouth.
 */
function jumble(random) {
  for (;;) {
    const mouth = [randomInt(random, 0, BOX_HEIGHT - 1), randomInt(random, 0, BOX_WIDTH - 3)];
    const eyes = [0, 1].map(() => [
      randomInt(random, 0, BOX_HEIGHT - 1),
      randomInt(random, 0, BOX_WIDTH - 1),
    ]);
    const points = parts({ eyes, mouth });
    const apart = points.every(([y, x], i) =>
      points.every(
        ([oy, ox], j) => i === j || Math.abs(oy - y) > 2 || Math.abs(ox - x) > 2 || isMouthPair(i, j),
      ),
    );
    const eyesBelow = eyes.every(([ey]) => ey < mouth[0]);
    if (apart && !eyesBelow) return { eyes, mouth };
  }
}

/** Pixels 2, 3 and 4 of `parts` are the mouth: they may touch each other. */
function isMouthPair(i, j) {
  return i >= 2 && j >= 2;
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(11011);
  const places = [];
  for (let top = 0; top + BOX_HEIGHT <= SIDE; top++) {
    for (let left = 0; left + BOX_WIDTH <= SIDE; left++) places.push([top, left]);
  }
  const at = (arrangement, [top, left]) =>
    draw(
      SIDE,
      SIDE,
      parts(arrangement).map(([y, x]) => [y + top, x + left]),
    );
  const faces = shuffled(random, places).map((place) => ['face', at(FACE, place)]);
  const jumbles = shuffled(random, places).map((place) => ['jumble', at(jumble(random), place)]);
  const test = inkExamples([...faces.slice(0, 10), ...jumbles.slice(0, 10)]);
  const train = inkExamples([...faces.slice(10, 60), ...jumbles.slice(10, 60)], test);
  const reference = [
    conv(6, 3),
    relu(),
    pool(2),
    conv(6, 3, 1, 'same'),
    relu(),
    pool(5),
    flatten(),
    dense(2),
  ];
  const training = adam(0.02, 128);
  return levelDocument({
    id: 'deep-stack',
    title: 'Parts in the right places',
    concept:
      "Stacked conv layers build big features from small ones: a second layer sees how the first layer's parts are arranged.",
    intro: [
      'Every picture has the same parts: two eyes and a mouth. In a face the eyes are above the ends of the mouth; in a jumble the same parts are somewhere else.',
      'A first Conv block finds the parts: a dot, a short bar. It cannot see where they are compared with each other: each 3x3 filter only sees 3x3 pixels.',
      'A second Conv block, after pooling, looks at the first layer\'s maps. Each of its filters covers a bigger piece of the picture and can learn "eyes above a mouth". Small features feed bigger ones.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['face', 'jumble'],
    train,
    test,
    goal: 0.9,
    limits: {
      blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
      maxLayers: 10,
      maxParams: 450,
      maxSteps: 600,
    },
    stars: [
      { maxParams: 410, proof: { layers: reference } },
      { maxSteps: 100, proof: { layers: reference } },
    ],
    traps: [
      {
        idea: 'one layer of 3x3 filters, pooled over the whole map',
        layers: [conv(6, 3), relu(), pool(10), flatten(), dense(2)],
      },
      {
        idea: 'one layer of 3x3 filters, then Dense',
        layers: [conv(4, 3), relu(), pool(2), flatten(), dense(2)],
      },
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(2)] },
    ],
    hints: [
      'Conv, ReLU, Pool, then Conv, ReLU, Pool again, then Flatten and Dense.',
      'The last Pool block can cover its whole map: the face counts wherever it is.',
    ],
    starter: [conv(4, 3), relu(), pool(2), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
