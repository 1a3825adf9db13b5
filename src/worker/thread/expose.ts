import * as Comlink from 'comlink';
import type { WorkerApi } from '../protocol';
import type { Trainer } from './trainer';
import { eventTransferables, predictionTransferables } from './transfer';
import { workerMemory } from './worker-memory';

/**
 * Serves `trainer` over `endpoint` (the worker's global scope, or a MessagePort in tests): events
 * and predictions hand their number buffers over instead of copying them.
 */
export function exposeTrainer(trainer: Trainer, endpoint?: Comlink.Endpoint): void {
  const api: WorkerApi = {
    load: (job, options) => trainer.load(job, options),
    listen: (onEvent) =>
      trainer.listen((event) => {
        // The page may be busy: never wait for it, and never let its failure stop training.
        Promise.resolve(onEvent(Comlink.transfer(event, eventTransferables(event)))).catch(() => undefined);
      }),
    train: (options) => trainer.train(options),
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
    testProbabilities: async () => {
      const probabilities = await trainer.testProbabilities();
      return Comlink.transfer(probabilities, [probabilities.buffer as ArrayBuffer]);
    },
    getWeights: () => trainer.getWeights(),
    setWeights: (weights) => trainer.setWeights(weights),
    loseWebGLContext: () => trainer.loseWebGLContext(),
    ping: () => trainer.ping(),
    memory: async () => workerMemory(),
  };
  Comlink.expose(api, endpoint);
}
