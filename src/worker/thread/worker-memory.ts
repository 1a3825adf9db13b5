import { tf } from '../../engine';
import type { WorkerMemory } from '../protocol';

/** Chromium's non-standard heap figures, where it offers them. */
interface HeapInfo {
  readonly usedJSHeapSize: number;
}

/**
 * Tensors and heap now, after a garbage collection when the host exposes one (Chromium started
 * with --js-flags=--expose-gc, as the soak benchmark does), so that growth means a leak.
 */
export function workerMemory(): WorkerMemory {
  const host = globalThis as { gc?: () => void };
  host.gc?.();
  const { numTensors, numBytes } = tf.memory();
  const heap = (performance as Performance & { memory?: HeapInfo }).memory;
  return { tensors: numTensors, tensorBytes: numBytes, heapBytes: heap ? heap.usedJSHeapSize : null };
}
