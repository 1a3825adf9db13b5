/**
 * Which path to start a network on before anything is timed: the plain arrays for networks small
 * enough that TensorFlow.js's per-operation cost dominates, a TensorFlow.js backend beyond. The
 * worker times the paths afterwards and switches when another is clearly faster; the command line
 * trusts this estimate.
 */
import { type BackendName, inferShapes, type NetworkSpec, type Shape } from '../spec';

const sizeOf = (shape: Shape) => shape.reduce((a, b) => a * b, 1);

/** Multiply-adds (or comparisons) of one picture's forward pass: a step's cost is about three times that per picture. */
export function forwardWork(network: Pick<NetworkSpec, 'input' | 'layers'>): number {
  const report = inferShapes(network.input, network.layers);
  let work = 0;
  network.layers.forEach((layer, i) => {
    const shape = report.layers[i];
    if (!shape?.ok) return;
    const outputs = sizeOf(shape.output);
    const inChannels = shape.input.length === 3 ? (shape.input[2] as number) : 1;
    if (layer.type === 'conv') work += outputs * layer.size * layer.size * inChannels;
    else if (layer.type === 'pool') work += outputs * layer.size * layer.size;
    else if (layer.type === 'dense') work += outputs * sizeOf(shape.input);
    else work += outputs;
  });
  return work;
}

/**
 * Up to this many multiply-adds per training step (forward, one batch) the plain path was the
 * fastest in `npm run bench` against TensorFlow.js's cpu and wasm backends in Node.
 */
export const PLAIN_MAX_STEP_WORK = 50_000_000;

/** The path expected to train `network` fastest among `candidates`, before any timing. */
export function expectedFastest(
  network: Pick<NetworkSpec, 'input' | 'layers' | 'training'>,
  trainCount: number,
  candidates: readonly BackendName[],
): BackendName {
  const batch = Math.max(1, Math.min(network.training.batchSize, trainCount));
  const small = forwardWork(network) * batch <= PLAIN_MAX_STEP_WORK;
  const order: readonly BackendName[] = small ? ['plain', 'wasm', 'cpu'] : ['wasm', 'plain', 'cpu'];
  return order.find((b) => candidates.includes(b)) ?? candidates[0] ?? 'cpu';
}
