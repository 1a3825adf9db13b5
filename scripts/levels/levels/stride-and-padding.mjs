/** Level 8: stride skips positions to shrink the maps; "same" padding lets filters reach the edges. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, relu } from '../document.mjs';
import { draw, inkPoints, withInk } from '../grid.mjs';
import { mulberry32, randomInt, shuffled } from '../random.mjs';

const SIDE = 8;
const MARKS = {
  plus: [
    [-1, 0],
    [0, -1],
    [0, 0],
    [0, 1],
    [1, 0],
  ],
  cross: [
    [-1, -1],
    [-1, 1],
    [0, 0],
    [1, -1],
    [1, 1],
  ],
};

/** A 3x3 mark centred on `[y, x]`; a mark centred on an edge row or column is cut in half. */
function mark(kind, [y, x]) {
  return draw(
    SIDE,
    SIDE,
    MARKS[kind].map(([dy, dx]) => [y + dy, x + dx]),
  );
}

/** The picture with one stray ink pixel, chosen by `random`, that touches no ink. */
function withSpeck(grid, random) {
  const ink = inkPoints(grid);
  const free = [];
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (ink.every(([iy, ix]) => Math.abs(iy - y) > 1 || Math.abs(ix - x) > 1)) free.push([y, x]);
    }
  }
  return withInk(grid, [free[randomInt(random, 0, free.length - 1)]]);
}

/** Builds the level document. */
export function build() {
  // Marks are centred on every pixel, edges included: a filter must sit on the edge to see them whole.
  const centres = [];
  for (let y = 0; y < SIDE; y++) for (let x = 0; x < SIDE; x++) centres.push([y, x]);
  const random = mulberry32(8008);
  const pairs = (list) =>
    list.flatMap((centre) => [
      ['plus', mark('plus', centre)],
      ['cross', mark('cross', centre)],
    ]);
  const train = inkExamples(pairs(centres));
  // The test draws the marks again with a speck of dirt somewhere away from them, always including
  // marks cut in half by each edge, where only a padded filter can sit on their middle.
  const places = [[7, 3], [0, 5], [4, 7], [3, 0], [6, 6], ...shuffled(random, centres).slice(0, 5)];
  const test = inkExamples(
    pairs(places).map(([label, grid]) => [label, withSpeck(grid, random)]),
    train,
  );
  const reference = [conv(4, 3, 2, 'same'), relu(), flatten(), dense(2)];
  const training = adam(0.05, 128);
  return levelDocument({
    id: 'stride-and-padding',
    title: 'Marks on the edge',
    concept: 'A stride makes a filter skip positions, and "same" padding lets it reach the picture\'s edges.',
    intro: [
      'Plus signs and crosses on an 8x8 screen, even cut in half by its edges. The hidden test adds a speck of dirt. No Pool block, and at most 220 parameters.',
      'A stride of 2 moves the filter two pixels at a time, so the feature map is half as wide and half as high. The size of a map is (W - F + 2P) / S + 1. W is the width, F the filter, P the padding on each side and S the stride. With W = 8, F = 3, no padding and S = 2 that is (8 - 3) / 2 + 1 = 3 (rounded down). The filter never reaches the last row and column.',
      '"Same" padding puts a border of zeros around the picture, so the filter can sit on the edge too. Here a blank pixel is -1, so the border is grey, not blank. The map is then 8 / 2 = 4 wide, and it sees every pixel.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['plus', 'cross'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'flatten', 'dense'], maxLayers: 6, maxParams: 220, maxSteps: 600 },
    stars: [
      { maxParams: 170, proof: { layers: reference } },
      { maxSteps: 200, proof: { layers: reference } },
    ],
    traps: [
      {
        idea: 'the unchanged starter: no stride, no padding',
        layers: [conv(2, 3), relu(), flatten(), dense(2)],
      },
      { idea: 'one filter, no stride, no padding', layers: [conv(1, 3), relu(), flatten(), dense(2)] },
      { idea: 'a stride without padding', layers: [conv(6, 3, 2), relu(), flatten(), dense(2)] },
    ],
    hints: [
      "Set the Conv block's stride to 2: its map shrinks from 6x6 to 3x3.",
      'With stride 2 and no padding the filter never sits on the last row and column: "same" padding fixes that.',
      'Four filters with stride 2 and "same" padding make a 4x4x4 map: 170 parameters in all.',
    ],
    starter: [conv(2, 3), relu(), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
