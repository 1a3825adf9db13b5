/**
 * Live training in the real worker, per case and backend: how soon the first step shows after
 * Train (wasm start-up and WebGL shader compilation included), how soon the goal is reached, how
 * many steps a second a live run takes, and how smooth the page stays meanwhile.
 */
import { createTrainerClient, type TrainerClient } from '../../src/worker/page/client';
import type { BackendChoice, TrainerEvent } from '../../src/worker/protocol';
import { type TrainingCase, trainingCases } from './cases';
import { recordFrames } from './frames';
import type { BenchSection } from './section';
import { drawViews } from './views';

/** Seconds a backend may spend reaching the goal before the row says it did not. */
const GOAL_LIMIT_S = 20;
/** How long the page's frames are watched while training runs over and over. */
const FRAMES_MS = 2500;
const FRAMES_WARM_UP_MS = 300;
const BACKENDS: readonly BackendChoice[] = ['plain', 'wasm', 'cpu', 'webgl', 'auto'];

const perSecond = (v: number) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

/** A fresh worker, ready to take calls, whose events go to `onEvent`. */
export async function readyClient(
  onEvent: (event: TrainerEvent) => void,
): Promise<{ client: TrainerClient; startMs: number }> {
  const started = performance.now();
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const client = createTrainerClient({
    onEvent,
    // The medium network on software WebGL can take long between answers: never count it dead here.
    heartbeatTimeoutMs: 120_000,
    onStatus: (status) => {
      if (status.state === 'ready') ready();
    },
  });
  await isReady;
  return { client, startMs: performance.now() - started };
}

async function measure(kase: TrainingCase, backend: BackendChoice, host: HTMLElement): Promise<string[]> {
  const views = drawViews(host, kase.setup);
  let onEvent: (event: TrainerEvent) => void = () => undefined;
  const { client, startMs } = await readyClient((event) => {
    views.show(event);
    onEvent(event);
  });
  try {
    await client.watch(Float32Array.from(kase.setup.train[0]?.pixels ?? []));
    // Phase 1: from Train to the first step and to the goal.
    let firstStep: number | null = null;
    let goal: { ms: number; step: number } | null = null;
    const pressed = performance.now();
    onEvent = (event) => {
      if (event.type !== 'progress') return;
      const now = performance.now() - pressed;
      firstStep ??= now;
      if (!goal && event.trainAccuracy >= kase.goal) {
        goal = { ms: now, step: event.step };
        client.stop().catch(() => undefined);
      } else if (now > GOAL_LIMIT_S * 1000) {
        client.stop().catch(() => undefined);
      }
    };
    const report = await client.load(kase.setup, { backend });
    await client.train({ speed: 'fastest' });
    // Phase 2: training over and over, fastest, while the views draw; frames and steps counted. The
    // views are not mounted afresh for each run (the game does that only when Reset is pressed):
    // their curves go on as through one long run.
    let steps = 0;
    let runSteps = 0;
    const frames = recordFrames(FRAMES_WARM_UP_MS);
    const started = performance.now();
    onEvent = (event) => {
      if (event.type !== 'progress') return;
      runSteps = event.step;
      if (performance.now() - started > FRAMES_MS) client.stop().catch(() => undefined);
    };
    while (performance.now() - started < FRAMES_MS) {
      await client.reset();
      runSteps = 0;
      await client.train({ speed: 'fastest' });
      steps += runSteps;
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = frames.stop();
    const reached = goal as { ms: number; step: number } | null;
    const label =
      backend === 'auto'
        ? `auto: ${report.backend}`
        : report.backend === backend
          ? backend
          : `${backend} (refused: ${report.backend})`;
    return [
      kase.name,
      label,
      ms(startMs),
      firstStep === null ? '-' : ms(firstStep),
      reached
        ? `${ms(reached.ms)} (${reached.step} step${reached.step === 1 ? '' : 's'})`
        : `not in ${GOAL_LIMIT_S} s`,
      perSecond(steps / seconds),
      ms(stats.intervals.median),
      ms(stats.intervals.p95),
      String(stats.intervals.over50),
      ms(stats.mainThread.median),
      ms(stats.mainThread.p95),
    ];
  } finally {
    client.dispose();
    views.stop();
  }
}

/** The training section of `npm run bench:browser`. */
export const trainingSection: BenchSection = {
  name: 'training',
  columns: [
    'case',
    'backend',
    'worker start',
    'Train to first step',
    'time to goal',
    'steps/s (live)',
    'frame interval median',
    'frame interval p95',
    'intervals > 50 ms',
    'main-thread frame median',
    'main-thread frame p95',
  ],
  async run({ quick, log }) {
    const host = document.getElementById('views') as HTMLElement;
    // The machine's own jitter, with nothing training: the rows below are read against it.
    const idle = recordFrames(FRAMES_WARM_UP_MS);
    await new Promise((resolve) => setTimeout(resolve, FRAMES_MS));
    const still = idle.stop();
    const rows: string[][] = [
      [
        '(page idle)',
        '-',
        '-',
        '-',
        '-',
        '-',
        ms(still.intervals.median),
        ms(still.intervals.p95),
        String(still.intervals.over50),
        ms(still.mainThread.median),
        ms(still.mainThread.p95),
      ],
    ];
    for (const kase of await trainingCases(!quick)) {
      for (const backend of BACKENDS) {
        log(`training: ${kase.name} on ${backend}`);
        try {
          rows.push(await measure(kase, backend, host));
        } catch (error) {
          rows.push([kase.name, backend, `failed: ${(error as Error).message}`]);
        }
      }
    }
    return rows;
  },
};
