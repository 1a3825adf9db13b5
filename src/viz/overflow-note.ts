import { type LayerSpec, nonFiniteOutput } from '../spec';
import { layerTitle } from './layer-title';
import type { LayerOutputLike } from './types';

/**
 * Why the picture's numbers cannot be shown, or null when they can: the first layer whose output
 * holds NaN or Infinity (weights or pictures so big the sums overflowed), named as the blocks name it.
 */
export function overflowNote(
  layers: readonly LayerSpec[],
  outputs: readonly LayerOutputLike[],
  probabilities: ArrayLike<number>,
): string | null {
  const found = nonFiniteOutput([...outputs, { values: probabilities }]);
  if (!found) return null;
  const layer = layers[found.layerIndex];
  const where = layer ? `Layer ${found.layerIndex + 1} (${layerTitle(layer)})` : 'The final votes';
  return `${where} gives ${found.value}: the numbers grew past what can be computed, so this network's votes cannot be shown. Reset for fresh weights, or use smaller weights or pictures.`;
}
