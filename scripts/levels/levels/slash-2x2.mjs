/** Level 1: a network is votes. Each of four pixels votes for "\" or "/". */
import { adam, dense, distinct, flatten, inkExamples, levelDocument, numberExample } from '../document.mjs';
import { greyVersions } from '../grey.mjs';
import { fromRows } from '../grid.mjs';
import { seedImage } from '../seed-images.mjs';

/** Builds the level document. */
export function build() {
  const pictures = (label, rows) => rows.map((r) => [label, fromRows(r)]);
  const slashes = [
    ['\\', seedImage('backslash')],
    ['/', seedImage('slash')],
  ];
  // Every picture one pixel away from a clean slash still leans its way. Training has six of them;
  // the test keeps the two where the top-right pixel is wrong, the course's own sloppy slashes.
  const sloppy = inkExamples([
    ...pictures('\\', [
      ['..', '.#'],
      ['#.', '##'],
      ['#.', '..'],
    ]),
    ...pictures('/', [
      ['##', '#.'],
      ['.#', '..'],
      ['.#', '##'],
    ]),
  ]);
  // Smudged slashes (pictures are numbers): one pixel three quarters of the way to wrong, a grey
  // stray mark or a grey gap. They teach that no single pixel decides alone: the sloppy test
  // slashes need that, and without them training may stop while one pixel still outvotes the rest.
  const smudged = slashes.flatMap(([label, grid]) =>
    [0, 1, 2, 3].map((pixel) => ({
      label,
      picture: grid.map((row, y) =>
        row.map((ink, x) => (y * 2 + x === pixel ? (ink ? -0.5 : 0.5) : ink ? 1 : -1)),
      ),
    })),
  );
  const train = distinct([...inkExamples(slashes), ...sloppy, ...smudged]);
  // The hidden test, ten pictures so that a lucky guess cannot pass, each one a network whose every
  // pixel votes (1, -1, -1, 1 for "\\") gets right: the course's poorly drawn backslash and
  // incomplete slash; incomplete slashes of one grey pixel on a blank screen; the course's two
  // between them and training (a grey stray mark of 0.6, a missing pixel half there); faint slashes.
  const test = distinct([
    ...inkExamples([...pictures('\\', [['##', '.#']]), ...pictures('/', [['..', '#.']])], train),
    numberExample('\\', [
      [-1, -1],
      [-1, 0.6],
    ]),
    numberExample('/', [
      [-1, -1],
      [0.6, -1],
    ]),
    numberExample('\\', [
      [1, 0.6],
      [-1, 1],
    ]),
    numberExample('/', [
      [-1, -0.4],
      [1, -1],
    ]),
    ...greyVersions(slashes, 2, 1001, { faintest: 0.3 }),
  ]);
  return levelDocument({
    id: 'slash-2x2',
    title: 'Backslash or slash?',
    concept: 'A network is a set of votes: every pixel votes for each answer with a weight.',
    intro: [
      'A picture is just numbers. On this 2x2 screen an ink pixel is 1 and a blank pixel is -1, so a backslash "\\" is the four numbers 1, -1, -1, 1. Some training pictures are smudged: one pixel is grey, a number in between.',
      'A Dense block gives every pixel a weight for each answer. It multiplies each pixel by its weight and adds them up: the answer with the most votes wins.',
      'Training nudges the weights until the votes come out right. Can your network still read sloppy, grey and faint slashes it has never seen?',
    ],
    input: [2, 2, 1],
    blank: -1,
    classes: ['\\', '/'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 300 },
    stars: [
      { maxSteps: 20, proof: { layers: [flatten(), dense(2)], training: adam(0.3) } },
      { maxParams: 10, proof: { layers: [flatten(), dense(2)] } },
    ],
    hints: [
      'A Dense block needs a flat list of numbers: put a Flatten block before it.',
      'The last Dense block needs one unit per answer: 2 units, one vote each for "\\" and "/".',
      'For the steps star, train faster: a bigger learning rate (0.3) takes bigger steps.',
    ],
    starter: [flatten()],
    // A new player's first run (the starter and one Dense, at the default rate) is the reference:
    // `convblocks check` proves the run the player makes. The steps star wants the hint's rate.
    training: adam(0.01),
    reference: { layers: [flatten(), dense(2)], training: adam(0.01) },
  });
}
