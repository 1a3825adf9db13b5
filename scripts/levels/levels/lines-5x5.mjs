/** Level 4: a filter is a small picture that lights up wherever its pattern is. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, relu } from '../document.mjs';
import { rotateQuarter, standingBars } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const SIDE = 5;

/** Builds the level document. */
export function build() {
  const bars = standingBars(SIDE);
  // Full-length bars always train: with all ten of them no single layer of votes can separate the
  // classes. Six of the 4-pixel bars are kept for the test: each is two 3-pixel bars the filters know.
  const order = shuffled(
    mulberry32(4004),
    bars.filter(([length]) => length === 4),
  );
  const held = order.slice(0, 6).map(([, grid]) => grid);
  const seen = [...bars.filter(([length]) => length !== 4), ...order.slice(6)].map(([, grid]) => grid);
  // A lying bar is a standing bar turned a quarter: the two classes are placed alike.
  const pairs = (grids) =>
    grids.flatMap((grid) => [
      ['standing', grid],
      ['lying', rotateQuarter(grid)],
    ]);
  const train = inkExamples(pairs(seen));
  const test = inkExamples(pairs(held), train);
  const training = adam(0.03, 64);
  return levelDocument({
    id: 'lines-5x5',
    title: 'Standing or lying?',
    concept: 'A filter is a small picture that is slid over the big one and lights up wherever it matches.',
    intro: [
      'A Conv block holds filters: small pictures, here 3x3. The filter is laid on every 3x3 patch. Each pixel is multiplied by the filter pixel over it, and the products are added up.',
      'Where the patch looks like the filter, the sum is high. So a filter with a standing stroke lights up on standing bars, wherever they are. It makes a new picture, a feature map, that shows where it found one.',
      'Then ReLU keeps the matches and turns the rest into 0. There is only one Dense block here, so the filters must find the bars. Without ReLU, Conv, Flatten and Dense are one big set of votes, and no set of votes can sort these bars.',
    ],
    input: [SIDE, SIDE, 1],
    blank: -1,
    classes: ['standing', 'lying'],
    train,
    test,
    goal: 1,
    limits: {
      blocks: ['conv', 'relu', 'flatten', 'dense'],
      maxLayers: 6,
      maxBlocks: { dense: 1 },
      maxSteps: 500,
    },
    stars: [
      { maxParams: 86, proof: { layers: [conv(3, 3), relu(), flatten(), dense(2)] } },
      { maxSteps: 50, proof: { layers: [conv(4, 3), relu(), flatten(), dense(2)] } },
    ],
    traps: [
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(2)] },
      { idea: 'filters without ReLU', layers: [conv(4, 3), flatten(), dense(2)] },
    ],
    hints: [
      'Conv, ReLU, Flatten, Dense: 4 filters of 3x3 learn in a few dozen steps; 3 filters fit in 86 parameters.',
      'Without ReLU the network stays one layer of votes, whatever you stack.',
      'Look at the trained filters: do they look like a standing and a lying stroke?',
    ],
    starter: [conv(2, 3), flatten(), dense(2)],
    training,
    reference: { layers: [conv(4, 3), relu(), flatten(), dense(2)], training },
  });
}
