/** Level 10: softmax over three classes: happy, sad and surprised faces. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { FACE_MOVES, face } from '../faces.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const MOODS = ['happy', 'sad', 'surprised'];

/** Builds the level document. */
export function build() {
  const random = mulberry32(10010);
  const moved = MOODS.map((mood) =>
    shuffled(random, FACE_MOVES).map(([dy, dx]) => [mood, face(mood, { dy, dx })]),
  );
  const test = inkExamples(moved.flatMap((faces) => faces.slice(0, 3)));
  const train = inkExamples(
    moved.flatMap((faces) => faces.slice(3)),
    test,
  );
  const reference = [conv(4, 5), relu(), pool(3), flatten(), dense(3)];
  const training = adam(0.01, 64);
  return levelDocument({
    id: 'three-faces',
    title: 'Happy, sad or surprised?',
    concept:
      'With three answers the votes are shared out by softmax: the probabilities always add up to 100%.',
    intro: [
      'Three moods, one mouth each: a smile, a frown, and the small open mouth of surprise.',
      'The last Dense block now has three units. Softmax turns their totals into three probabilities that add up to 100%, so making one answer more likely makes the others less likely.',
      'Watch the probabilities while it trains: at first each face gets about a third for each mood; then the right mood takes over.',
    ],
    input: [7, 7, 1],
    blank: 0,
    classes: MOODS,
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 8, maxSteps: 500 },
    stars: [
      { maxSteps: 100, proof: { layers: reference } },
      { maxSteps: 50, proof: { layers: reference, training: adam(0.03, 64) } },
    ],
    traps: [{ idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(3)] }],
    hints: [
      'Three answers: the last Dense block needs 3 units.',
      'What found the happy face finds these too: big filters and a Pool block over the whole map.',
      'For the stars, a learning rate of 0.03 wins in fewer steps.',
    ],
    starter: [conv(4, 5), relu(), pool(3), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
