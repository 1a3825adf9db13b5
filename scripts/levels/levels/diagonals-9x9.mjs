/** Level 5: many filters make a stack of feature maps; an X is both diagonals at once. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, relu } from '../document.mjs';
import { draw, line } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const SIDE = 9;

/**
 * The three kinds of picture drawn around the centre moved by `dy`, `dx`, with strokes reaching
 * `reach` pixels from it; empty when a stroke would leave the frame.
 */
function pictures(dy, dx, reach) {
  const [y, x] = [4 + dy, 4 + dx];
  if (y - reach < 0 || y + reach >= SIDE || x - reach < 0 || x + reach >= SIDE) return [];
  const backslash = line([y - reach, x - reach], [y + reach, x + reach]);
  const slash = line([y - reach, x + reach], [y + reach, x - reach]);
  return [
    ['\\', draw(SIDE, SIDE, backslash)],
    ['/', draw(SIDE, SIDE, slash)],
    ['X', draw(SIDE, SIDE, [...backslash, ...slash])],
  ];
}

/** Every placement `[dy, dx, reach]`: the centre moved by up to 3 pixels, strokes reaching 1 to 4 pixels. */
function placements() {
  const all = [];
  for (let dy = -3; dy <= 3; dy++) {
    for (let dx = -3; dx <= 3; dx++) {
      for (let reach = 1; reach <= 4; reach++) {
        if (pictures(dy, dx, reach).length > 0) all.push([dy, dx, reach]);
      }
    }
  }
  return all;
}

/** Builds the level document. */
export function build() {
  // Half the middle-sized placements are kept for the test: their pieces all appear in training, but
  // not at those places, so votes on single pixels (Flatten and Dense alone) cannot sort them. Two
  // more are left out altogether: 246 pictures of 81 pixels stay within a hundredth of the cap.
  const middle = placements().filter(([, , reach]) => reach === 2 || reach === 3);
  const held = shuffled(mulberry32(5005), middle).slice(0, 18);
  const heldKeys = new Set(held.map((placement) => placement.join()));
  const seen = placements().filter((placement) => !heldKeys.has(placement.join()));
  const train = inkExamples(seen.flatMap((placement) => pictures(...placement)));
  const test = inkExamples(
    held.slice(0, 16).flatMap((placement) => pictures(...placement)),
    train,
  );
  const reference = [conv(4, 3), relu(), flatten(), dense(3)];
  const training = adam(0.01, 256);
  return levelDocument({
    id: 'diagonals-9x9',
    title: 'Strokes and crosses',
    concept: 'Several filters make a stack of feature maps, one for each pattern they look for.',
    intro: [
      'A Conv block can hold many filters. Each one makes its own feature map, so the output is a stack of pictures: one shows where "\\" strokes are, another where "/" strokes are.',
      'An X is nothing new: it is a "\\" and a "/" crossing. The Dense block can vote "X" where both maps light up, and "\\" where only one does.',
      'The strokes come in several lengths, all over the screen. Give the Conv block enough filters for the pieces you think an X is made of.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['\\', '/', 'X'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'flatten', 'dense'], maxLayers: 6, maxSteps: 300 },
    stars: [
      { maxParams: 640, proof: { layers: reference } },
      { maxSteps: 150, proof: { layers: reference } },
    ],
    traps: [
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(3)] },
      { idea: 'a hidden Dense layer instead of filters', layers: [flatten(), dense(8), relu(), dense(3)] },
      { idea: 'one filter for three kinds of picture', layers: [conv(1, 3), relu(), flatten(), dense(3)] },
      { idea: 'filters without ReLU', layers: [conv(4, 3), flatten(), dense(3)] },
    ],
    hints: [
      'Three answers: the last Dense block needs 3 units.',
      'Conv, ReLU, Flatten, Dense. How many filters? An X has a "\\" piece, a "/" piece and a middle where they cross.',
      'For a star, use at most 4 filters: 640 parameters.',
    ],
    starter: [conv(1, 3), relu(), flatten(), dense(3)],
    training,
    reference: { layers: reference, training },
  });
}
