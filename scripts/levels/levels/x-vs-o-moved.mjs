/** Level 7: pooling forgives shifts and shrinks the maps, which a parameter budget rewards. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { place } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';
import { crossShape, ringShape } from '../shapes.mjs';

const SIDE = 12;

/** Every placement of a shape in the frame, in a seeded random order, as `[label, grid]`. */
function placements(random, label, shape) {
  const size = shape.length;
  const all = [];
  for (let top = 0; top + size <= SIDE; top++) {
    for (let left = 0; left + size <= SIDE; left++) all.push([label, place(shape, SIDE, SIDE, top, left)]);
  }
  return shuffled(random, all);
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(7007);
  const sets = [5, 6, 7].flatMap((size) => [
    placements(random, 'X', crossShape(size)),
    placements(random, 'O', ringShape(size)),
  ]);
  const test = inkExamples(sets.flatMap((set) => set.slice(0, 3)));
  const train = inkExamples(
    sets.flatMap((set) => set.slice(3, 15)),
    test,
  );
  const reference = [conv(6, 3), relu(), pool(10), flatten(), dense(2)];
  const training = adam(0.01, 128);
  return levelDocument({
    id: 'x-vs-o-moved',
    title: 'X or O, anywhere',
    concept:
      'Pooling keeps the strongest match of each window: the maps shrink and small moves stop mattering.',
    intro: [
      'Now the screen is 12x12 and the Xs and Os wander all over it. The hidden test puts them in places the network never saw them.',
      'A Dense block after a big feature map needs a weight for every value of it, for every answer: that is a lot of parameters, and each one only knows its own spot.',
      'Pooling helps twice. A Pool block keeps only the strongest value of each window. A 3x3 window with "same" padding turns a 10x10 map into 4x4, about six times smaller. And a piece found one pixel further along still counts. The budget is 150 parameters: 3x3 filters without pooling or a stride do not fit.',
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
      maxParams: 150,
      maxSteps: 400,
    },
    stars: [
      { maxParams: 50, proof: { layers: [conv(4, 3), relu(), pool(10), flatten(), dense(2)] } },
      { maxSteps: 100, proof: { layers: reference } },
    ],
    traps: [
      {
        idea: 'no pooling: one 6x6 filter that fits the budget',
        layers: [conv(1, 6), relu(), flatten(), dense(2)],
      },
      {
        idea: 'a stride instead of pooling, on one filter',
        layers: [conv(1, 3, 2), relu(), flatten(), dense(2)],
      },
    ],
    hints: [
      'Count the parameters: a Conv block with 4 filters of 3x3 makes 10x10x4 = 400 values, so Dense needs 400 x 2 weights and 2 biases: 802.',
      'Pool after ReLU. The bigger the window, the smaller the map: a 10x10 window keeps one value per filter, the best match anywhere.',
      'For a star, 4 filters and a 10x10 Pool block need only 50 parameters.',
    ],
    starter: [conv(4, 3), relu(), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
