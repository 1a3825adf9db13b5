import { inferShapes, type LayerSpec, type Shape } from '../spec';

/**
 * Each layer's output shape, for a network both paths are about to build: throws, naming the layer,
 * when one cannot run (the spec refuses such networks first; this guards the engine's own callers).
 */
export function runnableShapes(
  input: readonly [number, number, number],
  layers: readonly LayerSpec[],
): Shape[] {
  const report = inferShapes(input, layers);
  const broken = report.layers[report.errorAt];
  if (broken && !broken.ok) throw new Error(`layer ${report.errorAt + 1} cannot run: ${broken.reason}`);
  return report.layers.map((l) => (l.ok ? l.output : input));
}
