/**
 * How much computing a document asks for, in numbers the limits in `MAX` can cap: byte limits alone
 * let a small `#`/`.` file ask for tens of millions of pixel values or minutes of training.
 */
import { inferShapes } from './shapes';
import type { LayerSpec, Shape } from './types';

const size = (shape: Shape): number => shape.reduce((a, b) => a * b, 1);

/**
 * Multiply-adds (or comparisons) of one picture's forward pass through `layers`; layers after the
 * first that cannot run are not counted (shape checks refuse those anyway).
 */
export function forwardWork(input: Shape, layers: readonly LayerSpec[]): number {
  let work = 0;
  for (const [i, result] of inferShapes(input, layers).layers.entries()) {
    const layer = layers[i];
    if (!result.ok || !layer) break;
    const inChannels = result.input[2] ?? 1;
    switch (layer.type) {
      case 'conv':
        work += size(result.output) * layer.size * layer.size * inChannels;
        break;
      case 'pool':
        work += size(result.output) * layer.size * layer.size;
        break;
      case 'dense':
        work += size(result.input) * layer.units;
        break;
      case 'relu':
      case 'activation':
      case 'flatten':
        work += size(result.input);
        break;
      default: {
        const unknown: never = layer;
        throw new Error(`unknown layer ${JSON.stringify(unknown)}`);
      }
    }
  }
  return work;
}

/** The backward pass costs about twice the forward one, so a step is three forward passes per picture. */
export function stepWork(input: Shape, layers: readonly LayerSpec[], batch: number): number {
  return 3 * batch * forwardWork(input, layers);
}
