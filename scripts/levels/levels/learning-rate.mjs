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
      'Too small, and 40 steps end long before the bottom. Too big (try 1), and steps overshoot: the loss jumps around. Find a learning rate that wins in time.',
    ],
    input: [5, 5, 1],
    blank: -1,
    classes: ['standing', 'lying'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'flatten', 'dense'], maxLayers: 6, maxSteps: STEPS },
    stars: [
      {
        maxSteps: 30,
        proof: { layers: [conv(6, 3), relu(), flatten(), dense(2)], training: adam(0.03, 64) },
      },
      {
        maxSteps: 20,
        proof: { layers: [conv(12, 3), relu(), flatten(), dense(2)], training: adam(0.03, 64) },
      },
    ],
    traps: [
      {
        idea: 'the starting learning rate of 0.001: too small to arrive in 40 steps',
        layers: [conv(4, 3), relu(), flatten(), dense(2)],
      },
    ],
    hints: [
      'The network is fine: change the learning rate, not the blocks.',
      'Try 0.03, and watch the loss curve: it should fall fast but smoothly.',
      'For the stars, keep 0.03 and give the Conv block more filters: 6 win within 30 steps, 12 within 20.',
    ],
    starter: [conv(4, 3), relu(), flatten(), dense(2)],
    training: adam(0.001, 64),
    reference: { layers: [conv(4, 3), relu(), flatten(), dense(2)], training: adam(0.03, 64) },
  });
}
