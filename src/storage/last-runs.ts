import { MAX, type NetworkSpec, networkToDocument, parseNetwork, SpecError } from '../spec';
import {
  expectBoolean,
  expectId,
  expectInt,
  expectList,
  expectNumber,
  expectOneOf,
  expectRecord,
  expectTime,
  join,
  nested,
} from './fields';
import { MAX_STARS } from './progress';

/**
 * The last judged run of each level: the network as it was trained, with its weights, and the
 * verdict on the hidden test pictures, so a reopened level shows both again. Since version 3.
 */

/** How a judged run ended (a stopped or diverged run has no verdict). */
export type JudgedReason = 'learned' | 'step-limit';
const JUDGED_REASONS: readonly JudgedReason[] = ['learned', 'step-limit'];

/** The verdict as kept: what the judge said, and what it was said from. */
export interface KeptVerdict {
  readonly won: boolean;
  readonly stars: number;
  /** The share of test pictures voted right, from 0 to 1. */
  readonly accuracy: number;
  /** The training step the run ended at. */
  readonly step: number;
  readonly reason: JudgedReason;
  /** The share of training pictures voted right at the last check. */
  readonly trainAccuracy: number;
  /** The class each test picture was voted (the wrong pictures are those whose vote is not their class). */
  readonly predicted: readonly number[];
  /** `predicted.length * classes` test probabilities, picture after picture. */
  readonly probabilities: readonly number[];
}

/** One point of the run's loss and accuracy curves. */
export interface CurvePoint {
  readonly step: number;
  readonly loss: number;
  /** The share of training pictures voted right, 0 to 1. */
  readonly trainAccuracy: number;
  /** The share of test pictures voted right, where it was measured. */
  readonly testAccuracy?: number;
}

/** The most curve points a last run keeps: enough to draw the curves, never a run's every step. */
export const MAX_CURVE_POINTS = 200;

/** The largest loss a kept curve may hold (a judged run's loss is small; this only bounds nonsense). */
const MAX_LOSS = 1e6;

/** A level's last judged run. */
export interface LastRun {
  readonly levelId: string;
  readonly savedAt: string;
  /** The network trained, with its trained weights. */
  readonly network: NetworkSpec;
  readonly verdict: KeptVerdict;
  /** The run's loss and accuracy curves, at most MAX_CURVE_POINTS (runs kept before them have none). */
  readonly curve?: readonly CurvePoint[];
}

/** How a last run is stored: the network as its JSON document. */
export interface StoredLastRun {
  readonly levelId: string;
  readonly savedAt: string;
  readonly network: Record<string, unknown>;
  readonly verdict: KeptVerdict;
  readonly curve?: readonly CurvePoint[];
}

/**
 * At most `max` points of a curve, spread evenly over it, the first and the last always kept, so a
 * long run's curve keeps its shape in a bounded record.
 */
export function boundedCurve(points: readonly CurvePoint[], max = MAX_CURVE_POINTS): CurvePoint[] {
  if (points.length <= max) return [...points];
  const last = points.length - 1;
  return Array.from({ length: max }, (_, i) => points[Math.round((i * last) / (max - 1))] as CurvePoint);
}

/**
 * The curve to keep with a run judged at `lastStep`, from the points the view drew: only the run's
 * own points (those after the last time the steps went back, as they do when a run starts again),
 * none past the verdict, none with a number out of range, at most MAX_CURVE_POINTS of them.
 */
export function keptCurve(points: readonly CurvePoint[], lastStep: number): CurvePoint[] {
  let start = 0;
  points.forEach((p, i) => {
    if (i > 0 && p.step <= (points[i - 1] as CurvePoint).step) start = i;
  });
  const inRange = (v: number | undefined, max: number) => v === undefined || (v >= 0 && v <= max);
  const usable = points
    .slice(start)
    .filter(
      (p) =>
        Number.isInteger(p.step) &&
        p.step >= 0 &&
        p.step <= lastStep &&
        inRange(p.loss, MAX_LOSS) &&
        inRange(p.trainAccuracy, 1) &&
        inRange(p.testAccuracy, 1),
    )
    .map(({ step, loss, trainAccuracy, testAccuracy }) => ({
      step,
      loss,
      trainAccuracy,
      ...(testAccuracy !== undefined && { testAccuracy }),
    }));
  return boundedCurve(usable);
}

/** Checks a kept curve: at most MAX_CURVE_POINTS points, steps rising, numbers in range. */
export function parseCurve(value: unknown, field: string, maxStep: number): CurvePoint[] {
  let before = -1;
  return expectList(value, field, MAX_CURVE_POINTS).map((entry, i) => {
    const at = join(field, i);
    const record = expectRecord(entry, at, ['step', 'loss', 'trainAccuracy'], ['testAccuracy']);
    const step = expectInt(record.step, join(at, 'step'), 0, maxStep);
    if (step <= before) {
      throw new SpecError(join(at, 'step'), `expected a step after ${before} but got ${step}`);
    }
    before = step;
    const point: CurvePoint = {
      step,
      loss: expectNumber(record.loss, join(at, 'loss'), 0, MAX_LOSS),
      trainAccuracy: expectNumber(record.trainAccuracy, join(at, 'trainAccuracy'), 0, 1),
    };
    if (record.testAccuracy === undefined) return point;
    return { ...point, testAccuracy: expectNumber(record.testAccuracy, join(at, 'testAccuracy'), 0, 1) };
  });
}

const VERDICT_FIELDS = [
  'won',
  'stars',
  'accuracy',
  'step',
  'reason',
  'trainAccuracy',
  'predicted',
  'probabilities',
] as const;

/** Checks a kept verdict; its numbers must agree with each other (the level checks them again on use). */
export function parseKeptVerdict(value: unknown, field = ''): KeptVerdict {
  const record = expectRecord(value, field, VERDICT_FIELDS);
  const at = (key: string) => join(field, key);
  const predicted = expectList(record.predicted, at('predicted'), MAX.pictures).map((v, i) =>
    expectInt(v, join(at('predicted'), i), 0, MAX.classes - 1),
  );
  const probabilities = expectList(record.probabilities, at('probabilities'), MAX.pictures * MAX.classes).map(
    (v, i) => expectNumber(v, join(at('probabilities'), i), 0, 1),
  );
  if (predicted.length === 0 || probabilities.length % predicted.length !== 0) {
    throw new SpecError(
      at('probabilities'),
      `expected a whole number of probabilities per test picture (${predicted.length} pictures) but got ${probabilities.length}`,
    );
  }
  const verdict: KeptVerdict = {
    won: expectBoolean(record.won, at('won')),
    stars: expectInt(record.stars, at('stars'), 0, MAX_STARS),
    accuracy: expectNumber(record.accuracy, at('accuracy'), 0, 1),
    step: expectInt(record.step, at('step'), 0, MAX.steps),
    reason: expectOneOf(record.reason, at('reason'), JUDGED_REASONS),
    trainAccuracy: expectNumber(record.trainAccuracy, at('trainAccuracy'), 0, 1),
    predicted,
    probabilities,
  };
  if (verdict.won !== verdict.stars > 0) {
    throw new SpecError(
      at('stars'),
      `a ${verdict.won ? 'won' : 'lost'} run cannot have ${verdict.stars} stars`,
    );
  }
  return verdict;
}

/** Checks a stored last run: the network must open with its weights; a curve is optional. */
export function parseLastRun(value: unknown, field = ''): LastRun {
  const record = expectRecord(value, field, ['levelId', 'savedAt', 'network', 'verdict'], ['curve']);
  const levelId = expectId(record.levelId, join(field, 'levelId'));
  const network = nested(join(field, 'network'), () => parseNetwork(record.network));
  if (!network.weights)
    throw new SpecError(join(field, 'network.weights'), 'is missing (a judged run was trained)');
  if (network.level !== levelId) {
    throw new SpecError(join(field, 'network.level'), `expected "${levelId}" but got "${network.level}"`);
  }
  const verdict = parseKeptVerdict(record.verdict, join(field, 'verdict'));
  const run: LastRun = {
    levelId,
    savedAt: expectTime(record.savedAt, join(field, 'savedAt')),
    network,
    verdict,
  };
  if (record.curve === undefined) return run;
  // The curve ends where the run was judged: no point past the verdict's step.
  return { ...run, curve: parseCurve(record.curve, join(field, 'curve'), verdict.step) };
}

/** A last run as stored. */
export function storedLastRun(run: LastRun): StoredLastRun {
  return {
    levelId: run.levelId,
    savedAt: run.savedAt,
    network: networkToDocument(run.network),
    verdict: {
      ...run.verdict,
      predicted: [...run.verdict.predicted],
      probabilities: [...run.verdict.probabilities],
    },
    ...(run.curve && { curve: run.curve.map((point) => ({ ...point })) }),
  };
}
