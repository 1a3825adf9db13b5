/** Grey versions of ink pictures: pictures are numbers, and ink need not be exactly 1. */
import { mulberry32 } from './random.mjs';

/**
 * Rows of numbers for `grid` where ink is a random shade from `faintest` to 1 and blank a shade
 * from -`faintest` to -1 (or from 0 up to 1 - `faintest` when the blank is 0), rounded to tenths.
 */
export function greyRows(grid, random, faintest, blank = -1) {
  const shade = () => Math.round((faintest + random() * (1 - faintest)) * 10) / 10;
  return grid.map((row) =>
    row.map((ink) => {
      if (ink) return shade();
      return blank === -1 ? -shade() : Math.round((1 - shade()) * 10) / 10;
    }),
  );
}

/** `count` grey versions of each `[label, grid]`, from a seeded generator. */
export function greyVersions(pairs, count, seed, faintest, blank = -1) {
  const random = mulberry32(seed);
  return pairs.flatMap(([label, grid]) =>
    Array.from({ length: count }, () => ({ label, picture: greyRows(grid, random, faintest, blank) })),
  );
}
