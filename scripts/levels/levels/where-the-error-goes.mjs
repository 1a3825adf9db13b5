/**
 * Before learning-rate: the error drives the weights. Ink on the left or the right of a 5x6 screen,
 * one Dense layer whose weights a player can nudge by hand, plain gradient descent,
 * and the batch size and the epochs in view.
 */
import { dense, flatten, inkExamples, levelDocument } from '../document.mjs';
import { draw } from '../grid.mjs';
import { mulberry32, randomInt } from '../random.mjs';

const [HEIGHT, WIDTH] = [5, 6];

/** Plain gradient descent (no momentum): each weight moves by the learning rate times its slope. */
const sgd = (learningRate, batchSize) => ({
  optimizer: 'sgd',
  learningRate,
  momentum: 0,
  batchSize,
  seed: 1,
});

/** The network the level is about: every pixel votes for each class with one weight. */
const VOTES = [flatten(), dense(2)];

/** A picture with `count` different pixels of ink, all in the left or the right half. */
function marks(side, count, random) {
  const cells = new Set();
  while (cells.size < count) cells.add(randomInt(random, 0, HEIGHT * (WIDTH / 2) - 1));
  const left = side === 'left' ? 0 : WIDTH / 2;
  const points = [...cells].map((cell) => [Math.floor(cell / 3), left + (cell % 3)]);
  return draw(HEIGHT, WIDTH, points);
}

/** `count` pictures of each side, each with `ink` pixels of ink. */
function pictures(random, count, ink) {
  const pairs = [];
  for (let i = 0; i < count; i++) {
    pairs.push(['left', marks('left', ink, random)]);
    pairs.push(['right', marks('right', ink, random)]);
  }
  return pairs;
}

/** Builds the level document. */
export function build() {
  const random = mulberry32(1414);
  // The test is built first: a training picture that happens to match a test picture is dropped.
  const test = inkExamples([...pictures(random, 4, 3), ...pictures(random, 4, 4)]);
  const train = inkExamples([...pictures(random, 10, 2), ...pictures(random, 10, 3)], test);
  return levelDocument({
    id: 'where-the-error-goes',
    title: 'Where the error goes',
    concept:
      'The error between the right answer and the network’s answer tells every weight which way to move.',
    intro: [
      'Is the ink on the left or on the right? A network learns it from its error. For a "left" picture the right answer is 1 for left and 0 for right. The error is the right answer minus the network’s answer.',
      'Open "Where the error goes" and pick a picture. Choose one weight and nudge it up and down: the error moves. Then press Step. Gradient descent moves every weight a little, each the way that makes the error smaller.',
      'The batch size is how many pictures one step looks at. One epoch is one pass over all the training pictures. Watch the epoch counter as you train, or pick a number of epochs and train just that many passes.',
      'Careful: each step moves the weights only a little. With a learning rate of 0.001 the steps are so tiny that the error hardly moves, and the network stays a guess.',
    ],
    input: [HEIGHT, WIDTH, 1],
    blank: -1,
    classes: ['left', 'right'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 200 },
    stars: [
      // The reference (learning rate 0.1) takes 60 to 80 steps; a learning rate of 1 takes 10 to 20.
      { maxSteps: 50, proof: { layers: VOTES, training: sgd(1, 16) } },
      { maxSteps: 20, proof: { layers: VOTES, training: sgd(1, 64) } },
    ],
    traps: [
      {
        idea: 'Steps too tiny to matter: a learning rate of 0.001 leaves the error where it started',
        layers: VOTES,
        training: sgd(0.001, 8),
      },
    ],
    hints: [
      'Pick a picture with ink on the left, choose a weight from one of its ink pixels to "left", and nudge it up: the left vote grows and the error shrinks.',
      'For the stars, take bigger steps: a learning rate of 1 wins within 20 steps.',
      'A batch size of 64 is bigger than the 39 training pictures: every step then looks at all of them, and one step is one epoch.',
    ],
    starter: VOTES,
    training: sgd(0.1, 8),
    reference: { layers: VOTES, training: sgd(0.1, 8) },
  });
}
