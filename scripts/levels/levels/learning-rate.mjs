/** Level 12: the learning rate is the size of each training step: too small never arrives, too big blows up. */
import { adam, conv, dense, flatten, levelDocument, relu } from '../document.mjs';
import { build as buildLines } from './lines-5x5.mjs';

const STEPS = 40;

/** Builds the level document. */
export function build() {
  const { train, test } = buildLines();
  return levelDocument({
    id: 'learning-rate',
    title: 'Mind your step',
    concept:
      'The learning rate is the size of each step downhill: too small never arrives, too big jumps past the bottom.',
    intro: [
      'The standing and lying bars are back, and the network is built for you. But training now stops after 40 steps, and it starts with a learning rate of 0.001.',
      'Each training step measures how wrong the votes are (the loss) and moves every weight a little in the direction that makes the loss smaller. The learning rate says how far.',
      'Too small, and 40 steps end long before the bottom. Too big (try 5), and every step overshoots: the loss jumps around or blows up. Find a learning rate that wins in time.',
    ],
    input: [5, 5, 1],
    blank: -1,
    classes: ['standing', 'lying'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'flatten', 'dense'], maxLayers: 6, maxSteps: STEPS },
    stars: [{ maxSteps: 20 }],
    hints: [
      'The network is fine: change the learning rate, not the blocks.',
      'Try ten times bigger, then ten times bigger again, and watch the loss curve.',
      'For the extra star, win in 20 steps: a little bigger still, but not so big that the loss jumps.',
    ],
    starter: [conv(4, 3), relu(), flatten(), dense(2)],
    training: adam(0.001, 64),
    reference: { layers: [conv(4, 3), relu(), flatten(), dense(2)], training: adam(0.05, 64) },
  });
}
