/** The training engine: TensorFlow.js ops on any backend, seeded, leak-free. */
export { imageColumns } from './columns';
export { Engine, type EngineNetwork, type Evaluation, type LayerOutput, type StepResult } from './engine';
export { initialWeights } from './init';
export { seededRandom, shuffledIndices } from './random';
