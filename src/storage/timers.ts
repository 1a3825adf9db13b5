/** The timers the store schedules its saves with; injected so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The host's own timers. */
export const SYSTEM_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Runs a task at most once per `delayMs`, and always within `delayMs` of the first request. */
export interface Throttle {
  /** Asks for a run; a run already waiting takes this request along. */
  request(): void;
  /** Drops a waiting run; true if one was waiting. */
  cancel(): boolean;
}

/**
 * A trailing throttle rather than a debounce: a debounce restarts its wait on every change, so a
 * player who keeps editing would never be saved; here the first change starts the clock and
 * every change until it rings is saved together.
 */
export function createThrottle(timers: Timers, delayMs: number, task: () => void): Throttle {
  let waiting: { handle: unknown } | null = null;
  return {
    request() {
      if (waiting) return;
      waiting = {
        handle: timers.setTimeout(() => {
          waiting = null;
          task();
        }, delayMs),
      };
    },
    cancel() {
      if (!waiting) return false;
      timers.clearTimeout(waiting.handle);
      waiting = null;
      return true;
    },
  };
}
