import { MAX, SpecError } from '../spec';
import { expectBoolean, expectId, expectInt, expectNumber, expectRecord, expectTime, join } from './fields';

/**
 * The most steps a kept record may say a win took. Levels were once allowed a million steps, and a
 * record of those days must still load, so this is not `MAX.steps`.
 */
const MAX_RECORDED_STEPS = 1_000_000;

/** The most stars a level gives: one for the goal and one per star rule (a level has at most two). */
export const MAX_STARS = 3;

/** The best a player has done on one level; kept forever, only ever improved. */
export interface ProgressRecord {
  readonly levelId: string;
  readonly won: boolean;
  readonly stars: number;
  /** The best test accuracy reached, from 0 to 1, won or not. */
  readonly bestAccuracy: number;
  /** The smallest winning network's parameter count; null until the level is won. */
  readonly fewestParams: number | null;
  /** The fewest training steps a win took; null until the level is won. */
  readonly fewestSteps: number | null;
  /** When the level was first won. */
  readonly wonAt: string | null;
  /** When any of these bests last improved. */
  readonly updatedAt: string;
}

/** One judged attempt at a level, as the game reports it. */
export interface LevelResult {
  readonly won: boolean;
  readonly stars: number;
  readonly accuracy: number;
  readonly params: number;
  readonly steps: number;
}

/** The progress record a single attempt would make on its own. */
export function progressFromResult(levelId: string, result: LevelResult, at: string): ProgressRecord {
  return {
    levelId,
    won: result.won,
    stars: result.won ? result.stars : 0,
    bestAccuracy: result.accuracy,
    fewestParams: result.won ? result.params : null,
    fewestSteps: result.won ? result.steps : null,
    wonAt: result.won ? at : null,
    updatedAt: at,
  };
}

const smaller = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Combines two records of the same level so that no better result of either is lost. */
export function mergeProgress(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  return {
    levelId: a.levelId,
    won: a.won || b.won,
    stars: Math.max(a.stars, b.stars),
    bestAccuracy: Math.max(a.bestAccuracy, b.bestAccuracy),
    fewestParams: smaller(a.fewestParams, b.fewestParams),
    fewestSteps: smaller(a.fewestSteps, b.fewestSteps),
    wonAt: earlier(a.wonAt, b.wonAt),
    updatedAt: Date.parse(a.updatedAt) >= Date.parse(b.updatedAt) ? a.updatedAt : b.updatedAt,
  };
}

/** True when `merged` holds anything better than `before` (so it is worth writing). */
export function progressImproved(before: ProgressRecord | undefined, merged: ProgressRecord): boolean {
  if (!before) return true;
  return (
    merged.won !== before.won ||
    merged.stars !== before.stars ||
    merged.bestAccuracy !== before.bestAccuracy ||
    merged.fewestParams !== before.fewestParams ||
    merged.fewestSteps !== before.fewestSteps ||
    merged.wonAt !== before.wonAt
  );
}

const PROGRESS_FIELDS = [
  'levelId',
  'won',
  'stars',
  'bestAccuracy',
  'fewestParams',
  'fewestSteps',
  'wonAt',
  'updatedAt',
] as const;

const nullable = <T>(value: unknown, read: (v: unknown) => T): T | null =>
  value === null ? null : read(value);

/** Checks a progress record read from storage or a backup; throws a SpecError naming the field and value. */
export function parseProgress(value: unknown, field = ''): ProgressRecord {
  const record = expectRecord(value, field, PROGRESS_FIELDS);
  const at = (key: string) => join(field, key);
  const progress: ProgressRecord = {
    levelId: expectId(record.levelId, at('levelId')),
    won: expectBoolean(record.won, at('won')),
    stars: expectInt(record.stars, at('stars'), 0, MAX_STARS),
    bestAccuracy: expectNumber(record.bestAccuracy, at('bestAccuracy'), 0, 1),
    fewestParams: nullable(record.fewestParams, (v) => expectInt(v, at('fewestParams'), 0, MAX.params)),
    fewestSteps: nullable(record.fewestSteps, (v) => expectInt(v, at('fewestSteps'), 0, MAX_RECORDED_STEPS)),
    wonAt: nullable(record.wonAt, (v) => expectTime(v, at('wonAt'))),
    updatedAt: expectTime(record.updatedAt, at('updatedAt')),
  };
  checkWonFields(progress, field);
  return progress;
}

/** A won level has its stars, bests and date; a level not yet won has none of them. */
function checkWonFields(progress: ProgressRecord, field: string): void {
  const won = progress.won;
  if (won && progress.stars < 1) {
    throw new SpecError(join(field, 'stars'), `a won level has at least 1 star but got ${progress.stars}`);
  }
  if (!won && progress.stars > 0) {
    throw new SpecError(join(field, 'stars'), `a level not yet won has no stars but got ${progress.stars}`);
  }
  for (const key of ['fewestParams', 'fewestSteps', 'wonAt'] as const) {
    const present = progress[key] !== null;
    if (won && !present) throw new SpecError(join(field, key), 'is missing for a won level (got null)');
    if (!won && present) {
      throw new SpecError(join(field, key), `expected null for a level not yet won but got ${progress[key]}`);
    }
  }
}

/** `base` with whatever `candidate` does better; `base` itself (its dates too) when nothing is better. */
export function betterProgress(base: ProgressRecord | undefined, candidate: ProgressRecord): ProgressRecord {
  if (!base) return candidate;
  const merged = mergeProgress(base, candidate);
  return progressImproved(base, merged) ? merged : base;
}

/** A progress row as another tab or version left it; one that does not read is treated as absent. */
export function readStoredProgress(row: unknown): ProgressRecord | undefined {
  if (row === undefined) return undefined;
  try {
    return parseProgress(row);
  } catch {
    return undefined;
  }
}
