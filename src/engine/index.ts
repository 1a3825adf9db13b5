/** The training engine: TensorFlow.js ops on any backend, seeded, leak-free. */

export { seededRandom, shuffledIndices } from '../spec/random';
export { BACKENDS, type BackendOptions, createEngine, useBackend } from './backends';
export type { BatchPosition } from './batch-order';
export { imageColumns } from './columns';
export { Engine } from './engine';
export type { Evaluation, OptimizerState, StepResult, TrainingEngine, TrainingState } from './engine-api';
export { initialWeights } from './init';
export { expectedFastest, forwardWork, PLAIN_MAX_STEP_WORK } from './path-choice';
export { PlainEngine } from './plain-engine';
export { engineDriver } from './run-driver';
export { tf } from './tf';
