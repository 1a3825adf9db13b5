/** The editor's seeded choices for noisy picture variants (the generator is the spec's `seededRandom`). */

/** A function that returns the next number in [0, 1) each call. */
export type Random = () => number;

/** A whole number in [0, n). */
export function randomIndex(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
