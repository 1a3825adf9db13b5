/**
 * A first network for the teacher to try on their level, the first of a short list that the level's
 * own rules allow: a Conv whose findings are pooled over the whole picture (so a stroke counts
 * wherever it is), then the votes.
 */
import { classifierProblem, inferShapes, type LayerSpec, type LevelLimits, MAX } from '../spec';

function candidates(side: number, classCount: number): LayerSpec[][] {
  const dense: LayerSpec = { type: 'dense', units: classCount };
  const size = Math.min(3, side);
  const conv: LayerSpec = { type: 'conv', filters: 4, size, stride: 1, padding: 'valid' };
  // One window over the whole feature map (as far as a window may reach): "is the stroke anywhere?"
  const window = Math.min(side - size + 1, MAX.windowSize);
  const pool: LayerSpec = { type: 'pool', op: 'max', size: window, stride: window, padding: 'same' };
  return [
    [conv, { type: 'relu' }, pool, { type: 'flatten' }, dense],
    [conv, { type: 'relu' }, { type: 'flatten' }, dense],
    [conv, { type: 'activation', fn: 'leaky_relu' }, { type: 'flatten' }, dense],
    [conv, { type: 'flatten' }, dense],
    [{ type: 'flatten' }, dense],
  ];
}

function allowed(
  layers: readonly LayerSpec[],
  input: readonly [number, number, number],
  limits: LevelLimits,
): boolean {
  if (!layers.every((l) => limits.blocks.includes(l.type))) return false;
  if (limits.maxLayers !== undefined && layers.length > limits.maxLayers) return false;
  for (const [type, most] of Object.entries(limits.maxBlocks ?? {})) {
    if (most !== undefined && layers.filter((l) => l.type === type).length > most) return false;
  }
  if (limits.maxParams !== undefined && inferShapes(input, layers).totalParams > limits.maxParams)
    return false;
  return true;
}

/** The first network of a short list that runs and keeps to the level's rules, or null when none does. */
export function suggestNetwork(
  input: readonly [number, number, number],
  classCount: number,
  limits: LevelLimits,
): LayerSpec[] | null {
  return (
    candidates(input[0], classCount).find(
      (layers) => classifierProblem(input, layers, classCount) === null && allowed(layers, input, limits),
    ) ?? null
  );
}
