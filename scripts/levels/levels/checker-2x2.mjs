/** Level 3: one layer of votes cannot tell checkers from stripes; a hidden layer with ReLU can. */
import { adam, dense, distinct, flatten, inkExamples, levelDocument, relu } from '../document.mjs';
import { greyVersions } from '../grey.mjs';
import { fromRows } from '../grid.mjs';

const CHECKERS = [
  ['checker', fromRows(['#.', '.#'])],
  ['checker', fromRows(['.#', '#.'])],
];
const STRIPES = [
  ['stripes', fromRows(['##', '..'])],
  ['stripes', fromRows(['..', '##'])],
  ['stripes', fromRows(['#.', '#.'])],
  ['stripes', fromRows(['.#', '.#'])],
];

/** Builds the level document. */
export function build() {
  const shapes = [...CHECKERS, ...STRIPES];
  const train = distinct([
    ...inkExamples(shapes),
    ...greyVersions(CHECKERS, 6, 3002, { faintest: 0.3 }),
    ...greyVersions(STRIPES, 3, 3003, { faintest: 0.3 }),
  ]);
  const test = distinct([
    ...greyVersions(CHECKERS, 4, 3004, { faintest: 0.5 }),
    ...greyVersions(STRIPES, 2, 3005, { faintest: 0.5 }),
  ]);
  return levelDocument({
    id: 'checker-2x2',
    title: 'Checkers or stripes?',
    concept: 'One layer of votes cannot draw every border; a hidden layer with ReLU can.',
    intro: [
      'A checker has ink on a diagonal. Stripes have ink on one side. Try a single Dense block first and watch it get stuck.',
      'It has to get stuck. Every ink pixel of a checker is also ink in some stripes. Adding up both checkers gives the same votes as adding up all four stripes. So no set of weights can favour both checkers and all four stripes.',
      'The fix is a hidden layer. A first Dense block finds small patterns. ReLU keeps only the positive ones (it turns negatives into 0). A last Dense block votes on the patterns.',
    ],
    input: [2, 2, 1],
    blank: -1,
    classes: ['checker', 'stripes'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['flatten', 'dense', 'relu'], maxLayers: 6, maxSteps: 500 },
    stars: [
      { maxParams: 37, proof: { layers: [flatten(), dense(5), relu(), dense(2)] } },
      { maxSteps: 20, proof: { layers: [flatten(), dense(8), relu(), dense(2)], training: adam(0.1, 32) } },
    ],
    traps: [
      { idea: 'a single Dense block', layers: [flatten(), dense(2)] },
      { idea: 'two Dense blocks without ReLU', layers: [flatten(), dense(8), dense(2)] },
    ],
    hints: [
      'Put Dense, ReLU, Dense after the Flatten: the first Dense block with a few units, the last with 2.',
      'Without ReLU two Dense blocks are no better than one: votes of votes are still just votes.',
      'For a star, 5 hidden units are enough: 37 parameters (in theory even 2 are, one for each checker).',
    ],
    starter: [flatten(), dense(2)],
    training: adam(0.05, 32),
    reference: { layers: [flatten(), dense(8), relu(), dense(2)], training: adam(0.05, 32) },
  });
}
