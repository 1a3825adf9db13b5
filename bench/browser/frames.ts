/**
 * Frames of the page, read from requestAnimationFrame: how smooth it stays. Two measures, because on
 * a machine without a GPU they part ways: the interval between frames also waits for the GPU process
 * (SwiftShader compositing in software, on a core the training worker shares), while the main
 * thread's part of a frame is what the page's own code costs.
 */
import { measureFrame } from '../../src/viz/frame-pacer';

/** Median, 95th percentile and count of long frames. */
export interface FrameStats {
  readonly frames: number;
  readonly median: number;
  readonly p95: number;
  /** Frames longer than 50 ms: a visible stutter. */
  readonly over50: number;
}

/** Both measures of the frames seen while recording. */
export interface FrameRecord {
  /** Time between one frame's start and the next's. */
  readonly intervals: FrameStats;
  /**
   * Each frame's main-thread time: from the frame's start (the timestamp requestAnimationFrame
   * passes) until the main thread is free again after that frame's callbacks, style, layout and
   * paint. A task of ours that delays the frame's start on the main thread counts too, since the
   * timestamp is taken before it.
   */
  readonly mainThread: FrameStats;
}

/** Records frames from now until `stop` is called; the first `warmUpMs` are left out. */
export function recordFrames(warmUpMs: number): { stop(): FrameRecord } {
  const intervals: number[] = [];
  const mainThread: number[] = [];
  const started = performance.now();
  let last = started;
  let running = true;
  const clock = () => performance.now();
  const tick = (now: number) => {
    if (!running) return;
    if (now - started > warmUpMs) {
      intervals.push(now - last);
      // The training view's pacer measures its drawn frames with the same function, though from the
      // start of its own callback rather than from the frame's timestamp.
      measureFrame(clock, now, (ms) => {
        if (running) mainThread.push(ms);
      });
    }
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      // The frame still awaited counts too: a page that drew no frame at all while watched stalled
      // for the whole time, which an empty list would report as 0 ms.
      const now = performance.now();
      if (now - started > warmUpMs) intervals.push(now - Math.max(last, started + warmUpMs));
      return { intervals: frameStats(intervals), mainThread: frameStats(mainThread) };
    },
  };
}

/** The statistics of a list of frame intervals in milliseconds. */
export function frameStats(intervals: readonly number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: sorted.length,
    median: at(0.5),
    p95: at(0.95),
    over50: sorted.filter((v) => v > 50).length,
  };
}
