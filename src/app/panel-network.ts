/**
 * How the training panel hands the editor's network to the session: the first network on screen
 * starts from shared weights or the level's kept run (whose verdict shows again), and every judged
 * run is kept for the next visit.
 */
import type { CompileResult } from '../blocks';
import { initialWeights } from '../engine/init';
import { type KeptCurvePoint, keptRunFor, plainVerdict } from '../game/kept-verdict';
import type { TrainingSession, Verdict } from '../game/training-session';
import {
  type LayerWeights,
  type LevelSpec,
  levelNetwork,
  type NetworkSpec,
  type TrainingSpec,
} from '../spec';
import { keptCurve, type PlayerStore } from '../storage';
import type { TrainerClient } from '../worker/page/client';
import { nudgedWeights, type WeightNudge } from './error-panel';
import type { LevelView } from './level-view';
import type { TrainingPanelOptions } from './training-panel';

/**
 * Gives the session a new network; a shared network with weights (or the kept run's) then predicts
 * at once, before any training, on the picture the view watches. A kept verdict is shown again.
 */
export async function sendNetwork(
  session: TrainingSession,
  client: TrainerClient,
  view: LevelView,
  sent: { network: NetworkSpec; compiled: CompileResult; start: StartingPoint },
): Promise<unknown> {
  const { network, compiled } = sent;
  const kept = sent.start.verdict;
  const changed = session.networkChanged({
    network,
    blocker: compiled.blocker,
    params: compiled.shapes.totalParams,
  });
  if (kept) session.restore(kept);
  await changed;
  const loaded = sent.start.weights !== undefined ? await session.showShared() : false;
  if (!loaded) return undefined;
  // Loading the weights restarts the view: the judged test pictures are shown again after it.
  if (kept && session.state.verdict === kept) {
    view.restoreRun(kept.step, sent.start.curve);
    view.judged(kept.step, kept.probabilities);
  }
  const pixels = view.watched();
  return client.watch(pixels ? Float32Array.from(pixels) : null);
}

/** Where a network on screen starts: its weights, and the kept verdict and curves shown with them. */
export interface StartingPoint {
  readonly weights: readonly (LayerWeights | null)[] | undefined;
  readonly verdict: Verdict | null;
  readonly curve: readonly KeptCurvePoint[];
}

/** A network that starts from its seed, with nothing kept to show. */
export const FRESH_START: StartingPoint = { weights: undefined, verdict: null, curve: [] };

/**
 * Loads the network with its first Conv's filters set by hand (biases 0, the later blocks at their
 * seeded start), so the view shows what those filters find before any training.
 */
export async function sendHandFilters(
  session: TrainingSession,
  client: TrainerClient,
  view: LevelView,
  hand: {
    level: LevelSpec;
    compiled: CompileResult;
    training: TrainingSpec;
    kernel: number[];
    filters: number;
  },
): Promise<unknown> {
  const { level, compiled, training } = hand;
  const weights = initialWeights(level.input, compiled.layers, training.seed);
  weights[0] = { kernel: hand.kernel, bias: new Array<number>(hand.filters).fill(0) };
  const network = levelNetwork(level, compiled.layers, training, weights);
  await session.replaceWeights();
  return sendNetwork(session, client, view, { network, compiled, start: { ...FRESH_START, weights } });
}

/**
 * The weights the first network on screen starts from: shared ones, else the level's kept run's when
 * its blocks and settings are the ones on screen, with that run's verdict.
 */
export function startingPoint(
  options: Pick<TrainingPanelOptions, 'level' | 'sharedWeights' | 'lastRun'>,
  compiled: CompileResult,
  training: TrainingSpec,
): StartingPoint {
  const { level, sharedWeights, lastRun } = options;
  if (sharedWeights) return { ...FRESH_START, weights: sharedWeights };
  const onScreen = levelNetwork(level, compiled.layers, training);
  const kept = keptRunFor(level, lastRun, onScreen, compiled.shapes.totalParams);
  return { weights: kept?.weights, verdict: kept?.verdict ?? null, curve: kept?.curve ?? [] };
}

/**
 * Keeps a level's judged run in the store, so the level reopens with it: the network, the verdict
 * and the curves drawn so far (`curve`), bounded.
 */
export function keeper(store: PlayerStore, levelId: string, curve: () => readonly KeptCurvePoint[]) {
  return async ({ network, verdict }: { network: NetworkSpec; verdict: Verdict }) => {
    const plain = plainVerdict(verdict);
    if (!plain) return;
    await store.saveLastRun({ levelId, network, verdict: plain, curve: keptCurve(curve(), plain.step) });
  };
}

/**
 * Moves one weight by hand (a run under way pauses first) and shows what the network now makes of
 * the watched picture, so its error table moves with the weight.
 */
export async function sendNudge(
  session: TrainingSession,
  client: TrainerClient,
  view: LevelView,
  change: WeightNudge,
): Promise<void> {
  if (session.state.blocker) return;
  if (session.state.phase === 'running') await session.pause();
  const pixels = view.watched();
  const picture = pixels ? Float32Array.from(pixels) : null;
  // Looking at a picture loads the editor's network first when the trainer does not hold it yet.
  await session.look(picture, true);
  await client.setWeights(nudgedWeights(await client.getWeights(), change));
  const prediction = await session.look(picture, true);
  if (prediction) view.looked(prediction);
}
