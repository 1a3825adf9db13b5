/** Level 2: more answers, more outputs; the votes become probabilities. */
import { adam, dense, distinct, flatten, inkExamples, levelDocument } from '../document.mjs';
import { greyVersions } from '../grey.mjs';
import { fromRows } from '../grid.mjs';

const SHAPES = [
  ['\\', fromRows(['#.', '.#'])],
  ['/', fromRows(['.#', '#.'])],
  ['top line', fromRows(['##', '..'])],
  ['bottom line', fromRows(['..', '##'])],
];

/** Builds the level document. */
export function build() {
  const train = distinct([...inkExamples(SHAPES), ...greyVersions(SHAPES, 2, 2002, { faintest: 0.5 })]);
  const test = distinct(greyVersions(SHAPES, 3, 2003, { faintest: 0.3 }));
  return levelDocument({
    id: 'four-ways-2x2',
    title: 'Four ways to draw a line',
    concept: 'One output per answer: the votes are turned into probabilities that add up to 100%.',
    intro: [
      'Now there are four answers: "\\", "/", a line at the top and a line at the bottom.',
      'The last Dense block needs one unit per answer. Each unit adds up its own votes, and the game turns the four totals into probabilities: the biggest total gets the biggest share.',
      'Pictures are numbers, and not every pen is black: some of these lines are faint grey, somewhere between 1 and -1.',
    ],
    input: [2, 2, 1],
    blank: -1,
    classes: SHAPES.map(([label]) => label),
    train,
    test,
    goal: 1,
    limits: { blocks: ['flatten', 'dense'], maxLayers: 3, maxSteps: 300 },
    stars: [
      { maxSteps: 30, proof: { layers: [flatten(), dense(4)] } },
      { maxSteps: 10, proof: { layers: [flatten(), dense(4)], training: adam(0.3, 32) } },
    ],
    hints: [
      'Four answers need a last Dense block with 4 units.',
      'Look at the votes: each answer should get positive weights on its own ink pixels and negative ones elsewhere.',
      'For the stars, a bigger learning rate (0.3) takes bigger steps.',
    ],
    starter: [flatten(), dense(2)],
    training: adam(0.1, 32),
    reference: { layers: [flatten(), dense(4)], training: adam(0.1, 32) },
  });
}
