/** Level 6: everything so far together, on the course's own X and O. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { draw, inkPoints, place, shift, thicken } from '../grid.mjs';
import { mulberry32, randomInt, shuffled } from '../random.mjs';
import { seedImage } from '../seed-images.mjs';
import { crossShape, ovalShape, ringShape, tiltedCross } from '../shapes.mjs';

const SIDE = 9;

/** Every way to place a shape in the frame: `[label, grid]` for each top-left corner. */
function everywhere(label, shape) {
  const [height, width] = [shape.length, shape[0].length];
  const placed = [];
  for (let top = 0; top + height <= SIDE; top++) {
    for (let left = 0; left + width <= SIDE; left++)
      placed.push([label, place(shape, SIDE, SIDE, top, left)]);
  }
  return placed;
}

/** The picture moved by every `[dy, dx]` from -1 to 1 that keeps it in the frame. */
function nudged(label, grid) {
  const moved = [];
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) moved.push([label, shift(grid, dy, dx)]);
  }
  return moved.filter(([, picture]) => picture !== null);
}

/** The picture with one ink pixel (chosen by `random`) rubbed out: a stroke drawn too thin. */
function broken(grid, random) {
  const points = inkPoints(grid);
  const gap = randomInt(random, 0, points.length - 1);
  return draw(
    SIDE,
    SIDE,
    points.filter((_, i) => i !== gap),
  );
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(6006);
  const [x, o] = [seedImage('x'), seedImage('o')];
  const some = (pairs, count) => shuffled(random, pairs).slice(0, count);
  const thickX = nudged('X', thicken(x));
  const thickO = nudged('O', thicken(o));
  const small = [...some(everywhere('X', crossShape(5)), 25), ...some(everywhere('O', ringShape(5)), 25)];
  const middle = [...some(everywhere('X', crossShape(6)), 16), ...some(everywhere('O', ringShape(6)), 16)];
  const brokenX = nudged('X', x).map(([label, grid]) => [label, broken(grid, random)]);
  const brokenO = nudged('O', o).map(([label, grid]) => [label, broken(grid, random)]);
  // The test is built first: a training picture that happens to match a test picture is dropped.
  const test = inkExamples([
    ['X', seedImage('x-deformed')],
    ['X', tiltedCross(20, 3.1)],
    ['X', tiltedCross(-20, 3.1)],
    ['X', crossShape(9)],
    ['O', ringShape(9)],
    ['O', place(ovalShape(7, 5), SIDE, SIDE, 1, 2)],
    ['O', place(ovalShape(5, 7), SIDE, SIDE, 2, 1)],
    ...thickX.slice(4, 6),
    ...thickO.slice(4, 6),
    ...small.slice(20, 25),
    ...small.slice(45, 50),
    ...middle.slice(13, 16),
    ...middle.slice(29, 32),
    ...brokenX.slice(6, 8),
    ...brokenO.slice(6, 8),
  ]);
  const train = inkExamples(
    [
      ...nudged('X', x),
      ...nudged('O', o),
      ...thickX.slice(0, 4),
      ...thickO.slice(0, 4),
      ...small.slice(0, 20),
      ...small.slice(25, 45),
      ...middle.slice(0, 13),
      ...middle.slice(16, 29),
      ...brokenX.slice(0, 6),
      ...brokenO.slice(0, 6),
      // Thick strokes at small sizes all over the frame, so thickness is not learned in one place.
      ...some(everywhere('X', thicken(crossShape(5))), 8),
      ...some(everywhere('O', thicken(ringShape(5))), 8),
      // Tilted both ways at smaller sizes; the test has a big one.
      ...[-25, -15, 15, 25].flatMap((degrees) =>
        [
          [4, 4],
          [3, 3],
          [5, 5],
          [3, 5],
          [5, 3],
        ].map((centre) => ['X', tiltedCross(degrees, 2.2, centre)]),
      ),
      ['O', place(ovalShape(5, 6), SIDE, SIDE, 2, 1)],
      ['O', place(ovalShape(6, 5), SIDE, SIDE, 1, 2)],
    ],
    test,
  );
  const reference = [conv(3, 3), relu(), pool(7), flatten(), dense(2)];
  const noPool = (filters, size) => [conv(filters, size), relu(), flatten(), dense(2)];
  const training = adam(0.02, 256);
  return levelDocument({
    id: 'x-vs-o',
    title: 'X or O?',
    concept: 'Filters find the pieces, ReLU keeps the matches, pooling shrinks the maps, and Dense votes.',
    intro: [
      'Tell an X from an O on a 9x9 screen. A computer sees only 81 numbers. An X drawn one pixel to the left shares few of them with the X it learned. Filters fix that: they look for small pieces (a "\\" stroke, a "/" stroke, a crossing, a curve) wherever they are.',
      'A Pool block is new. It keeps only the strongest value of each window. With a 7x7 window on a 7x7 feature map it keeps one number per filter: how well that piece matched anywhere, so a piece that moved still counts.',
      'The budget is 55 parameters and one Conv. Without a Pool even a single filter costs more than that (at least 70, or 56 with a hidden Dense layer); 4 filters and a 7x7 Pool cost 50. (A Conv with a stride shrinks its maps too: the next levels, x-vs-o-moved and stride-and-padding, teach that way.)',
      'The hidden test has the tricky cases: Xs and Os moved, smaller or bigger, tilted, drawn thicker or with a gap, and a wobbly X.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['X', 'O'],
    train,
    test,
    goal: 0.9,
    limits: {
      blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'],
      maxLayers: 8,
      // Without a Pool (or a stride) one Conv costs at least 70, and with a hidden Dense layer 56.
      maxParams: 55,
      // One Conv: a stack of Convs could shrink the maps without a Pool.
      maxBlocks: { conv: 1 },
      maxSteps: 300,
    },
    stars: [
      { maxParams: 40, proof: { layers: reference } },
      { maxSteps: 200, proof: { layers: reference } },
    ],
    traps: [
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(2)] },
      { idea: 'one 7x7 filter and no Pool (70 parameters)', layers: noPool(1, 7) },
      { idea: 'one 9x9 filter and no Pool (86 parameters)', layers: noPool(1, 9) },
      {
        idea: 'two 4x4 Convs stacked, no ReLU and no Pool',
        layers: [conv(1, 4), conv(1, 4), flatten(), dense(2)],
      },
      { idea: 'a Pool on the pixels, with no filter', layers: [pool(3), flatten(), dense(2)] },
    ],
    hints: [
      'Conv, ReLU, Pool, Flatten, Dense: the usual order.',
      'A Pool block with a 7x7 window turns each 7x7 map into one number: 4 filters then cost 50 parameters.',
      'For a star, try 3 filters: how few pieces tell an X from an O?',
    ],
    starter: [conv(4, 3), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
