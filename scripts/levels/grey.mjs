/** Grey versions of ink pictures: pictures are numbers, and ink need not be exactly 1. */
import { mulberry32 } from './random.mjs';

/**
 * Rows of numbers for `grid`: ink is a random shade from `faintest` to `strongest`, and blank is
 * the same shade below zero when the blank is -1, or `1 - shade` when the blank is 0. Tenths only.
 */
export function greyRows(grid, random, { faintest, strongest = 1, blank = -1 }) {
  const shade = () => Math.round((faintest + random() * (strongest - faintest)) * 10) / 10;
  return grid.map((row) =>
    row.map((ink) => {
      if (ink) return shade();
      return blank === -1 ? -shade() : Math.round((1 - shade()) * 10) / 10;
    }),
  );
}

/** `count` grey versions of each `[label, grid]`, from a generator seeded with `seed`. */
export function greyVersions(pairs, count, seed, shades) {
  const random = mulberry32(seed);
  return pairs.flatMap(([label, grid]) =>
    Array.from({ length: count }, () => ({ label, picture: greyRows(grid, random, shades) })),
  );
}
