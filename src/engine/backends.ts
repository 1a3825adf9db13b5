import { BACKEND_NAMES, type BackendName, type Example, type NetworkSpec } from '../spec';
import { Engine } from './engine';
import type { TrainingEngine } from './engine-api';
import { PlainEngine } from './plain-engine';
import { tf } from './tf';

/** Every backend, fastest-to-start first. */
export const BACKENDS: readonly BackendName[] = BACKEND_NAMES;

/** The wasm backend's binaries, by file name, as the package names them. */
export type WasmFileName =
  | 'tfjs-backend-wasm.wasm'
  | 'tfjs-backend-wasm-simd.wasm'
  | 'tfjs-backend-wasm-threaded-simd.wasm';

/** Where the wasm backend finds its `.wasm` files. */
export interface BackendOptions {
  /**
   * A URL prefix in browsers or a folder in Node, or one URL per file (what a bundler hands out
   * for `import url from '...wasm?url'`, whose names carry content hashes).
   */
  readonly wasmPath?: string | Readonly<Partial<Record<WasmFileName, string>>>;
}

const loaded = new Set<BackendName>(['cpu', 'plain']);

/** Registers a backend's kernels the first time it is asked for, so unused ones cost nothing. */
async function load(name: BackendName, options: BackendOptions): Promise<void> {
  if (loaded.has(name)) return;
  if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    // The threaded build needs cross-origin isolation and breaks when minified: single-threaded SIMD.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (options.wasmPath) wasm.setWasmPaths(options.wasmPath);
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
    // Unpacked textures compile and run faster on the seed levels. Shape uniforms were faster too,
    // but gave wrong gradients back through a "same" max pool (the backend agreement test): off.
    tf.env().set('WEBGL_PACK', false);
    tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', false);
  }
  loaded.add(name);
}

/**
 * Switches TensorFlow.js to `name`. Resolves to false, never throws, when the backend is missing or
 * refuses (no WebGL in this worker, no wasm file), so the caller can fall back to another.
 */
export async function useBackend(name: BackendName, options: BackendOptions = {}): Promise<boolean> {
  // The plain path needs no TensorFlow.js backend: it leaves the current one as it is.
  if (name === 'plain') return true;
  try {
    await load(name, options);
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Builds `network` on `path`: the plain typed-array engine, or the TensorFlow.js engine on the
 * backend TensorFlow.js is set to now (switch with useBackend first).
 */
export function createEngine(
  path: BackendName,
  network: NetworkSpec,
  train: readonly Example[],
): TrainingEngine {
  return path === 'plain' ? new PlainEngine(network, train) : new Engine(network, train);
}
