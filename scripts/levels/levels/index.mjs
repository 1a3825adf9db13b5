/** The built-in levels, in the order a player meets them. */
import * as checker2x2 from './checker-2x2.mjs';
import * as colours from './colours.mjs';
import * as deepStack from './deep-stack.mjs';
import * as diagonals9x9 from './diagonals-9x9.mjs';
import * as digits from './digits.mjs';
import * as fewOrMany from './few-or-many.mjs';
import * as fourWays2x2 from './four-ways-2x2.mjs';
import * as happyFace from './happy-face.mjs';
import * as learningRate from './learning-rate.mjs';
import * as lines5x5 from './lines-5x5.mjs';
import * as matchByHand from './match-by-hand.mjs';
import * as slash2x2 from './slash-2x2.mjs';
import * as strideAndPadding from './stride-and-padding.mjs';
import * as threeFaces from './three-faces.mjs';
import * as whereTheErrorGoes from './where-the-error-goes.mjs';
import * as xVsO from './x-vs-o.mjs';
import * as xVsOMoved from './x-vs-o-moved.mjs';

const LEVELS = [
  slash2x2,
  fourWays2x2,
  checker2x2,
  lines5x5,
  diagonals9x9,
  matchByHand,
  xVsO,
  xVsOMoved,
  strideAndPadding,
  fewOrMany,
  happyFace,
  threeFaces,
  deepStack,
  whereTheErrorGoes,
  learningRate,
  colours,
  digits,
];

/** Every level document, in play order. */
export function buildLevels() {
  return LEVELS.map((level) => level.build());
}
