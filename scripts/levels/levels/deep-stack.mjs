/** Level 11: stacked conv layers: parts found by the first layer are arranged by the second. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { draw } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const SIDE = 14;
/** Rows from the eyes down to the mouth: 8 rows in all, more than the level's largest filter (5x5) sees. */
const MOUTH_BELOW = 7;
/** The level's largest filter: one filter never sees the eyes and the mouth together. */
const MAX_FILTER = 5;
const PART_WIDTH = 3;
/** How far a jumble's mouth slides sideways at least, so it is not just a slightly crooked face. */
const MIN_SLIDE = 3;

/** Two eyes (`#.#`) whose left end is at `[y, eyesX]` and a mouth (`###`) 8 rows below at `mouthX`. */
function faceParts(y, eyesX, mouthX) {
  return draw(SIDE, SIDE, [
    [y, eyesX],
    [y, eyesX + 2],
    [y + MOUTH_BELOW, mouthX],
    [y + MOUTH_BELOW, mouthX + 1],
    [y + MOUTH_BELOW, mouthX + 2],
  ]);
}

const face = (y, x) => ['face', faceParts(y, x, x)];
const jumble = (y, eyesX, mouthX) => ['jumble', faceParts(y, eyesX, mouthX)];

/** Every pair of left ends at least MIN_SLIDE apart. */
function apartPairs(columns) {
  const pairs = [];
  for (let a = 0; a < columns; a++) {
    for (let b = a + MIN_SLIDE; b < columns; b++) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * Builds the level document. Every eye and mouth of a jumble sits where it sits in some face, so a
 * network that only asks "which parts, where on the screen" learns nothing: the hidden test comes
 * in fours (two faces, and the two jumbles made of their parts swapped), and such a network can get
 * at most three of each four right.
 */
export function build() {
  const random = mulberry32(11011);
  const rows = SIDE - MOUTH_BELOW; // eyes rows 0..5
  const columns = SIDE - PART_WIDTH + 1; // left ends 0..11
  const quads = [];
  const used = new Set();
  const key = (y, x) => `${y},${x}`;
  for (let y = 0; y < rows; y++) {
    const [a, b] = shuffled(random, apartPairs(columns))[0];
    quads.push([face(y, a), face(y, b), jumble(y, a, b), jumble(y, b, a)]);
    used.add(key(y, a));
    used.add(key(y, b));
  }
  // Six fours make the hidden test; the seventh only stays out of training (the pixel budget).
  const test = inkExamples(quads.slice(0, 6).flat());
  const faces = [];
  const jumbles = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < columns; x++) {
      if (!used.has(key(y, x))) faces.push(face(y, x));
      for (let mouthX = 0; mouthX < columns; mouthX++) {
        if (Math.abs(mouthX - x) >= MIN_SLIDE) jumbles.push(jumble(y, x, mouthX));
      }
    }
  }
  const trainFaces = shuffled(random, faces).slice(0, 39);
  const trainJumbles = shuffled(random, jumbles).slice(0, 39);
  const train = inkExamples([...trainFaces, ...trainJumbles], test);
  const stack = (first, second) => [
    conv(first, 3),
    relu(),
    pool(3),
    conv(second, 3, 1, 'same'),
    relu(),
    pool(4),
    flatten(),
    dense(2),
  ];
  const reference = stack(6, 4);
  const training = adam(0.02, 128);
  const oneLayer = (filters, size, window) => [
    conv(filters, size),
    relu(),
    pool(window),
    flatten(),
    dense(2),
  ];
  return levelDocument({
    id: 'deep-stack',
    title: 'Parts in the right places',
    concept:
      "Stacked conv layers build big features from small ones: a second layer sees how the first layer's parts are arranged.",
    intro: [
      'Every picture has the same parts: two eyes and a mouth, 7 rows below them. In a face the mouth is right under the eyes. In a jumble it has slid to one side.',
      'A Conv block finds the parts: two dots, a bar. But on this level a filter is at most 5x5, and the eyes and the mouth span 8 rows: no filter sees them together. One Conv layer knows which parts are there, not whether the mouth is under the eyes.',
      'Put a second Conv block after a Pool block. It looks at the first maps, where each value already covers 5x5 pixels, so one of its 3x3 filters covers the whole face and can learn "mouth under the eyes". Small features feed bigger ones.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['face', 'jumble'],
    train,
    test,
    goal: 0.85,
    limits: {
      blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
      maxLayers: 10,
      maxParams: 300,
      maxFilterSize: MAX_FILTER,
      maxSteps: 600,
    },
    stars: [
      { maxParams: 240, proof: { layers: stack(6, 3) } },
      { maxSteps: 200, proof: { layers: stack(6, 3) } },
    ],
    // One-layer networks that fit the budget: global pooling only counts parts; a smaller Pool keeps
    // where each part is, but no filter sees two parts at once, and a hidden Dense layer learns
    // positions, not "under".
    traps: [
      { idea: 'one layer of 3x3 filters, pooled over the whole map', layers: oneLayer(12, 3, 12) },
      { idea: 'one layer of 5x5 filters, pooled over the whole map', layers: oneLayer(8, 5, 10) },
      { idea: 'one layer of 3x3 filters, 2x2 pooling, then Dense', layers: oneLayer(3, 3, 2) },
      { idea: 'one layer of 3x3 filters, 3x3 pooling, then Dense', layers: oneLayer(5, 3, 3) },
      { idea: 'one layer of 5x5 filters, 2x2 pooling, then Dense', layers: oneLayer(2, 5, 2) },
      { idea: 'one layer of 5x5 filters, 3x3 pooling, then Dense', layers: oneLayer(6, 5, 3) },
      { idea: 'one layer of 5x5 filters, 5x5 pooling, then Dense', layers: oneLayer(8, 5, 5) },
      {
        idea: 'one layer of 5x5 filters, then a hidden Dense layer to put the parts together',
        layers: [conv(4, 5), relu(), pool(3), flatten(), dense(4), relu(), dense(2)],
      },
    ],
    hints: [
      'Conv 3x3, ReLU, Pool 3x3, then Conv 3x3 with "same" padding, ReLU, and a Pool over its whole 4x4 map, then Flatten and Dense.',
      '6 filters in the first Conv and 4 in the second make 290 parameters. For the stars, try 3 in the second: 233 parameters, and it learns fast.',
    ],
    starter: [conv(2, 3), relu(), pool(2), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
