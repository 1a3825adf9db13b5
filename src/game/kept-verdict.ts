/**
 * A verdict kept between visits to a level: plain numbers and lists to store, and the verdict
 * rebuilt from them by judging the kept votes again, so a kept verdict says only what the level
 * itself says of those votes.
 */
import { type LayerWeights, type LevelSpec, type NetworkSpec, trainingKey } from '../spec';
import { judge } from './judge';
import type { Verdict } from './training-session';

/** A verdict as plain data (what storage keeps; its `KeptVerdict` has this shape). */
export interface PlainVerdict {
  readonly won: boolean;
  readonly stars: number;
  readonly accuracy: number;
  readonly step: number;
  readonly reason: 'learned' | 'step-limit';
  readonly trainAccuracy: number;
  readonly predicted: readonly number[];
  readonly probabilities: readonly number[];
}

/** The verdict as plain data, or null for a run that was not judged (stopped, diverged). */
export function plainVerdict(verdict: Verdict): PlainVerdict | null {
  const { reason, trainAccuracy } = verdict.run;
  if (reason !== 'learned' && reason !== 'step-limit') return null;
  return {
    won: verdict.judgement.won,
    stars: verdict.judgement.stars,
    accuracy: verdict.judgement.accuracy,
    step: verdict.step,
    reason,
    trainAccuracy,
    predicted: [...verdict.predicted],
    probabilities: [...verdict.probabilities],
  };
}

/**
 * The verdict again, judged afresh from the kept votes for the network now on the workbench
 * (`params`, `layers`); null when the kept votes do not fit the level (another count of test
 * pictures or classes) or the judge now says otherwise than was kept (the level changed).
 */
export function verdictFromPlain(
  level: LevelSpec,
  kept: PlainVerdict,
  network: { readonly params: number; readonly layers: number },
): Verdict | null {
  const classes = level.classes.length;
  if (kept.predicted.length !== level.test.length) return null;
  if (kept.probabilities.length !== kept.predicted.length * classes) return null;
  if (kept.predicted.some((c) => c >= classes)) return null;
  const predicted = Int32Array.from(kept.predicted);
  const judgement = judge(level, {
    predicted,
    params: network.params,
    steps: kept.step,
    layers: network.layers,
  });
  if (
    judgement.won !== kept.won ||
    judgement.stars !== kept.stars ||
    Math.abs(judgement.accuracy - kept.accuracy) > 1e-9
  ) {
    return null;
  }
  return {
    judgement,
    step: kept.step,
    run: { reason: kept.reason, step: kept.step, trainAccuracy: kept.trainAccuracy },
    predicted,
    probabilities: Float32Array.from(kept.probabilities),
  };
}

/** One point of a kept run's loss and accuracy curves (storage keeps at most a few hundred). */
export interface KeptCurvePoint {
  readonly step: number;
  readonly loss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy?: number;
}

/** A level's last judged run as kept: the network with its weights, the verdict, and its curves. */
export interface KeptRun {
  readonly network: NetworkSpec;
  readonly verdict: PlainVerdict;
  /** Runs kept before curves were kept have none. */
  readonly curve?: readonly KeptCurvePoint[];
}

/**
 * What to show again of the kept run for the network now on the workbench (`onScreen`, without
 * weights, of `params` parameters): its weights and its verdict when the blocks and training
 * settings are the ones that were trained; null when they were edited since (the verdict is stale).
 */
export function keptRunFor(
  level: LevelSpec,
  kept: KeptRun | undefined,
  onScreen: NetworkSpec,
  params: number,
): {
  readonly weights: readonly (LayerWeights | null)[];
  readonly verdict: Verdict;
  readonly curve: readonly KeptCurvePoint[];
} | null {
  const weights = kept?.network.weights;
  if (!kept || !weights || trainingKey(kept.network) !== trainingKey(onScreen)) return null;
  const verdict = verdictFromPlain(level, kept.verdict, { params, layers: onScreen.layers.length });
  return verdict && { weights, verdict, curve: kept.curve ?? [] };
}
