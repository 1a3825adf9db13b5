import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '../../src/engine';
import type { LayerWeights } from '../../src/spec';
import type { DoneEvent, ProgressEvent, SnapshotEvent, TrainerEvent } from '../../src/worker/protocol';
import { DIVERGED_MESSAGE, Trainer } from '../../src/worker/thread/trainer';
import { LONG_TEST_MS } from '../fixtures/long-test';
import { xoSet } from '../fixtures/seed-data';
import { xoSetup } from './setup';

const wasmPath = fileURLToPath(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
);

const trainers: Trainer[] = [];

/** A trainer on cpu, freed after the test. */
function cpuTrainer(): Trainer {
  const trainer = new Trainer({ backends: ['cpu'] });
  trainers.push(trainer);
  return trainer;
}

afterEach(async () => {
  for (const trainer of trainers.splice(0)) await trainer.dispose();
});

/** Runs `train` to its end and returns every event it sent. */
async function trainAll(trainer: Trainer, options: Parameters<Trainer['train']>[0] = {}) {
  const events: TrainerEvent[] = [];
  await trainer.listen((event) => {
    events.push(event);
  });
  const end = await trainer.train(options);
  return { events, end };
}

const ofType = <T extends TrainerEvent['type']>(events: TrainerEvent[], type: T) =>
  events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type);

const flat = (weights: (LayerWeights | null)[]) =>
  weights.flatMap((w) => (w ? [...w.kernel, ...w.bias] : []));

describe('loading', () => {
  it('trains at once on the only path there is, timing nothing', async () => {
    const report = await cpuTrainer().load(xoSetup());
    expect(report).toMatchObject({ backend: 'cpu', forced: false, measurements: [] });
    expect(report.summary).toBe('JavaScript trains, the only one here');
  });

  it('starts a small network on the plain path at once and times the others after its first step', async () => {
    const trainer = new Trainer({ backends: ['plain', 'cpu'] });
    trainers.push(trainer);
    const events: TrainerEvent[] = [];
    await trainer.listen((event) => {
      events.push(event);
    });
    const report = await trainer.load(xoSetup());
    expect(report).toMatchObject({ backend: 'plain', forced: false, measurements: [] });
    expect(report.summary).toContain('the others are being timed');
    await trainer.step(1);
    await trainer.timingSettled();
    const measured = ofType(events, 'backend').at(-1)?.report;
    expect(measured?.measurements.map((m) => m.backend)).toEqual(['plain', 'cpu']);
    const [plain, cpu] = measured?.measurements ?? [];
    expect(plain?.stepsPerSecond).toBeGreaterThan(0);
    // A plain step under a millisecond leaves TensorFlow.js no chance; a slower one gets it timed.
    if ((plain?.stepsPerSecond ?? 0) > 1000) expect(cpu?.note).toMatch(/^not timed: a step takes/);
    else expect(cpu?.stepsPerSecond).toBeGreaterThan(0);
    // The same shape again starts on the fastest measured, timing nothing.
    const again = await trainer.load(xoSetup());
    expect(again.measurements).toEqual(measured?.measurements);
    expect(again.summary).toContain('the fastest measured');
  });

  /** A trainer whose timing says cpu does `cpu` steps a second and plain 100. */
  function timedTrainer(cpu: number): Trainer {
    const trainer = new Trainer({
      backends: ['plain', 'cpu'],
      timeBackend: async (backend) => ({ backend, stepsPerSecond: backend === 'cpu' ? cpu : 100 }),
    });
    trainers.push(trainer);
    return trainer;
  }

  it('moves to a path timed clearly faster with the weights and steps carried exactly', async () => {
    const trainer = timedTrainer(1000);
    expect((await trainer.load(xoSetup())).backend).toBe('plain');
    await trainer.step(5);
    const weights = await trainer.getWeights();
    await trainer.timingSettled();
    expect(await trainer.getWeights()).toEqual(weights);
    const progress = await trainer.step(1);
    expect(progress.step).toBe(6);
    expect(tf.memory().numTensors).toBeGreaterThan(0);
  });

  it("goes on after a move as a run that stayed would, Adam's moments carried across", async () => {
    const moving = timedTrainer(1000);
    const staying = timedTrainer(110);
    const runs = [moving, staying].map(async (trainer) => {
      const events: TrainerEvent[] = [];
      await trainer.listen((event) => {
        events.push(event);
      });
      await trainer.load(xoSetup({ training: { ...xoSetup().network.training, batchSize: 5 } }));
      await trainer.step(5);
      await trainer.timingSettled();
      await trainer.step(10);
      return {
        backends: ofType(events, 'backend').map((e) => e.report.backend),
        weights: await trainer.getWeights(),
      };
    });
    const [moved, stayed] = await Promise.all(runs);
    expect(moved?.backends).toEqual(['plain', 'cpu']);
    expect(stayed?.backends).toEqual(['plain', 'plain']);
    const a = flat(moved?.weights ?? []);
    const b = flat(stayed?.weights ?? []);
    expect(a.length).toBe(b.length);
    expect(Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))))).toBeLessThan(1e-4);
  });

  it('stays where it is when the other path is not clearly faster', async () => {
    const trainer = timedTrainer(110);
    const events: TrainerEvent[] = [];
    await trainer.listen((event) => {
      events.push(event);
    });
    await trainer.load(xoSetup());
    await trainer.step(1);
    await trainer.timingSettled();
    expect(ofType(events, 'backend').map((e) => e.report.backend)).toEqual(['plain', 'plain']);
  });

  it('switches mid-run and the run goes on to its end', async () => {
    const trainer = timedTrainer(1000);
    await trainer.load(xoSetup());
    const { events, end } = await trainAll(trainer, { speed: 'fastest' });
    expect(ofType(events, 'backend').map((e) => e.report.backend)).toEqual(['cpu']);
    expect(end).toMatchObject({ type: 'done', reason: 'learned' });
  });

  it('uses a backend forced in settings without timing', async () => {
    const report = await cpuTrainer().load(xoSetup(), { backend: 'cpu' });
    expect(report).toMatchObject({ backend: 'cpu', forced: true, measurements: [] });
  });

  it('says so when a forced backend is not available and uses the fastest', async () => {
    const report = await cpuTrainer().load(xoSetup(), { backend: 'webgl' });
    expect(report.backend).toBe('cpu');
    expect(report.summary).toContain('GPU (WebGL), chosen in settings, is not available here');
  });

  it('refuses to train before a network is loaded', async () => {
    await expect(cpuTrainer().train()).rejects.toThrow('load one first');
  });
});

describe('a training run', () => {
  it('reaches the goal on X vs O and ends with done: learned', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const { events, end } = await trainAll(trainer, { speed: 'fastest' });
    expect(end).toMatchObject({ type: 'done', reason: 'learned' });
    expect(events.at(-1)).toBe(end);
    expect(ofType(events, 'progress').at(-1)?.trainAccuracy).toBe(1);
  });

  it('sends progress with the step, epoch, loss and a positive example rate', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const { events } = await trainAll(trainer, { speed: 'fastest' });
    const progress = ofType(events, 'progress');
    const last = progress.at(-1) as ProgressEvent;
    expect(last.step).toBeGreaterThan(0);
    expect(last.epoch).toBe(last.step);
    expect(Number.isFinite(last.loss)).toBe(true);
    expect(last.examplesPerSecond).toBeGreaterThan(0);
    expect(progress.map((p) => p.step)).toEqual([...progress.map((p) => p.step)].sort((a, b) => a - b));
  });

  it('sends the page progress with its snapshots at the pace, not at every check that decides the run, and the last step always', async () => {
    // Each picture again under the other class: the run never learns them and goes to its limit,
    // checked every few steps by the routine that decides it.
    const contradicting = xoSet.map((p) => ({ ...p, classIndex: 1 - p.classIndex }));
    const trainer = new Trainer({ backends: ['plain'] });
    trainers.push(trainer);
    await trainer.load(xoSetup({ train: [...xoSet, ...contradicting], maxSteps: 400 }));
    const started = performance.now();
    const { events, end } = await trainAll(trainer, { speed: 'fastest' });
    const elapsed = performance.now() - started;
    const progress = ofType(events, 'progress');
    expect(end).toMatchObject({ type: 'done', reason: 'step-limit', step: 400 });
    // 'fastest' shows a check at most every 100 ms; the one the run ended on comes on top.
    expect(progress.length).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 2);
    expect(progress.at(-1)?.step).toBe(400);
    expect(events.indexOf(progress.at(-1) as ProgressEvent)).toBeLessThan(events.indexOf(end));
    // Each shown check but the last comes right before a snapshot of the same step: the page draws
    // both in one frame.
    for (const shown of progress.slice(0, -1)) {
      const next = events[events.indexOf(shown) + 1];
      expect(next).toMatchObject({ type: 'snapshot', step: shown.step });
    }
  });

  it('judges the test pictures only when asked', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 3 }));
    const without = ofType((await trainAll(trainer, { speed: 'fastest' })).events, 'progress');
    await trainer.reset();
    const withTest = ofType(
      (await trainAll(trainer, { speed: 'fastest', testAccuracy: true })).events,
      'progress',
    );
    expect(without.every((p) => p.testAccuracy === null)).toBe(true);
    expect(withTest.every((p) => typeof p.testAccuracy === 'number')).toBe(true);
  });

  it('sends snapshots with every weighted layer and the watched picture through every layer', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 2 }));
    await trainer.watch(Float32Array.from(xoSet[0]?.pixels ?? []));
    const snapshot = ofType(
      (await trainAll(trainer, { speed: 'slow' })).events,
      'snapshot',
    )[0] as SnapshotEvent;
    expect(snapshot.weights.map((w) => (w ? [w.kernel.length, w.bias.length] : null))).toEqual([
      [36, 4],
      null,
      null,
      null,
      [128, 2],
    ]);
    expect(snapshot.activations?.map((a) => a.shape)).toEqual([[7, 7, 4], [7, 7, 4], [4, 4, 4], [64], [2]]);
  });

  it('sends snapshots without activations when no picture is watched', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 2 }));
    const snapshots = ofType((await trainAll(trainer, { speed: 'slow' })).events, 'snapshot');
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.every((s) => s.activations === null)).toBe(true);
  });

  it('stops at the step limit', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 4 }));
    const { end } = await trainAll(trainer, { speed: 'fastest' });
    expect(end).toMatchObject({ type: 'done', reason: 'step-limit', step: 4 });
  });

  it('takes one step at a time in slow motion, with a snapshot after each', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 3 }));
    const { events } = await trainAll(trainer, { speed: 'slow-motion' });
    expect(ofType(events, 'progress').map((p) => p.step)).toEqual([1, 2, 3]);
    expect(ofType(events, 'snapshot').map((s) => s.step)).toEqual([1, 2, 3]);
  });

  it('ends with done: stopped when stopped, and stop resolves after it', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const events: TrainerEvent[] = [];
    await trainer.listen((event) => {
      events.push(event);
      if (event.type === 'progress') void trainer.stop();
    });
    const ended = trainer.train({ speed: 'slow-motion' });
    expect(await ended).toMatchObject({ type: 'done', reason: 'stopped', step: 1 });
    expect(ofType(events, 'done')).toHaveLength(1);
  });

  it('refuses a second run while one is going', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const first = trainer.train({ speed: 'slow-motion' });
    await expect(trainer.train()).rejects.toThrow('already running');
    await trainer.stop();
    await first;
  });

  it('ends with an error event for the player when the engine throws mid-run', async () => {
    const trainer = cpuTrainer();
    // A picture of the wrong size cannot go through the network (watched before loading, so the
    // snapshot that watching sends between runs does not throw first).
    await trainer.watch(new Float32Array(5));
    await trainer.load(xoSetup());
    const { events, end } = await trainAll(trainer, { speed: 'fastest' });
    expect(end.type).toBe('error');
    expect(end.type === 'error' && end.message).toMatch(/^Training failed: /);
    expect(events.at(-1)).toBe(end);
  });
});

describe('a loss that blows up', () => {
  const exploding = xoSetup({
    training: { optimizer: 'sgd', learningRate: 1e30, momentum: 0, batchSize: 32, seed: 1 },
  });

  it('stops training with a message for the player', async () => {
    const trainer = cpuTrainer();
    await trainer.load(exploding);
    const { end } = await trainAll(trainer, { speed: 'slow-motion' });
    expect(end).toMatchObject({ type: 'done', reason: 'diverged', message: DIVERGED_MESSAGE });
  });

  it('keeps the last good weights, all finite', async () => {
    const trainer = cpuTrainer();
    await trainer.load(exploding);
    await trainAll(trainer, { speed: 'slow-motion' });
    expect(flat(await trainer.getWeights()).every(Number.isFinite)).toBe(true);
  });
});

describe('pause, step and reset', () => {
  it('parks a run on pause so that step takes exactly the steps asked for', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    let last = 0;
    await trainer.listen((event) => {
      if (event.type === 'progress') last = event.step;
    });
    const run = trainer.train({ speed: 'fast' });
    await trainer.pause();
    const paused = last;
    expect((await trainer.step(3)).step).toBe(paused + 3);
    await trainer.stop();
    expect(await run).toMatchObject({ reason: 'stopped', step: paused + 3 });
  });

  it('goes on after resume', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup({ maxSteps: 6 }));
    const run = trainer.train({ speed: 'fastest' });
    await trainer.pause();
    await trainer.resume();
    expect(await run).toMatchObject({ reason: 'step-limit', step: 6 });
  });

  it('steps without a run', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    await trainer.step(2);
    expect((await trainer.step(5)).step).toBe(7);
  });

  it.each([0, -1, 1.5])('refuses to take %s steps', async (steps) => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    await expect(trainer.step(steps)).rejects.toThrow(`not ${steps}`);
  });

  it('resets to the freshly loaded weights at step 0', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const fresh = await trainer.getWeights();
    await trainer.step(5);
    expect((await trainer.reset()).step).toBe(0);
    expect(await trainer.getWeights()).toEqual(fresh);
  });

  it('resets with a new seed to the weights that seed draws', async () => {
    const trainer = cpuTrainer();
    const other = cpuTrainer();
    await trainer.load(xoSetup());
    await other.load(xoSetup({ training: { ...xoSetup().network.training, seed: 9 } }));
    await trainer.reset(9);
    expect(await trainer.getWeights()).toEqual(await other.getWeights());
  });

  it('ends a run on reset', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const run = trainer.train({ speed: 'slow-motion' });
    await trainer.reset();
    expect(await run).toMatchObject({ type: 'done', reason: 'stopped' });
  });
});

describe('weights and predictions', () => {
  it('sets weights that getWeights gives back', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const weights = (await trainer.getWeights()).map((w) =>
      w ? { kernel: w.kernel.map((_, i) => i / 100), bias: w.bias.map(() => 0.5) } : null,
    );
    await trainer.setWeights(weights);
    expect(flat(await trainer.getWeights())).toEqual(flat(weights).map((v) => Math.fround(v)));
  });

  it('predicts one picture with every layer and probabilities that sum to 1', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    const prediction = await trainer.predict(Float32Array.from(xoSet[1]?.pixels ?? []));
    expect(prediction.layers.map((l) => l.type)).toEqual(['conv', 'relu', 'pool', 'flatten', 'dense']);
    expect((prediction.probabilities[0] ?? 0) + (prediction.probabilities[1] ?? 0)).toBeCloseTo(1, 5);
  });

  it('says there is no WebGL context to lose on cpu', async () => {
    const trainer = cpuTrainer();
    await trainer.load(xoSetup());
    expect(await trainer.loseWebGLContext()).toBe(false);
  });
});

describe('determinism and memory', () => {
  it('trains the same setup to the same weights twice', async () => {
    const a = cpuTrainer();
    const b = cpuTrainer();
    await a.load(xoSetup());
    await b.load(xoSetup());
    await a.step(20);
    await b.step(20);
    expect(await a.getWeights()).toEqual(await b.getWeights());
  });

  it.each(['cpu', 'wasm'] as const)(
    'holds no more tensors on %s after 1,000 steps and a reset than after loading',
    async (backend) => {
      const trainer = new Trainer({ backends: [backend], backendOptions: { wasmPath } });
      trainers.push(trainer);
      expect((await trainer.load(xoSetup({ maxSteps: 1000 }))).backend).toBe(backend);
      const loaded = tf.memory().numTensors;
      // The first step allocates the optimiser's moments and the kept full batch, which stay.
      await trainer.step(1);
      const warm = tf.memory().numTensors;
      const { end } = await trainAll(trainer, { speed: 'fastest' });
      // The goal would end the run early: keep stepping to a full 1,000.
      const done = (end as DoneEvent).step;
      if (done < 1000) await trainer.step(1000 - done);
      expect(tf.memory().numTensors).toBe(warm);
      await trainer.reset();
      expect(tf.memory().numTensors).toBe(loaded);
    },
    LONG_TEST_MS,
  );

  it('frees every tensor on dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer({ backends: ['cpu'] });
    await trainer.load(xoSetup());
    await trainer.step(3);
    await trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
