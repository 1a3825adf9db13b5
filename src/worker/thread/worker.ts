/**
 * The training worker's entry: one Trainer exposed through Comlink. TensorFlow.js loads here and
 * only here; the wasm binaries come from the npm package, served (and hashed) by Vite.
 */
// tfjs-core before anything that registers gradients: Vite's pre-bundled chunks would otherwise run a
// gradient registration before the core's flags exist ("Cannot evaluate flag 'DEBUG'").
import '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { exposeTrainer } from './expose';
import { Trainer } from './trainer';

exposeTrainer(
  new Trainer({
    backendOptions: {
      wasmPath: {
        'tfjs-backend-wasm.wasm': wasmUrl,
        'tfjs-backend-wasm-simd.wasm': simdUrl,
        // Never fetched (multithreading is off), but setWasmPaths wants an entry for every binary.
        'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
      },
    },
  }),
);
