/**
 * The soak of `npm run bench:browser --soak=MINUTES`: one network trained over and over in the real
 * worker on the fastest path while the views draw, for that many minutes; page heap, worker heap and
 * tensors read after a garbage collection at the start and the end, so growth means a leak.
 */
import type { TrainerClient } from '../../src/worker/page/client';
import type { TrainerEvent, WorkerMemory } from '../../src/worker/protocol';
import { trainingCases } from './cases';
import { recordFrames } from './frames';
import type { BenchSection } from './section';
import { readyClient } from './training-section';
import { drawViews } from './views';

/** Chromium's heap figures (precise with --enable-precise-memory-info). */
interface HeapInfo {
  readonly usedJSHeapSize: number;
}

/** The page's heap after a garbage collection (Chromium started with --js-flags=--expose-gc). */
function pageHeap(): number | null {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = (performance as Performance & { memory?: HeapInfo }).memory;
  return memory ? memory.usedJSHeapSize : null;
}

const mb = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1e6).toFixed(1)} MB`);
const growth = (start: number | null, end: number | null) =>
  start === null || end === null ? 'n/a' : `${end >= start ? '+' : ''}${((end - start) / 1e6).toFixed(2)} MB`;

/** Reads both sides' memory at one moment. */
async function sample(client: TrainerClient): Promise<{ page: number | null; worker: WorkerMemory }> {
  return { page: pageHeap(), worker: await client.memory() };
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
    'worker heap growth',
    'tensors start',
    'tensors end',
    'frame p95',
  ],
  async run({ log, soakMinutes }) {
    if (!soakMinutes) return [['(not run: pass --soak=MINUTES)']];
    const kase = (await trainingCases(false)).find((c) => c.name === '9x9 X vs O');
    if (!kase) throw new Error('the soak case is missing');
    const views = drawViews(document.getElementById('views') as HTMLElement);
    let steps = 0;
    const { client } = await readyClient((event: TrainerEvent) => {
      if (event.type === 'snapshot') views.show(event);
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
        steps = 0;
        await client.train({ speed: 'fastest' });
        totalSteps += steps;
        runs++;
        if (performance.now() - lastLog > 60_000) {
          lastLog = performance.now();
          const now = await sample(client);
          log(
            `soak: ${((lastLog - began) / 60_000).toFixed(1)} min, ${runs} runs, page heap ${mb(now.page)}, worker heap ${mb(now.worker.heapBytes)}, ${now.worker.tensors} tensors`,
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
          growth(start.worker.heapBytes, end.worker.heapBytes),
          String(start.worker.tensors),
          String(end.worker.tensors),
          `${Math.round(stats.p95)} ms`,
        ],
      ];
    } finally {
      client.dispose();
      views.stop();
    }
  },
};
