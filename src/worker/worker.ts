/**
 * The training worker's entry: one Trainer exposed through Comlink. TensorFlow.js loads here and
 * only here; the wasm binaries come from the npm package, served (and hashed) by Vite.
 */
// tfjs-core before anything that registers gradients: Vite's pre-bundled chunks would otherwise run a
// gradient registration before the core's flags exist ("Cannot evaluate flag 'DEBUG'").
import '@tensorflow/tfjs-core';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import * as Comlink from 'comlink';
import type { TrainerApi } from './protocol';
import { Trainer } from './trainer';
import { eventTransferables, predictionTransferables } from './transfer';

const trainer = new Trainer({
  backendOptions: {
    wasmPath: {
      'tfjs-backend-wasm.wasm': wasmUrl,
      'tfjs-backend-wasm-simd.wasm': simdUrl,
      // Never fetched (multithreading is off), but setWasmPaths wants an entry for every binary.
      'tfjs-backend-wasm-threaded-simd.wasm': simdUrl,
    },
  },
});

const api: TrainerApi = {
  load: (setup, options) => trainer.load(setup, options),
  train: (onEvent, options) =>
    trainer.train((event) => {
      // The page may be busy: never wait for it, and never let its failure stop training.
      Promise.resolve(onEvent(Comlink.transfer(event, eventTransferables(event)))).catch(() => undefined);
    }, options),
  pause: () => trainer.pause(),
  resume: () => trainer.resume(),
  step: (steps) => trainer.step(steps),
  reset: (seed) => trainer.reset(seed),
  stop: () => trainer.stop(),
  setSpeed: (speed) => trainer.setSpeed(speed),
  watch: (pixels) => trainer.watch(pixels),
  predict: async (pixels) => {
    const prediction = await trainer.predict(pixels);
    return Comlink.transfer(prediction, predictionTransferables(prediction));
  },
  getWeights: () => trainer.getWeights(),
  setWeights: (weights) => trainer.setWeights(weights),
  loseWebGLContext: () => trainer.loseWebGLContext(),
  ping: () => trainer.ping(),
};

Comlink.expose(api);
