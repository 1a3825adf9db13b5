/**
 * A tiny seeded generator (mulberry32) for noisy picture variants: the engine's generator pulls in
 * TensorFlow.js, which the page must not load, and the same seed must give the same variants.
 */

/** A function that returns the next number in [0, 1) each call. */
export type Random = () => number;

/** A generator whose sequence depends only on `seed` (any whole number). */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
