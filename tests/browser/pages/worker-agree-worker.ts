/**
 * Computes, in a worker as the game trains, everything that must agree across backends on cpu,
 * wasm and WebGL, and posts the numbers per backend (or why a backend is missing).
 */
// tfjs-core first: Vite's pre-bundled chunks would otherwise register gradients before its flags.
import '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { useBackend } from '../../../src/engine';
import { backendOutputs } from '../../worker/agreement';
import type { Outputs } from '../../worker/disagreements';

const wasmPath = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': simdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
};

const results: Record<string, Outputs | string> = {};
for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
  results[backend] = (await useBackend(backend, { wasmPath })) ? await backendOutputs() : 'not available';
}
self.postMessage(results);
