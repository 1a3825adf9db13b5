/** Frame intervals of the main thread, read from requestAnimationFrame: how smooth the page stays. */

/** Median, 95th percentile and count of long frames. */
export interface FrameStats {
  readonly frames: number;
  readonly median: number;
  readonly p95: number;
  /** Frames longer than 50 ms: a visible stutter. */
  readonly over50: number;
}

/** Records frame intervals from now until `stop` is called; the first `warmUpMs` are left out. */
export function recordFrames(warmUpMs: number): { stop(): FrameStats } {
  const intervals: number[] = [];
  const started = performance.now();
  let last = started;
  let running = true;
  const tick = (now: number) => {
    if (!running) return;
    if (now - started > warmUpMs) intervals.push(now - last);
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
      return frameStats(intervals);
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
