/**
 * After the learning rate, before digits: pictures in colour, `[5, 5, 3]`. Red and blue bars have the
 * same brightness, so a grey copy of a red bar is the grey copy of a blue one: only filters that see
 * the channels (F x F x 3 weights, (F*F*3+1)*K parameters) tell the four kinds apart. Standing and
 * lying bars of one colour are not linearly separable (as on lines-5x5), so the filters must find them.
 */
import { adam, conv, dense, flatten, levelDocument, numberExample, pool, relu } from '../document.mjs';
import { rotateQuarter, standingBars } from '../grid.mjs';
import { mulberry32, shuffled } from '../random.mjs';

const SIDE = 5;

/** The colours of the bars as red, green, blue light; the background is black (no light). */
const COLOURS = { red: [1, 0, 0], blue: [0, 0, 1] };
const BLACK = [0, 0, 0];

/** A bar drawn in `colour` on black, as rows of `[red, green, blue]` pixels. */
function colourRows(grid, colour) {
  return grid.map((row) => row.map((ink) => [...(ink ? colour : BLACK)]));
}

/** The four classes of one standing bar: each colour, standing and turned a quarter to lie. */
function fourKinds(grid) {
  return Object.entries(COLOURS).flatMap(([name, colour]) => [
    numberExample(`${name} standing`, colourRows(grid, colour)),
    numberExample(`${name} lying`, colourRows(rotateQuarter(grid), colour)),
  ]);
}

/** Builds the level document. */
export function build() {
  const bars = standingBars(SIDE);
  // As on lines-5x5: every 3- and 5-pixel bar trains, and some 4-pixel bars are kept for the test;
  // each of those is two 3-pixel bars the filters already know.
  const fours = shuffled(
    mulberry32(1313),
    bars.filter(([length]) => length === 4),
  ).map(([, grid]) => grid);
  const held = fours.slice(0, 3);
  const seen = [...bars.filter(([length]) => length !== 4).map(([, grid]) => grid), ...fours.slice(3)];
  const train = seen.flatMap(fourKinds);
  const test = held.flatMap(fourKinds);
  const training = adam(0.03, 64);
  const filters = (count) => [conv(count, 3), relu(), flatten(), dense(4)];
  return levelDocument({
    id: 'colours',
    title: 'Colours',
    concept:
      'A colour picture is three maps, red, green and blue, and a filter has a layer of weights for each.',
    intro: [
      'These pictures are in colour. Each pixel holds three numbers: how much red, green and blue light it has. So a 5x5 colour picture is three 5x5 maps stacked: 5x5x3.',
      'A filter covers all three maps at once. A 3x3 filter here is 3x3x3: 27 weights, one 3x3 layer for each colour, plus one bias.',
      'So a Conv block with K filters has (3 x 3 x 3 + 1) x K parameters. The block shows that sum. The course counts a bigger one: (5 x 5 x 3 + 1) x 10 = 760.',
      'A red bar and a blue bar are equally bright. In grey they look the same. Only filters that look at the colours can sort red from blue, and standing from lying.',
    ],
    input: [SIDE, SIDE, 3],
    blank: 0,
    classes: ['red standing', 'red lying', 'blue standing', 'blue lying'],
    train,
    test,
    goal: 1,
    limits: { blocks: ['conv', 'relu', 'pool', 'flatten', 'dense'], maxLayers: 6, maxSteps: 500 },
    stars: [
      // A pool over the whole 3x3 map keeps each filter's best match: 112 + 20 parameters.
      { maxParams: 140, proof: { layers: [conv(4, 3), relu(), pool(3), flatten(), dense(4)], training } },
      { maxSteps: 60, proof: { layers: filters(8), training } },
    ],
    // A hidden Dense layer with ReLU and no filter (8 units) wins 3 of 5 seeds here: it is no trap.
    traps: [
      { idea: 'Flatten and Dense alone, with no filter', layers: [flatten(), dense(4)], training },
      { idea: 'filters without ReLU', layers: [conv(4, 3), flatten(), dense(4)], training },
      {
        idea: '1x1 filters: they see the colour of each pixel, but no shape',
        layers: [conv(4, 1), relu(), flatten(), dense(4)],
        training,
      },
      {
        idea: 'one filter for four kinds of bar',
        layers: [conv(1, 3), relu(), flatten(), dense(4)],
        training,
      },
    ],
    hints: [
      'Conv with 4 filters of 3x3, ReLU, Flatten, Dense: (3 x 3 x 3 + 1) x 4 = 112 parameters for the filters.',
      'Look at the filters after training: the colour square shows which colour each filter looks for.',
      "For the star under 140 parameters: a Pool with a 3x3 window keeps only each filter's best match.",
    ],
    starter: [conv(2, 3), flatten(), dense(4)],
    training,
    reference: { layers: filters(4), training },
  });
}
