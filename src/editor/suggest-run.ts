/**
 * The Suggest button's run: tries the networks Suggest proposes for the level, one after another
 * through the training worker with Win it's routine, says which it is trying, can be cancelled,
 * and puts the best it found on the workbench.
 */
import type { BlockEditor } from '../blocks';
import { type LevelSpec, provingSeeds } from '../spec';
import type { TrainerClient } from '../worker/page/client';
import { draftLimits } from './build-level';
import { type CheckAccess, percent } from './check-access';
import { draftTraining } from './draft';
import { suggestCandidates } from './suggest';
import { searchNetworks, trialOnSeeds } from './suggest-search';
import { runToWin } from './win-run';

/** What the run needs of the workbench. */
export interface SuggestBench {
  readonly access: CheckAccess;
  readonly status: HTMLElement;
  readonly editor: BlockEditor | null;
  /** The training worker's client, started when first needed. */
  client(): Promise<TrainerClient>;
  /** Whether the teacher cancelled (asked between checks). */
  cancelled(): boolean;
}

/** Tries Suggest's networks on `level` and puts the best on the workbench; says how it went. */
export async function runSuggest(bench: SuggestBench, level: LevelSpec): Promise<void> {
  const { status } = bench;
  const draft = bench.access.draft();
  const levels = await bench.access.builtInLevels();
  const references = levels.flatMap((l) => (l.reference ? [l.reference.layers] : []));
  const candidates = suggestCandidates(
    [draft.side, draft.side, draft.channels],
    draft.classes.length,
    draftLimits(draft),
    references,
  );
  if (candidates.length === 0) {
    status.textContent = 'No small network fits the rules of this level: build one from the blocks on offer.';
    return;
  }
  const client = await bench.client();
  const training = draftTraining(draft);
  let trying = '';
  const outcome = await searchNetworks(
    candidates,
    (c) =>
      trialOnSeeds(provingSeeds(training.seed), (seed) =>
        runToWin(
          client,
          level,
          c.layers,
          { ...training, seed },
          (p) => {
            status.textContent = `${trying} seed ${seed}, step ${p.step}, training accuracy ${percent(p.trainAccuracy)}.`;
          },
          bench.cancelled,
        ),
      ),
    (index, c) => {
      trying = `Trying ${index + 1} of ${candidates.length}: ${c.label}…`;
      status.textContent = trying;
    },
    bench.cancelled,
  );
  const best = outcome.best;
  if (!best) {
    status.textContent = outcome.cancelled
      ? 'Suggest cancelled before any network was judged.'
      : 'No suggested network could be judged: build one from the blocks on offer.';
    return;
  }
  bench.editor?.setLayers(best.candidate.layers);
  const found = `${best.candidate.label} (${best.candidate.params} parameters): test accuracy ${percent(best.trial.testAccuracy)} after ${best.trial.steps} steps`;
  const goal = percent(level.goal.testAccuracy);
  if (best.trial.won)
    status.textContent = `Suggested: ${found}, which reaches the goal of ${goal}. Press "Win it" to keep it as the reference network.`;
  else
    status.textContent = `${outcome.cancelled ? 'Cancelled. ' : ''}The best of ${outcome.tried} tried: ${found}; the goal is ${goal}. Change it or the pictures and try again.`;
}
