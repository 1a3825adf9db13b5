import type { Prediction, TrainerEvent } from '../protocol';

/** The buffers under `arrays`, each once (two views may share one, and a transfer list must not repeat). */
function buffersOf(arrays: readonly Float32Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

/** What an event can hand over to the page instead of copying: a snapshot's numbers. */
export function eventTransferables(event: TrainerEvent): ArrayBuffer[] {
  // A done event is also the answer of `train`: its judgement is copied, never handed over twice.
  if (event.type !== 'snapshot') return [];
  const arrays: Float32Array[] = [];
  for (const w of event.weights) if (w) arrays.push(w.kernel, w.bias);
  for (const a of event.activations ?? []) arrays.push(a.values);
  if (event.trainPredictions) arrays.push(event.trainPredictions);
  return buffersOf(arrays);
}

/** What a prediction can hand over to the page instead of copying. */
export function predictionTransferables(prediction: Prediction): ArrayBuffer[] {
  return buffersOf([prediction.probabilities, ...prediction.layers.map((l) => l.values)]);
}
