/**
 * One training run's flags and waits: the loop sleeps between chunks and parks while paused, and
 * pause, resume and stop wake it at once instead of waiting out a slow-motion tick.
 */
export class RunState {
  paused = false;
  stopping = false;
  /** Resolves when the run has ended. */
  readonly ended: Promise<void>;
  private markEnded: () => void = () => undefined;
  private wakeUp: (() => void) | null = null;
  private parkWaiters: (() => void)[] = [];
  private isParked = false;

  constructor(
    /** Whether accuracy checks also judge the hidden test pictures. */
    readonly testAccuracy: boolean,
  ) {
    this.ended = new Promise((resolve) => {
      this.markEnded = resolve;
    });
  }

  /** Waits `ms` (yielding to messages even at 0), or less if woken. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        channel?.port1.close();
        this.wakeUp = null;
        resolve();
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      let channel: MessageChannel | undefined;
      if (ms > 0) {
        timer = setTimeout(done, ms);
      } else {
        // setTimeout(0) is clamped to 4 ms once nested: a message is the quickest way to let calls in.
        channel = new MessageChannel();
        channel.port1.onmessage = done;
        channel.port2.postMessage(null);
      }
      this.wakeUp = done;
    });
  }

  /** Waits, paused, until woken; `parked()` callers learn that the loop is idle. */
  park(): Promise<void> {
    this.isParked = true;
    for (const notify of this.parkWaiters.splice(0)) notify();
    return new Promise<void>((resolve) => {
      this.wakeUp = () => {
        this.wakeUp = null;
        this.isParked = false;
        resolve();
      };
    });
  }

  /** Resolves once the loop is parked or the run has ended. */
  parked(): Promise<void> {
    if (this.isParked) return Promise.resolve();
    return Promise.race([new Promise<void>((resolve) => this.parkWaiters.push(resolve)), this.ended]);
  }

  /** Cuts a sleep or a park short. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Marks the run over. */
  end(): void {
    for (const notify of this.parkWaiters.splice(0)) notify();
    this.markEnded();
  }
}
