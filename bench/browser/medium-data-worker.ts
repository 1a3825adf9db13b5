/**
 * Generates the medium benchmark's pictures off the page: bench/medium-data.ts imports the engine's
 * index, which would load TensorFlow.js on the main page, and the page must stay free of it.
 */
// tfjs-core first: Vite's pre-bundled chunks would otherwise register gradients before its flags.
import '@tensorflow/tfjs-core';
import { mediumData } from '../medium-data';

self.postMessage(mediumData(1000, 7));
