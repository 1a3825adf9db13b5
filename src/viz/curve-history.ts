/**
 * The learning curves' points, bounded: a run of 10,000 steps (or a page left training for hours)
 * keeps at most `capacity` points. Once full, neighbouring points are merged in pairs (their mean,
 * at the later step), so every kept point stands for the same number of accuracy checks and the
 * curve keeps its shape; the newest check is always the last point, exactly as reported.
 */
import type { HistoryPoint } from './types';

/** Points kept per curve: more than a chart draws (MAX_DRAWN_POINTS), so drawing still thins evenly. */
export const CURVE_CAPACITY = 512;

/** One point standing for `points`, all of the same weight: their mean, at the last one's step. */
function merged(points: readonly HistoryPoint[]): HistoryPoint {
  const last = points.at(-1) as HistoryPoint;
  let loss = 0;
  let trainAccuracy = 0;
  let testAccuracy: number | undefined;
  for (const p of points) {
    loss += p.loss;
    trainAccuracy += p.trainAccuracy;
    // The latest judgement stands for the stretch: a test accuracy is not averaged with none.
    if (p.testAccuracy !== undefined) testAccuracy = p.testAccuracy;
  }
  const n = points.length;
  return {
    step: last.step,
    loss: loss / n,
    trainAccuracy: trainAccuracy / n,
    ...(testAccuracy !== undefined && { testAccuracy }),
  };
}

/** A curve's history that never holds more than `capacity` points. */
export class CurveHistory {
  /** Merged points, each standing for `stride` checks. */
  private readonly kept: HistoryPoint[] = [];
  /** Checks not yet merged into one kept point (fewer than `stride`). */
  private bucket: HistoryPoint[] = [];
  private stride = 1;
  private view: readonly HistoryPoint[] | null = null;

  constructor(readonly capacity = CURVE_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 4 || capacity % 2) {
      throw new Error(`A curve keeps an even number of points, at least 4, not ${capacity}.`);
    }
  }

  /** How many checks each kept point stands for. */
  get checksPerPoint(): number {
    return this.stride;
  }

  /** Adds one accuracy check. */
  push(point: HistoryPoint): void {
    this.view = null;
    this.bucket.push(point);
    if (this.bucket.length < this.stride) return;
    this.kept.push(merged(this.bucket));
    this.bucket = [];
    // Full (the newest check needs one more place): halve the points, double what each stands for.
    if (this.kept.length === this.capacity) {
      for (let i = 0; i < this.capacity / 2; i++) {
        this.kept[i] = merged([this.kept[2 * i] as HistoryPoint, this.kept[2 * i + 1] as HistoryPoint]);
      }
      this.kept.length = this.capacity / 2;
      this.stride *= 2;
    }
  }

  /** Forgets every point: a new run starts new curves. */
  clear(): void {
    this.kept.length = 0;
    this.bucket = [];
    this.stride = 1;
    this.view = null;
  }

  /** Starts again from `points` (a kept run's curve), as if each had been pushed in turn. */
  replace(points: readonly HistoryPoint[]): void {
    this.clear();
    for (const point of points) this.push(point);
  }

  /** The points to draw, oldest first, the newest check last; at most `capacity`. */
  get points(): readonly HistoryPoint[] {
    this.view ??= this.bucket.length ? [...this.kept, this.bucket.at(-1) as HistoryPoint] : this.kept.slice();
    return this.view;
  }
}
