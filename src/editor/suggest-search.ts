/**
 * Suggest's search: trains the candidate networks one after another, smallest first, and keeps the
 * best by hidden-test accuracy (fewer parameters on a tie), stopping at the first that wins. How a
 * candidate trains (the worker in the editor, the engine in Node) is the caller's.
 */
import type { Candidate } from './suggest';

/** How one candidate did. */
export interface Trial {
  readonly testAccuracy: number;
  readonly steps: number;
  readonly won: boolean;
  /** The run was cancelled before it was judged. */
  readonly stopped: boolean;
}

/** What the search found. */
export interface SearchOutcome<T extends Trial> {
  /** The best candidate tried and how it did, or null when none was judged. */
  readonly best: { readonly candidate: Candidate; readonly trial: T } | null;
  /** How many candidates were trained (the last one perhaps cut short). */
  readonly tried: number;
  readonly cancelled: boolean;
}

/** Whether `a` beats `b`: higher test accuracy, or as high with fewer parameters. */
function beats(
  a: { candidate: Candidate; trial: Trial },
  b: { candidate: Candidate; trial: Trial },
): boolean {
  if (a.trial.testAccuracy !== b.trial.testAccuracy) return a.trial.testAccuracy > b.trial.testAccuracy;
  return a.candidate.params < b.candidate.params;
}

/**
 * Tries `candidates` in order through `train`; `onTry` hears each before it trains (its index from
 * 0); `cancelled` is asked between candidates (the caller stops a run in progress itself).
 */
export async function searchNetworks<T extends Trial>(
  candidates: readonly Candidate[],
  train: (candidate: Candidate) => Promise<T>,
  onTry: (index: number, candidate: Candidate) => void = () => {},
  cancelled: () => boolean = () => false,
): Promise<SearchOutcome<T>> {
  let best: { candidate: Candidate; trial: T } | null = null;
  for (const [index, candidate] of candidates.entries()) {
    if (cancelled()) return { best, tried: index, cancelled: true };
    onTry(index, candidate);
    const trial = await train(candidate);
    if (trial.stopped) return { best, tried: index + 1, cancelled: true };
    const entry = { candidate, trial };
    if (!best || beats(entry, best)) best = entry;
    if (trial.won) return { best, tried: index + 1, cancelled: false };
  }
  return { best, tried: candidates.length, cancelled: false };
}

/**
 * Trains one candidate on each of `seeds` in turn (the first the level's own), until one run does
 * not win: a network kept as a level's reference must win on every seed `convblocks check` proves
 * it on, so a lucky win on one seed is not a win. Gives the losing run, or the worst winning one.
 */
export async function trialOnSeeds<T extends Trial>(
  seeds: readonly number[],
  trainOnSeed: (seed: number) => Promise<T>,
): Promise<T> {
  let worst: T | null = null;
  for (const seed of seeds) {
    const trial = await trainOnSeed(seed);
    if (trial.stopped || !trial.won) return trial;
    if (!worst || trial.testAccuracy < worst.testAccuracy) worst = trial;
  }
  if (!worst) throw new Error('a candidate is tried on at least one seed');
  return worst;
}
