/** The training engine: TensorFlow.js ops on any backend, seeded, leak-free. */

export { seededRandom, shuffledIndices } from '../spec/random';
export { BACKENDS, type BackendName, type BackendOptions, useBackend } from './backends';
export { imageColumns } from './columns';
export { Engine, type EngineNetwork, type Evaluation, type LayerOutput, type StepResult } from './engine';
export { initialWeights } from './init';
export { DEFAULT_MAX_STEPS, hasLearned } from './stopping';
export { tf } from './tf';
