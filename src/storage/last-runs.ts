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

/** A level's last judged run. */
export interface LastRun {
  readonly levelId: string;
  readonly savedAt: string;
  /** The network trained, with its trained weights. */
  readonly network: NetworkSpec;
  readonly verdict: KeptVerdict;
}

/** How a last run is stored: the network as its JSON document. */
export interface StoredLastRun {
  readonly levelId: string;
  readonly savedAt: string;
  readonly network: Record<string, unknown>;
  readonly verdict: KeptVerdict;
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

/** Checks a stored last run: the network must open with its weights. */
export function parseLastRun(value: unknown, field = ''): LastRun {
  const record = expectRecord(value, field, ['levelId', 'savedAt', 'network', 'verdict']);
  const levelId = expectId(record.levelId, join(field, 'levelId'));
  const network = nested(join(field, 'network'), () => parseNetwork(record.network));
  if (!network.weights)
    throw new SpecError(join(field, 'network.weights'), 'is missing (a judged run was trained)');
  if (network.level !== levelId) {
    throw new SpecError(join(field, 'network.level'), `expected "${levelId}" but got "${network.level}"`);
  }
  return {
    levelId,
    savedAt: expectTime(record.savedAt, join(field, 'savedAt')),
    network,
    verdict: parseKeptVerdict(record.verdict, join(field, 'verdict')),
  };
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
  };
}
