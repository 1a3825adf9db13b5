/** Level 13, the last: everything at once, on handwritten-looking digits. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { fromRows, place, thicken } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const SIDE = 8;

/** Two drawings of each digit in a 6-row box, as a careful and a hurried hand might write them. */
const GLYPHS = {
  0: [
    ['.##.', '#..#', '#..#', '#..#', '#..#', '.##.'],
    ['.###', '#..#', '#..#', '#..#', '#..#', '###.'],
  ],
  1: [
    ['..#.', '.##.', '..#.', '..#.', '..#.', '.###'],
    ['...#', '..##', '...#', '...#', '...#', '...#'],
  ],
  4: [
    ['#..#', '#..#', '####', '...#', '...#', '...#'],
    ['..#.', '.##.', '#.#.', '####', '..#.', '..#.'],
  ],
  7: [
    ['####', '...#', '..#.', '..#.', '.#..', '.#..'],
    ['####', '...#', '...#', '..#.', '..#.', '..#.'],
  ],
};

/** Every drawing of a digit, thin and thick, at every place in the frame, in a seeded order. */
function writings(random, digit) {
  const all = [];
  for (const rows of GLYPHS[digit]) {
    for (const glyph of [fromRows(rows), thicken(fromRows(rows))]) {
      const [height, width] = [glyph.length, glyph[0].length];
      for (let top = 0; top + height <= SIDE; top++) {
        for (let left = 0; left + width <= SIDE; left++) {
          all.push([String(digit), place(glyph, SIDE, SIDE, top, left)]);
        }
      }
    }
  }
  return shuffled(random, all);
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(13013);
  const sets = Object.keys(GLYPHS).map((digit) => writings(random, digit));
  const test = inkExamples(sets.flatMap((set) => set.slice(0, 5)));
  const train = inkExamples(
    sets.flatMap((set) => set.slice(5, 50)),
    test,
  );
  const reference = [
    conv(8, 3, 1, 'same'),
    relu(),
    pool(2),
    conv(8, 3, 1, 'same'),
    relu(),
    pool(2),
    flatten(),
    dense(4),
  ];
  const training = adam(0.01, 128);
  return levelDocument({
    id: 'digits',
    title: 'Read the digits',
    concept: 'Everything at once: filters, ReLU, pooling, a stack of layers and a vote among four answers.',
    intro: [
      'The last level: the digits 0, 1, 4 and 7 on an 8x8 screen, written by two hands, thin or thick, anywhere in the frame.',
      'Nothing here is new. Think about the pieces a digit is made of, how far a digit can move, and how many answers there are.',
      'The hidden test has digits in places and strokes the network has not seen together.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['0', '1', '4', '7'],
    train,
    test,
    goal: 0.9,
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 10, maxSteps: 600 },
    stars: [
      { maxParams: 800, proof: { layers: reference } },
      { maxSteps: 100, proof: { layers: reference } },
    ],
    traps: [{ idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(4)] }],
    hints: [
      'Four answers: the last Dense block needs 4 units.',
      'Digits have more pieces than X and O: give the Conv block more filters.',
      'Stack two rounds of Conv, ReLU and Pool: strokes first, then the shapes strokes make.',
    ],
    training,
    reference: { layers: reference, training },
  });
}
