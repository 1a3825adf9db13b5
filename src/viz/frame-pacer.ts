/**
 * How often the training view may draw, from how long its drawn frames take on the main thread. A
 * drawn frame over the budget doubles the least time between two drawn frames; one within it
 * shortens that time by a quarter, down to none (halving it instead let every other drawn frame
 * run long). Where the page keeps up, every snapshot is drawn. Where it cannot (two cores, one held
 * by the training worker, the other shared with V8 compiling TensorFlow.js's kernels for the first
 * seconds of a run), a frame that drew a snapshot of X vs O took 20-30 ms of main thread, and at
 * 10-20 such frames a second the page's frames had a 95th percentile of 19-25 ms: the views now
 * refresh less often there, and the frames between them stay short.
 */

/** A drawn frame's main-thread time above this makes the pacer wait longer between drawn frames. */
export const FRAME_BUDGET_MS = 14;
/** The shortest wait once frames are over budget: the fastest speed's snapshots are this far apart. */
export const FIRST_GAP_MS = 100;
/** The longest wait: the views still refresh once a second on a machine that cannot keep up. */
export const MAX_GAP_MS = 1000;

/** The pacing state of one view: when it drew last and how long it waits between drawn frames. */
export class FramePacer {
  private gap = 0;
  private lastDrawn = Number.NEGATIVE_INFINITY;

  /** The least time between two drawn frames now, in milliseconds. */
  get gapMs(): number {
    return this.gap;
  }

  /** How long to wait at `now` before asking for a frame to draw in (0: ask at once). */
  waitMs(now: number): number {
    return Math.max(0, this.lastDrawn + this.gap - now);
  }

  /** A frame was drawn at `now`. */
  drew(now: number): void {
    this.lastDrawn = now;
  }

  /** A drawn frame took `ms` of main thread: over budget the wait doubles, within it shrinks by a quarter. */
  measured(ms: number): void {
    if (ms > FRAME_BUDGET_MS) this.gap = Math.min(MAX_GAP_MS, Math.max(FIRST_GAP_MS, this.gap * 2));
    else this.gap = this.gap * 0.75 < FIRST_GAP_MS / 2 ? 0 : this.gap * 0.75;
  }
}

/**
 * Reports how long the main thread is busy with the frame being drawn: from `startedAt` until a
 * message posted now is delivered, which is after the frame's style, layout, paint and commit.
 */
export function measureFrame(now: () => number, startedAt: number, onMeasured: (ms: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    onMeasured(now() - startedAt);
  };
  channel.port2.postMessage(null);
}

/** The pacer of a view, with its clock and its way of measuring a drawn frame. */
export interface ViewPacing {
  readonly pacer: FramePacer;
  now(): number;
  /** Reports the main-thread time of the frame whose drawing started at `startedAt`. */
  measure(startedAt: number, onMeasured: (ms: number) => void): void;
}

/** The pacing of a view in a browser: by the page's clock and frames measured with a message. */
export function browserPacing(win: Window | null): ViewPacing | null {
  if (!win?.requestAnimationFrame || typeof MessageChannel === 'undefined') return null;
  const now = () => win.performance.now();
  return {
    pacer: new FramePacer(),
    now,
    measure: (startedAt, onMeasured) => measureFrame(now, startedAt, onMeasured),
  };
}

/** Frames asked for one at a time: `schedule` draws on the next allowed one, `cancel` stops for good. */
export interface FrameScheduler {
  /**
   * Draws on the next frame the pacer allows; `now` on the next frame whatever the pacer says, for
   * what answers the player (a part scrolled into view, a verdict) rather than the training's stream.
   */
  schedule(now?: boolean): void;
  cancel(): void;
}

/**
 * Asks `win` for an animation frame to `draw` in when scheduled, one frame at a time and no sooner
 * than `pacing` allows; without animation frames (jsdom), a 16 ms timer stands in.
 */
export function frameScheduler(
  win: Window | null,
  pacing: ViewPacing | null,
  draw: () => void,
): FrameScheduler {
  let frame: number | undefined;
  // A wait for the pacer's gap to pass before asking for a frame.
  let paced: ReturnType<typeof setTimeout> | undefined;
  let cancelled = false;
  const drawNow = () => {
    frame = undefined;
    if (cancelled) return;
    if (pacing) {
      const started = pacing.now();
      pacing.pacer.drew(started);
      pacing.measure(started, (ms) => pacing.pacer.measured(ms));
    }
    draw();
  };
  const schedule = (now = false) => {
    if (frame !== undefined || cancelled) return;
    if (now) {
      clearTimeout(paced);
      paced = undefined;
    }
    if (paced !== undefined) return;
    const wait = pacing && !now ? pacing.pacer.waitMs(pacing.now()) : 0;
    if (wait > 0) {
      paced = setTimeout(() => {
        paced = undefined;
        schedule();
      }, wait);
      return;
    }
    frame = win?.requestAnimationFrame
      ? win.requestAnimationFrame(drawNow)
      : (setTimeout(drawNow, 16) as unknown as number);
  };
  return {
    schedule,
    cancel() {
      cancelled = true;
      clearTimeout(paced);
      if (frame === undefined) return;
      if (win?.cancelAnimationFrame) win.cancelAnimationFrame(frame);
      else clearTimeout(frame);
    },
  };
}
