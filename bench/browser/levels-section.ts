/**
 * Train to the first step on every built-in level, as a player presses Train: a fresh worker, the
 * game's own path choice (auto) and default speed, the views drawing. The training section measures
 * the course's seed sets on every backend; this one covers each level's own pictures and network.
 * The network is the level's reference, the one `convblocks check` proves wins: some starters are
 * unfinished on purpose (a Dense to add, the wrong number of classes to fix) and cannot train as
 * they come.
 */
import { loadAllBuiltInLevels } from '../../src/game/catalog';
import { type LevelSpec, levelJob, levelNetwork, levelTraining } from '../../src/spec';
import type { TrainerEvent } from '../../src/worker/protocol';
import type { BenchSection } from './section';
import { readyClient } from './training-section';
import { drawViews } from './views';

/** How long a level may take to its first step before its row says it did not get there. */
const FIRST_STEP_LIMIT_MS = 20_000;

/** A fresh worker trains `level`'s reference from Train: which path it took, and when step 1 arrived. */
async function firstStep(level: LevelSpec, host: HTMLElement): Promise<{ path: string; ms: number | null }> {
  const layers = level.reference?.layers ?? level.starter ?? [];
  const job = levelJob(level, levelNetwork(level, layers, level.reference?.training ?? levelTraining(level)));
  const views = drawViews(host, job);
  let onEvent: (event: TrainerEvent) => void = () => undefined;
  const { client } = await readyClient((event) => {
    views.show(event);
    onEvent(event);
  });
  try {
    await client.watch(Float32Array.from(job.train[0]?.pixels ?? []));
    let ms: number | null = null;
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const pressed = performance.now();
    onEvent = (event) => {
      if (event.type !== 'progress' || event.step < 1 || ms !== null) return;
      ms = performance.now() - pressed;
      arrived();
    };
    const report = await client.load(job, { backend: 'auto' });
    const training = client.train({ speed: 'normal' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([first, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_STEP_LIMIT_MS)))]);
    clearTimeout(timer);
    await client.stop();
    await training;
    return { path: `auto: ${report.backend}`, ms };
  } finally {
    client.dispose();
    views.stop();
  }
}

/** The section: one row per built-in level, in the map's order. */
export const levelsSection: BenchSection = {
  name: 'levels: Train to first step',
  columns: ['level', 'pictures', 'reference network', 'path', 'Train to first step'],
  async run({ log }) {
    const host = document.getElementById('views') as HTMLElement;
    const rows: string[][] = [];
    for (const level of await loadAllBuiltInLevels()) {
      log(`levels: ${level.id}`);
      const layers = (level.reference?.layers ?? level.starter ?? []).map((layer) => layer.type).join(' ');
      const size = `${level.train.length} of ${level.input.join('x')}`;
      try {
        const { path, ms } = await firstStep(level, host);
        rows.push([
          level.id,
          size,
          layers,
          path,
          ms === null ? `not in ${FIRST_STEP_LIMIT_MS / 1000} s` : `${ms.toFixed(1)} ms`,
        ]);
      } catch (error) {
        rows.push([level.id, size, layers, `failed: ${(error as Error).message}`, '-']);
      }
    }
    return rows;
  },
};
