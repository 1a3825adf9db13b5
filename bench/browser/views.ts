/**
 * The game's own training views (src/app/level-view.ts: curves, the pictures' votes, filters, the
 * watched picture's layer outputs), fed from the worker's events as the level screen feeds them,
 * so the frame timings include the page's real drawing work.
 */
import { mountLevelView } from '../../src/app/level-view';
import type { TrainingJob } from '../../src/spec';
import type { TrainerEvent } from '../../src/worker/protocol';

/** Mounts the views for `job` in `host`; feed them the worker's events, stop them when done. */
export function drawViews(
  host: HTMLElement,
  job: TrainingJob,
): { show(event: TrainerEvent): void; reset(): void; stop(): void } {
  const classes = Array.from({ length: Math.max(0, ...job.train.map((p) => p.classIndex)) + 1 }, (_, i) =>
    String(job.train.find((p) => p.classIndex === i)?.label ?? i),
  );
  const view = mountLevelView(
    host,
    { classes, input: job.network.input, train: job.train, test: job.test, blank: -1 },
    { layers: () => job.network.layers, onWatch: () => undefined },
  );
  return {
    show(event) {
      if (event.type === 'progress') view.progress(event);
      else if (event.type === 'snapshot') view.snapshot(event);
    },
    /** The network was reset: the curves start again, as on the level screen. */
    reset() {
      view.reset();
    },
    stop() {
      view.dispose();
    },
  };
}
