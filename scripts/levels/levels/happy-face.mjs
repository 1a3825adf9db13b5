/** Level 9: a face detector: eyes, nose and a smiling mouth, wherever the face is. */
import { adam, conv, dense, flatten, inkExamples, levelDocument, pool, relu } from '../document.mjs';
import { FACE_MOVES, face } from '../faces.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const KINDS = [
  ['happy', 'happy', true],
  ['other', 'sad', true],
  ['other', 'flat', true],
  ['other', 'happy', false],
  ['other', 'surprised', true],
  ['other', 'sad', false],
];

/** Builds the level document. */
export function build() {
  const random = mulberry32(9009);
  // Each kind of face is seen at six of the nine places in training and tested at the other three:
  // 36 training and 18 hidden pictures.
  const moved = KINDS.map(([label, mouth, eyes]) =>
    shuffled(random, FACE_MOVES).map(([dy, dx]) => [label, face(mouth, { eyes, dy, dx })]),
  );
  const test = inkExamples(moved.flatMap((faces) => faces.slice(0, 3)));
  const train = inkExamples(
    moved.flatMap((faces) => faces.slice(3)),
    test,
  );
  const reference = [conv(4, 5), relu(), pool(3), flatten(), dense(2)];
  const training = adam(0.02, 64);
  return levelDocument({
    id: 'happy-face',
    title: 'Find the happy face',
    concept:
      'A filter as big as the face matches the whole face at once, and pooling finds that match wherever it is.',
    intro: [
      'This is a 7x7 face. Here a blank pixel is 0, not -1: only the ink counts.',
      'A happy face has two eyes, a nose and a mouth that curves up. The other faces have the same parts with one thing wrong: a sad, flat or surprised mouth, or no eyes.',
      'The hidden test moves the faces to places the network never saw them. Two knobs help: a filter as big as the face (5x5) can learn the whole face as one pattern, and a Pool block as big as its map keeps the best match wherever it was.',
    ],
    input: [7, 7, 1],
    blank: 0,
    classes: ['happy', 'other'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 8, maxSteps: 500 },
    stars: [
      { maxParams: 120, proof: { layers: reference } },
      { maxSteps: 60, proof: { layers: reference } },
    ],
    traps: [
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(2)] },
      {
        idea: 'small 3x3 filters that never see a whole face',
        layers: [conv(4, 3), relu(), pool(2), flatten(), dense(2)],
      },
      { idea: 'a face-sized filter without pooling', layers: [conv(4, 5), relu(), flatten(), dense(2)] },
    ],
    hints: [
      'Start from what worked for X and O: Conv, ReLU, Pool, Flatten, Dense.',
      'A 3x3 filter sees a mouth corner but not the eye above it: try 5x5 filters.',
      'A 5x5 filter on a 7x7 picture makes a 3x3 map; a 3x3 Pool block then keeps the single best match.',
    ],
    starter: [conv(2, 3), relu(), flatten(), dense(2)],
    training,
    reference: { layers: reference, training },
  });
}
