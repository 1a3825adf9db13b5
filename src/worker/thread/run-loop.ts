/**
 * The worker's run loop as a driver of the spec's train-until-judged routine: steps in chunks at the
 * player's pace, a snapshot for the views 10 to 20 times a second that goes with the newest
 * accuracy check, parked while paused and gone when stopped. The rule of when a run is over is the
 * routine's, and so are the steps it is judged at: the pace decides how often the player sees the
 * accuracy, never where the run stops (at 'normal' a run that stopped at the first step its
 * pictures were learned lost slash-2x2's hidden test on seed 1 while `convblocks check` won it).
 */
import type { CheckPoint, RunDriver, Speed } from '../../spec';
import type { ProgressEvent } from '../protocol';
import { nextChunk, PACES } from './pace';
import type { RunState } from './run-state';

/** Training runs at least this many times as long as the accuracy check between two checks. */
const CHECK_SHARE_FACTOR = 4;

/** What the loop needs of the trainer: its engine work, its events and its settings. */
export interface RunLoopHooks {
  readonly run: RunState;
  /** The speed now (the player may change it mid-run). */
  speed(): Speed;
  /** The measured time of one step, null before the first (which is taken alone, to show at once). */
  stepMs(): number | null;
  /** Steps taken since the start or the last reset. */
  steps(): number;
  /** Pictures in one step's batch, for the examples-per-second rate. */
  batchSize(): number;
  trainChunk(steps: number): Promise<'trained' | 'diverged'>;
  /** Checks accuracy; the progress event is sent by `show`, when the loop decides the page sees it. */
  check(examplesPerSecond: number): Promise<ProgressEvent>;
  /** Sends a progress event to the page. */
  show(progress: ProgressEvent): void;
  /**
   * How long the last check's own work took, without its wait for other engine work (a background
   * timing) queued before it; when absent, the whole wait counts.
   */
  checkWorkMs?(): number;
  /** Sends a snapshot for the views. */
  snapshot(): Promise<void>;
  testProbabilities(): Promise<Float32Array>;
}

/** The paced driver of one run; `showHeld` sends the newest check the page has not seen yet. */
export function pacedDriver(hooks: RunLoopHooks): RunDriver & { showHeld(): void } {
  const { run } = hooks;
  let lastCheck = Number.NEGATIVE_INFINITY;
  let lastSnapshot = Number.NEGATIVE_INFINITY;
  let stepsSinceCheck = 0;
  let msSinceCheck = 0;
  // Checking reads every training picture: on a big set it waits long enough to stay a small share.
  let checkMs = 0;
  // The rest of a tick that ended in a check is slept at the start of the next advance.
  let tickEnd: number | null = null;
  let lastProgress: ProgressEvent | null = null;
  // The routine checks every few steps to decide where the run ends (hundreds of times a second on
  // a seed level at the fastest speed); the page sees the newest check together with the next
  // snapshot, or when the run parks or ends. One message pair, one frame of drawing: sent apart,
  // the curves and the other views each cost the page a frame of their own.
  let held: ProgressEvent | null = null;
  const showHeld = () => {
    if (held) hooks.show(held);
    held = null;
  };

  const checkPoint = (progress: ProgressEvent): CheckPoint => ({
    step: progress.step,
    loss: progress.loss,
    trainAccuracy: progress.trainAccuracy,
    diverged: false,
  });

  async function checkNow(): Promise<ProgressEvent> {
    const started = performance.now();
    const rate = msSinceCheck > 0 ? (stepsSinceCheck * hooks.batchSize() * 1000) / msSinceCheck : 0;
    const progress = await hooks.check(rate);
    checkMs = hooks.checkWorkMs?.() ?? performance.now() - started;
    lastCheck = started;
    stepsSinceCheck = 0;
    msSinceCheck = 0;
    lastProgress = progress;
    held = progress;
    return progress;
  }

  return {
    startStep: hooks.steps(),
    async advance(untilStep) {
      if (tickEnd !== null) {
        await run.sleep(tickEnd - performance.now());
        tickEnd = null;
      }
      for (;;) {
        if (run.stopping) {
          showHeld();
          return null;
        }
        if (run.paused) {
          showHeld();
          await run.park();
          continue;
        }
        if (hooks.steps() >= untilStep) return checkPoint(await checkNow());
        const pace = PACES[hooks.speed()];
        const chunk = nextChunk(pace, hooks.stepMs());
        const tickStarted = performance.now();
        const steps = Math.min(chunk.steps, untilStep - hooks.steps());
        if ((await hooks.trainChunk(steps)) === 'diverged') {
          // The weights went back to the last good ones; the check point says so without a check.
          return {
            step: hooks.steps(),
            loss: Number.NaN,
            trainAccuracy: lastProgress?.trainAccuracy ?? 0,
            diverged: true,
          };
        }
        stepsSinceCheck += steps;
        msSinceCheck += performance.now() - tickStarted;
        const now = performance.now();
        const checkDue = pace.checkEveryStep
          ? 0
          : Math.max(pace.evaluateEveryMs, CHECK_SHARE_FACTOR * checkMs);
        const judged = hooks.steps() >= untilStep;
        const progress = judged || now - lastCheck >= checkDue ? await checkNow() : null;
        // After the check, so the snapshot carries the votes it just read.
        if (now - lastSnapshot >= pace.snapshotEveryMs) {
          showHeld();
          await hooks.snapshot();
          lastSnapshot = now;
        }
        if (judged && progress) {
          tickEnd = tickStarted + chunk.tickMs;
          return checkPoint(progress);
        }
        await run.sleep(chunk.tickMs - (performance.now() - tickStarted));
      }
    },
    testProbabilities: () => hooks.testProbabilities(),
    showHeld,
  };
}
