/** Level 1: a network is votes. Each of four pixels votes for "\" or "/". */
import { adam, dense, flatten, inkExamples, levelDocument } from '../document.mjs';
import { fromRows } from '../grid.mjs';
import { seedImage } from '../seed-images.mjs';

/** Builds the level document. */
export function build() {
  const pictures = (label, rows) => rows.map((r) => [label, fromRows(r)]);
  const train = inkExamples([
    ['\\', seedImage('backslash')],
    ['/', seedImage('slash')],
    // One pixel too many or one missing, so the votes learn that every pixel counts.
    ...pictures('\\', [
      ['#.', '##'],
      ['#.', '..'],
    ]),
    ...pictures('/', [
      ['.#', '##'],
      ['.#', '..'],
    ]),
  ]);
  const test = inkExamples(
    [
      // The course's poorly drawn backslash and incomplete slash, and their mirror cases.
      ...pictures('\\', [
        ['##', '.#'],
        ['..', '.#'],
      ]),
      ...pictures('/', [
        ['..', '#.'],
        ['##', '#.'],
      ]),
    ],
    train,
  );
  return levelDocument({
    id: 'slash-2x2',
    title: 'Backslash or slash?',
    concept: 'A network is a set of votes: every pixel votes for each answer with a weight.',
    intro: [
      'A picture is just numbers. On this 2x2 screen an ink pixel is 1 and a blank pixel is -1, so a backslash "\\" is the four numbers 1, -1, -1, 1.',
      'A Dense block gives every pixel a weight for each answer. It multiplies each pixel by its weight and adds them up: the answer with the most votes wins.',
      'Training nudges the weights until the votes come out right. Can your network still read a sloppy slash it has never seen?',
    ],
    input: [2, 2, 1],
    blank: -1,
    classes: ['\\', '/'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 300 },
    stars: [{ maxSteps: 20 }],
    hints: [
      'A Dense block needs a flat list of numbers: put a Flatten block before it.',
      'The last Dense block needs one unit per answer: 2 units, one vote each for "\\" and "/".',
      'For the extra star, train faster: a bigger learning rate takes bigger steps.',
    ],
    starter: [flatten()],
    reference: { layers: [flatten(), dense(2)], training: adam(0.1, 6) },
  });
}
