/**
 * After stride and padding: average pooling. Few or many raindrops on an 8x8 screen, every quarter of
 * it wet in both classes, so a max pool sees the same thing everywhere ("there is a drop") while an
 * average pool measures how much of the window is wet, which is the answer.
 */
import { adam, dense, flatten, inkExamples, levelDocument, pool } from '../document.mjs';
import { draw } from '../grid.mjs';
import { mulberry32, randomInt } from '../random.mjs';

const SIDE = 8;
const HALF = SIDE / 2;

/** A pool block that averages its window (the shared `pool` builder keeps the max). */
const averagePool = (size, stride = size) => ({ ...pool(size, stride), op: 'avg' });

/** Every picture in one step. */
const TRAINING = adam(0.1, 64);

/** Whether a drop at `[y, x]` would touch one of `drops`, sideways or corner to corner. */
function touches(drops, [y, x]) {
  return drops.some(([dy, dx]) => Math.abs(dy - y) <= 1 && Math.abs(dx - x) <= 1);
}

/**
 * `count` drops that never touch, the first four one in each quarter of the screen, so every
 * quarter holds at least one. Drops never touch so that no pair of drops is itself a pattern a
 * small filter could spot: only how many there are tells the classes apart.
 */
function drops(random, count) {
  for (;;) {
    const placed = [];
    for (let tries = 0; placed.length < count && tries < 400; tries++) {
      const quarter = placed.length < 4 ? placed.length : -1;
      const point =
        quarter >= 0
          ? [
              Math.floor(quarter / 2) * HALF + randomInt(random, 0, HALF - 1),
              (quarter % 2) * HALF + randomInt(random, 0, HALF - 1),
            ]
          : [randomInt(random, 0, SIDE - 1), randomInt(random, 0, SIDE - 1)];
      if (!touches(placed, point)) placed.push(point);
    }
    if (placed.length === count) return draw(SIDE, SIDE, placed);
  }
}

/** `n` pictures of `label` with from `least` to `most` drops each. */
function rain(random, label, n, least, most) {
  return Array.from({ length: n }, () => [label, drops(random, randomInt(random, least, most))]);
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(8118);
  const test = inkExamples([...rain(random, 'few', 16, 4, 6), ...rain(random, 'many', 16, 9, 12)]);
  const train = inkExamples([...rain(random, 'few', 24, 4, 6), ...rain(random, 'many', 24, 9, 12)], test);
  const quarters = [averagePool(HALF), flatten(), dense(2)];
  const whole = [averagePool(SIDE), flatten(), dense(2)];
  return levelDocument({
    id: 'few-or-many',
    title: 'Few or many drops',
    concept:
      'Max pooling asks whether something is in a window; average pooling asks how much of it there is.',
    intro: [
      'Is it drizzling or pouring? Each picture is rain on an 8x8 screen: a few drops, or many. Every quarter of the screen has at least one drop, in both kinds.',
      'A max Pool block keeps the biggest value of each window. Here every window holds a drop, so max pooling says "wet" for every picture and cannot tell the two apart.',
      'An average Pool block adds up its window and divides by its pixels. A drop is 1 and dry is 0, so 2 drops in a 4x4 window give 2 / 16 = 0.125: that is how wet the window is.',
      'The starter pools with "max". Train it, then switch the Pool block to "average" and train again. At most 12 parameters.',
    ],
    input: [SIDE, SIDE, 1],
    blank: 0,
    classes: ['few', 'many'],
    train,
    test,
    goal: 0.95,
    limits: {
      blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
      maxLayers: 6,
      maxParams: 12,
      maxSteps: 300,
    },
    stars: [
      // One window over the whole screen: one number per picture, how wet it is, and 4 parameters.
      { maxParams: 4, proof: { layers: whole } },
      { maxSteps: 200, proof: { layers: quarters } },
    ],
    traps: [
      { idea: 'the starter: a max pool over each quarter', layers: [pool(HALF), flatten(), dense(2)] },
      { idea: 'a max pool over the whole screen', layers: [pool(SIDE), flatten(), dense(2)] },
      {
        idea: 'a 2x2 filter looking for drops, then a max pool over the whole map',
        layers: [
          { type: 'conv', filters: 1, size: 2, stride: 1, padding: 'valid' },
          { type: 'relu' },
          pool(SIDE - 1),
          flatten(),
          dense(2),
        ],
      },
      {
        idea: 'a max pool of small windows, one in each corner',
        layers: [pool(2, SIDE - 2), flatten(), dense(2)],
      },
      // The strongest max pool the budget allows: four 3x3 windows count how many of them are wet.
      { idea: 'a max pool of four 3x3 windows', layers: [pool(3), flatten(), dense(2)] },
    ],
    hints: [
      'Click the Pool block\'s "max" and choose "average". Nothing else needs to change.',
      'Look at the inside view: with max every pooled value is 1; with average they differ between few and many.',
      'For a star: one 8x8 average window makes one number per picture, so Dense needs only 2 weights and 2 biases.',
    ],
    starter: [pool(HALF), flatten(), dense(2)],
    training: TRAINING,
    reference: { layers: quarters, training: TRAINING },
  });
}
