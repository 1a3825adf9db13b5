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

/** A 3x3 mark centred on `[y, x]`. */
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
  const centres = [];
  for (let y = 1; y < SIDE - 1; y++) for (let x = 1; x < SIDE - 1; x++) centres.push([y, x]);
  const random = mulberry32(8008);
  const pairs = (list) =>
    list.flatMap((centre) => [
      ['plus', mark('plus', centre)],
      ['cross', mark('cross', centre)],
    ]);
  const train = inkExamples(pairs(centres));
  // The test draws the marks again with a speck of dirt somewhere away from them, always including
  // marks on the bottom and right edges, where a filter without padding never sits.
  const places = [[6, 6], [6, 2], [3, 6], ...shuffled(random, centres).slice(0, 5)];
  const test = inkExamples(
    pairs(places).map(([label, grid]) => [label, withSpeck(grid, random)]),
    train,
  );
  return levelDocument({
    id: 'stride-and-padding',
    title: 'Marks on the edge',
    concept: 'A stride makes a filter skip positions, and "same" padding lets it reach the picture\'s edges.',
    intro: [
      'Plus signs and crosses, anywhere on an 8x8 screen, right up to its edges. The hidden test adds a speck of dirt. No Pool block this time, and at most 200 parameters: a 6x6 map of 4 filters already needs 290.',
      'A stride of 2 moves the filter two pixels at a time, so the feature map is half as wide and half as high. The size of a map is (W - F + 2P) / S + 1. W is the width, F the filter, P the padding on each side and S the stride. With W = 8, F = 3, no padding and S = 2 that is (8 - 3) / 2 + 1 = 3 (rounded down). The filter never reaches the last row and column.',
      '"Same" padding adds blank pixels around the picture, so the filter can sit on the edge too. The map is then 8 / 2 = 4 wide, and it sees every pixel.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['plus', 'cross'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'flatten', 'dense'], maxLayers: 6, maxParams: 200, maxSteps: 600 },
    stars: [{ maxParams: 130 }],
    hints: [
      "Set the Conv block's stride to 2: its map shrinks from 6x6 to 3x3.",
      'With stride 2 and no padding the filter never sits on the last row and column: "same" padding fixes that.',
      'Four filters with stride 2 and "same" padding make a 4x4x4 map: 170 parameters in all.',
    ],
    starter: [conv(2, 3), relu(), flatten(), dense(2)],
    reference: {
      layers: [conv(4, 3, 2, 'same'), relu(), flatten(), dense(2)],
      training: adam(0.05, 128),
    },
  });
}
