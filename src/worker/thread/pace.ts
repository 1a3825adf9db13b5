import type { Speed } from '../../spec';

/** How one speed plays out: how many steps per second, and how often the views are refreshed. */
export interface Pace {
  /** Steps per second; null trains as fast as the backend goes. */
  readonly stepsPerSecond: number | null;
  /**
   * The least time between two snapshots for the views; 0 sends one after every step. The page
   * gets the newest accuracy check with each, so this is also how often it draws.
   */
  readonly snapshotEveryMs: number;
  /** The least time between two accuracy checks (a check reads every training picture). */
  readonly evaluateEveryMs: number;
  /**
   * Every step is checked, however long a check takes: slow motion promises the player each step's
   * numbers, where the other speeds keep checking to a small share of the time.
   */
  readonly checkEveryStep?: boolean;
}

/** About 15 view updates a second: smooth to the eye, a few KB each. */
const VIEW_INTERVAL_MS = 1000 / 15;
/**
 * The fastest speed draws 10 times a second: its worker holds a core the page's frames also need on
 * a two-core machine, so each drawn frame there costs about twice as long.
 */
const FASTEST_VIEW_INTERVAL_MS = 100;

/**
 * The speeds as one table. Slow motion draws every step; the default ('normal') lets a beginner
 * watch the votes change over the few dozen steps a seed level needs; 'fastest' never waits.
 */
export const PACES: { readonly [S in Speed]: Pace } = {
  'slow-motion': { stepsPerSecond: 3, snapshotEveryMs: 0, evaluateEveryMs: 0, checkEveryStep: true },
  slow: { stepsPerSecond: 8, snapshotEveryMs: 0, evaluateEveryMs: 0 },
  // Every step of the default speed is drawn: one step per 50 ms tick, each with its snapshot and
  // check (40, not 50, so a tick that ends a little early still sends one).
  normal: { stepsPerSecond: 20, snapshotEveryMs: 40, evaluateEveryMs: 0 },
  fast: { stepsPerSecond: 100, snapshotEveryMs: VIEW_INTERVAL_MS, evaluateEveryMs: 50 },
  fastest: { stepsPerSecond: null, snapshotEveryMs: FASTEST_VIEW_INTERVAL_MS, evaluateEveryMs: 100 },
};

/** The shortest a training chunk runs before the loop yields, so pause and stop act at once. */
export const CHUNK_MS = 30;

/**
 * The next chunk: how many steps to take, and how long the chunk with its pause should last.
 * `stepMs` is the measured time of one step (null before the first), which sizes unpaced chunks.
 */
export function nextChunk(pace: Pace, stepMs: number | null): { steps: number; tickMs: number } {
  if (pace.stepsPerSecond === null) {
    // As many steps as fit in one chunk; the first step alone, so it shows at once and is timed.
    const steps = stepMs === null ? 1 : Math.floor(CHUNK_MS / Math.max(stepMs, 0.01));
    return { steps: Math.max(1, steps), tickMs: 0 };
  }
  const tickMs = Math.max(1000 / pace.stepsPerSecond, CHUNK_MS);
  return { steps: Math.max(1, Math.round((pace.stepsPerSecond * tickMs) / 1000)), tickMs };
}
