/**
 * The soak of `npm run bench:browser --soak=MINUTES`: one network trained over and over in the real
 * worker on the fastest path while the views draw, for that many minutes; page heap and worker heap
 * (each after a forced garbage collection) and tensors read at the start and the end, so growth
 * means a leak.
 */
import type { TrainerClient } from '../../src/worker/page/client';
import type { TrainerEvent } from '../../src/worker/protocol';
import { trainingCases } from './cases';
import { recordFrames } from './frames';
import type { BenchSection } from './section';
import { readyClient } from './training-section';
import { drawViews } from './views';

/** Heaps in bytes, each read after a forced garbage collection. */
interface Heaps {
  readonly page: number | null;
  readonly worker: number | null;
}

/**
 * Both heaps, read by the script through the DevTools protocol (scripts/bench-heaps.mjs): the
 * worker has no performance.memory. Null where the page runs without the script.
 */
async function heaps(): Promise<Heaps> {
  const read = (window as { benchHeaps?: () => Promise<Heaps> }).benchHeaps;
  return read ? read() : { page: null, worker: null };
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`);
const growth = (start: number | null, end: number | null) =>
  start === null || end === null ? 'n/a' : `${end >= start ? '+' : ''}${((end - start) / 1e6).toFixed(2)} MB`;

/** Reads both sides' heaps and the worker's tensors at one moment. */
async function sample(client: TrainerClient): Promise<Heaps & { tensors: number }> {
  const { tensors } = await client.memory();
  return { ...(await heaps()), tensors };
}

/** The soak section: runs only when given minutes. */
export const soakSection: BenchSection = {
  name: 'soak',
  columns: [
    'case',
    'minutes',
    'runs',
    'steps',
    'page heap start',
    'page heap end',
    'page heap growth',
    'worker heap start',
    'worker heap end',
    'worker heap growth',
    'tensors start',
    'tensors end',
    'frame interval p95',
    'main-thread frame p95',
  ],
  async run({ log, soakMinutes }) {
    if (!soakMinutes) return [['(not run: pass --soak=MINUTES)']];
    const kase = (await trainingCases(false)).find((c) => c.name === '9x9 X vs O');
    if (!kase) throw new Error('the soak case is missing');
    const views = drawViews(document.getElementById('views') as HTMLElement, kase.setup);
    let steps = 0;
    const { client } = await readyClient((event: TrainerEvent) => {
      views.show(event);
      if (event.type === 'progress') steps = event.step;
    });
    try {
      await client.watch(Float32Array.from(kase.setup.train[0]?.pixels ?? []));
      await client.load(kase.setup, { backend: 'auto' });
      // One run first: the background timing, the first allocations and compiled code settle.
      await client.train({ speed: 'fastest' });
      const start = await sample(client);
      const frames = recordFrames(0);
      const began = performance.now();
      let runs = 0;
      let totalSteps = 0;
      let lastLog = began;
      while (performance.now() - began < soakMinutes * 60_000) {
        await client.reset();
        views.reset();
        steps = 0;
        await client.train({ speed: 'fastest' });
        totalSteps += steps;
        runs++;
        if (performance.now() - lastLog > 60_000) {
          lastLog = performance.now();
          const now = await sample(client);
          log(
            `soak: ${((lastLog - began) / 60_000).toFixed(1)} min, ${runs} runs, page heap ${mb(now.page)}, worker heap ${mb(now.worker)}, ${now.tensors} tensors`,
          );
        }
      }
      const minutes = (performance.now() - began) / 60_000;
      const stats = frames.stop();
      const end = await sample(client);
      return [
        [
          kase.name,
          minutes.toFixed(1),
          String(runs),
          String(totalSteps),
          mb(start.page),
          mb(end.page),
          growth(start.page, end.page),
          mb(start.worker),
          mb(end.worker),
          growth(start.worker, end.worker),
          String(start.tensors),
          String(end.tensors),
          `${Math.round(stats.intervals.p95)} ms`,
          `${Math.round(stats.mainThread.p95)} ms`,
        ],
      ];
    } finally {
      client.dispose();
      views.stop();
    }
  },
};
