/**
 * A seeded generator (mulberry32): the same seed gives the same numbers in every browser and in Node,
 * so weights start the same on every backend and generated pictures are the same for everyone. It
 * lives with the formats because it imports nothing: the page, the editor and the engine share it.
 * Never Math.random.
 */
export function seededRandom(seed: number): SeededRandom {
  return resumedRandom(seed);
}

/** A seeded generator whose `state` can be read, to go on with the same numbers elsewhere. */
export type SeededRandom = (() => number) & { readonly state: number };

/** The generator that goes on from `state`, a SeededRandom's `state` read earlier. */
export function resumedRandom(state: number): SeededRandom {
  let current = state >>> 0;
  const next = () => {
    current = (current + 0x6d2b79f5) >>> 0;
    let t = current;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.defineProperty(next, 'state', { get: () => current }) as SeededRandom;
}

/** Fisher-Yates shuffle of 0..n-1 driven by `random`. */
export function shuffledIndices(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}
