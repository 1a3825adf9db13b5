/** The training engine: TensorFlow.js ops on any backend, seeded, leak-free. */

export { seededRandom, shuffledIndices } from '../spec/random';
export { BACKENDS, type BackendOptions, useBackend } from './backends';
export { imageColumns } from './columns';
export { Engine, type Evaluation, type StepResult } from './engine';
export { initialWeights } from './init';
export { engineDriver } from './run-driver';
export { tf } from './tf';
