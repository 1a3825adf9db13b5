/** A Worker stand-in for Node: a cpu Trainer served over a MessageChannel, which a test can kill. */
import { exposeTrainer } from '../../src/worker/thread/expose';
import { Trainer } from '../../src/worker/thread/trainer';

type Listener = EventListenerOrEventListenerObject;

/** Talks like a Worker; `terminate` cuts the line (calls go unanswered), `fail` throws as a worker would. */
export class PortWorker extends EventTarget {
  readonly trainer = new Trainer({ backends: ['cpu'] });
  private readonly channel = new MessageChannel();
  private terminated = false;

  constructor() {
    super();
    exposeTrainer(this.trainer, this.channel.port2);
  }

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.channel.port1.postMessage(message, transfer);
  }

  override addEventListener(type: string, listener: Listener | null): void {
    if (type !== 'message' || !listener) {
      super.addEventListener(type, listener);
      return;
    }
    this.channel.port1.addEventListener('message', listener);
    this.channel.port1.start();
  }

  override removeEventListener(type: string, listener: Listener | null): void {
    if (type !== 'message' || !listener) {
      super.removeEventListener(type, listener);
      return;
    }
    this.channel.port1.removeEventListener('message', listener);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
    void this.trainer.dispose();
  }

  /** An uncaught exception inside the worker, as the page hears of it. */
  fail(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}
