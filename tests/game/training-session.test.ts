import { describe, expect, it } from 'vitest';
import { keptRunFor, plainVerdict } from '../../src/game/kept-verdict';
import {
  type ResultRecord,
  type SessionState,
  type SessionTrainer,
  TrainingSession,
  type Verdict,
} from '../../src/game/training-session';
import { DEFAULT_TRAINING, type LevelSpec, levelNetwork, type NetworkSpec, parseLevel } from '../../src/spec';
import type { BackendReport, DoneEvent, ProgressEvent, RunEnd, TrainingJob } from '../../src/worker/protocol';
import { readLevelFile } from '../levels/built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('slash-2x2.json'));

const layers = [{ type: 'flatten' as const }, { type: 'dense' as const, units: 2 }];
const report: BackendReport = { backend: 'cpu', forced: false, measurements: [], summary: 'cpu' };

const progress = (step: number): ProgressEvent => ({
  type: 'progress',
  step,
  epoch: step,
  loss: 0.05,
  trainAccuracy: 1,
  testAccuracy: null,
  examplesPerSecond: 0,
});

/** A trainer that answers at once; `runs` says how each Train ends; every call is logged. */
function fakeTrainer(runs: RunEnd[]) {
  const calls: string[] = [];
  // Each run waits at its gate until the test lets it finish (before or after it started).
  let releaseRun: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => {
    releaseRun = resolve;
  });
  // Loading waits at its own gate while `slowLoad` is set, as timing the backends does.
  let releaseLoad: () => void = () => undefined;
  const loads = { slow: false };
  const trainer: SessionTrainer = {
    async load(job: TrainingJob) {
      calls.push(`load ${job.network.layers.length} layers${job.network.weights ? ' with weights' : ''}`);
      if (loads.slow)
        await new Promise<void>((resolve) => {
          releaseLoad = resolve;
        });
      return report;
    },
    async watch(pixels) {
      calls.push(pixels ? `watch ${pixels.length} pixels` : 'watch nothing');
    },
    async predict(pixels) {
      calls.push(`predict ${pixels.length} pixels`);
      return { probabilities: Float32Array.of(0.25, 0.75), layers: [] };
    },
    async train() {
      calls.push('train');
      await gate;
      gate = new Promise<void>((resolve) => {
        releaseRun = resolve;
      });
      const end = runs.shift();
      if (!end) throw new Error('no run planned');
      return end;
    },
    async pause() {
      calls.push('pause');
    },
    async resume() {
      calls.push('resume');
    },
    async step(steps) {
      calls.push(`step ${steps}`);
      return progress(steps);
    },
    async reset() {
      calls.push('reset');
      return progress(0);
    },
    async stop() {
      calls.push('stop');
      releaseRun();
    },
    async getWeights() {
      calls.push('getWeights');
      return [null, { kernel: [1, 2, 3, 4, 5, 6, 7, 8], bias: [0, 0] }];
    },
  };
  return { trainer, calls, loads, finishRun: () => releaseRun(), finishLoad: () => releaseLoad() };
}

/** A run that learned, judged with every test picture voted its own class (or all voted class 0). */
function learned(step: number, allRight: boolean): DoneEvent {
  const classes = level.classes.length;
  const predicted = Int32Array.from(level.test, (e) => (allRight ? e.classIndex : 0));
  const probabilities = new Float32Array(level.test.length * classes);
  predicted.forEach((k, i) => {
    probabilities[i * classes + k] = 1;
  });
  const accuracy = level.test.filter((e, i) => predicted[i] === e.classIndex).length / level.test.length;
  return {
    type: 'done',
    reason: 'learned',
    step,
    message: 'learned',
    test: { accuracy, predicted, probabilities },
  };
}

/** Lets pending callbacks run until `done` holds. */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A session on a fake trainer; `keeping` wires `keep`, which asks the trainer for its weights after a verdict. */
function session(runs: RunEnd[], keeping = false) {
  const fake = fakeTrainer(runs);
  const records: ResultRecord[] = [];
  const said: string[] = [];
  const states: SessionState[] = [];
  const kept: { network: NetworkSpec; verdict: Verdict }[] = [];
  let restarts = 0;
  const s = new TrainingSession({
    level,
    trainer: fake.trainer,
    settings: () => ({ speed: 'normal', backend: 'auto' }),
    record: async (r) => {
      records.push(r);
    },
    ...(keeping && {
      keep: async (run: { network: NetworkSpec; verdict: Verdict }) => {
        kept.push(run);
      },
    }),
    announce: (m) => said.push(m),
    onChange: (state) => states.push(state),
    onRestart: () => {
      restarts++;
    },
  });
  return { s, ...fake, records, said, states, kept, restarts: () => restarts };
}

const network = (weights?: Parameters<typeof levelNetwork>[3]) => ({
  network: levelNetwork(level, layers, DEFAULT_TRAINING, weights),
  blocker: null,
  params: 10,
});

describe('a level training session', () => {
  it('cannot train before the blocks make a network, and says why', async () => {
    const { s, calls } = session([]);
    expect(s.state.blocker).toMatch(/Build a network/);
    await s.train();
    await s.networkChanged({ ...network(), blocker: 'Dense needs a flat input' });
    await s.train();
    expect(calls).toEqual([]);
    expect(s.state.blocker).toBe('Dense needs a flat input');
  });

  it('shows the press at once and never starts a second run on a second press', async () => {
    const { s, calls, finishRun } = session([learned(12, true)]);
    await s.networkChanged(network());
    const first = s.train();
    expect(s.state.phase).toBe('running');
    await s.train();
    finishRun();
    await first;
    expect(calls.filter((c) => c === 'train')).toHaveLength(1);
    expect(s.state.phase).toBe('idle');
  });

  it('says at once what a slow start is doing, and a second press during it starts nothing', async () => {
    const { s, calls, loads, finishLoad, finishRun } = session([learned(12, true)]);
    await s.networkChanged(network());
    loads.slow = true;
    const first = s.train();
    expect([s.state.phase, s.state.activity]).toEqual(['running', expect.stringMatching(/^Getting ready/)]);
    await waitFor(() => calls.includes('load 2 layers'));
    await s.train();
    await s.step();
    finishLoad();
    await waitFor(() => calls.includes('train'));
    expect(s.state.activity).toMatch(/^Training/);
    finishRun();
    await first;
    expect(calls).toEqual(['load 2 layers', 'train']);
    expect([s.state.phase, s.state.activity]).toEqual(['idle', null]);
  });

  it('loads the network when a picture is picked before training, so its votes can show', async () => {
    const { s, calls } = session([]);
    await s.look(new Float32Array(4), false);
    await s.networkChanged(network());
    await s.look(new Float32Array(4), true);
    await s.look(new Float32Array(4), true);
    expect(calls).toEqual(['watch 4 pixels', 'load 2 layers', 'watch 4 pixels', 'watch 4 pixels']);
  });

  it("asks a paused run for the picked picture's outputs, which no snapshot brings", async () => {
    const { s, calls, finishRun } = session([learned(5, true)]);
    await s.networkChanged(network());
    const run = s.train();
    await waitFor(() => calls.includes('train'));
    expect(await s.look(new Float32Array(4), true)).toBeNull();
    await s.pause();
    const seen = await s.look(new Float32Array(4), true);
    expect(Array.from(seen?.probabilities ?? [])).toEqual([0.25, 0.75]);
    await s.train();
    finishRun();
    await run;
    expect(calls.filter((c) => !c.startsWith('load'))).toEqual([
      'train',
      'watch 4 pixels',
      'pause',
      'watch 4 pixels',
      'predict 4 pixels',
      'resume',
    ]);
  });

  it('shares one load between a picked picture and a Train pressed while it loads', async () => {
    const { s, calls, loads, finishLoad, finishRun } = session([learned(3, true)]);
    await s.networkChanged(network());
    loads.slow = true;
    const look = s.look(new Float32Array(4), true);
    await waitFor(() => calls.includes('load 2 layers'));
    const run = s.train();
    finishLoad();
    await look;
    await waitFor(() => calls.includes('train'));
    finishRun();
    await run;
    expect(calls).toEqual(['load 2 layers', 'watch 4 pixels', 'train']);
  });

  it('judges a finished run on the hidden pictures, records it and announces the verdict', async () => {
    const { s, records, said, finishRun } = session([learned(12, true)]);
    await s.networkChanged(network());
    const run = s.train();
    finishRun();
    await run;
    expect(s.state.verdict?.judgement.won).toBe(true);
    expect(records).toEqual([
      { won: true, stars: s.state.verdict?.judgement.stars, accuracy: 1, params: 10, steps: 12 },
    ]);
    expect(said.at(-1)).toMatch(/^Level complete: 100% of the test pictures right/);
  });

  it('names overfitting when a network that learned every training picture misses the goal', async () => {
    const { s, said, calls, finishRun } = session([learned(12, false)]);
    await s.networkChanged(network());
    const run = s.train();
    await waitFor(() => calls.includes('train'));
    s.handle(progress(12));
    finishRun();
    await run;
    expect(s.state.verdict?.run).toEqual({ reason: 'learned', step: 12, trainAccuracy: 1 });
    expect(said.at(-1)).toMatch(/^Not yet: 50% of the test pictures right; the goal is 100%\. .*overfitting/);
  });

  it('records a loss without a win', async () => {
    const { s, records, said, finishRun } = session([learned(12, false)]);
    await s.networkChanged(network());
    const run = s.train();
    finishRun();
    await run;
    expect(records[0]?.won).toBe(false);
    expect(said.at(-1)).toMatch(/^Not yet/);
  });

  it('keeps the loaded network across runs and reloads it after a change', async () => {
    const { s, calls, finishRun } = session([learned(3, true), learned(6, true), learned(9, true)]);
    await s.networkChanged(network());
    for (const change of [false, false, true]) {
      if (change)
        await s.networkChanged({
          ...network(),
          network: levelNetwork(level, layers, { ...DEFAULT_TRAINING, learningRate: 0.1 }),
        });
      const run = s.train();
      finishRun();
      await run;
    }
    expect(calls.filter((c) => c.startsWith('load'))).toHaveLength(2);
  });

  it('pauses and resumes the same run', async () => {
    const { s, calls, finishRun } = session([learned(5, true)]);
    await s.networkChanged(network());
    const run = s.train();
    await waitFor(() => calls.includes('train'));
    await s.pause();
    expect(s.state.phase).toBe('paused');
    await s.train();
    expect(s.state.phase).toBe('running');
    finishRun();
    await run;
    expect(calls.filter((c) => ['pause', 'resume', 'train'].includes(c))).toEqual([
      'train',
      'pause',
      'resume',
    ]);
  });

  it('steps and resets through the trainer, whose events reach the views', async () => {
    const { s, calls, restarts } = session([]);
    await s.networkChanged(network());
    await s.step();
    await s.reset();
    expect(calls).toEqual(['load 2 layers', 'step 1', 'reset']);
    expect(restarts()).toBe(2);
  });

  it('hands out trained weights only once trained, and not for a changed network', async () => {
    const { s, calls, finishRun } = session([learned(4, true)]);
    await s.networkChanged(network());
    expect(await s.trainedWeights()).toBeNull();
    const run = s.train();
    await waitFor(() => calls.includes('train'));
    s.handle(progress(4));
    finishRun();
    await run;
    expect(await s.trainedWeights()).not.toBeNull();
    await s.networkChanged({
      ...network(),
      network: levelNetwork(level, [...layers], { ...DEFAULT_TRAINING, seed: 2 }),
    });
    expect(await s.trainedWeights()).toBeNull();
  });

  it('starts a shared network from its weights, once', async () => {
    const { s, calls } = session([]);
    await s.networkChanged(network([null, { kernel: [0, 0, 0, 0, 0, 0, 0, 0], bias: [0, 0] }]));
    expect(await s.showShared()).toBe(true);
    expect(await s.trainedWeights()).not.toBeNull();
    await s.reset();
    expect(calls.filter((c) => c.startsWith('load'))).toEqual(['load 2 layers with weights']);
  });

  it('says why a run stopped without a verdict', async () => {
    const diverged: RunEnd = {
      type: 'done',
      reason: 'diverged',
      step: 3,
      message: 'The loss blew up',
      test: null,
    };
    const { s, said, records, finishRun } = session([diverged]);
    await s.networkChanged(network());
    const run = s.train();
    finishRun();
    await run;
    expect([said.at(-1), records.length, s.state.verdict]).toEqual(['The loss blew up', 0, null]);
  });

  it('keeps a judged run with its trained weights, and a reopened level shows its verdict from them', async () => {
    const first = session([learned(12, true)], true);
    await first.s.networkChanged(network());
    const run = first.s.train();
    first.finishRun();
    await run;
    expect(first.kept).toHaveLength(1);
    const [keptRun] = first.kept;
    if (!keptRun) throw new Error('no run kept');
    expect(keptRun.network.weights).toEqual([null, { kernel: [1, 2, 3, 4, 5, 6, 7, 8], bias: [0, 0] }]);
    expect(keptRun.network.layers).toEqual(layers);
    const plain = plainVerdict(keptRun.verdict);
    expect(plain).toMatchObject({ won: true, accuracy: 1, step: 12, reason: 'learned', trainAccuracy: 0 });

    // The reload: the same blocks on the workbench get the kept weights and verdict back.
    const onScreen = levelNetwork(level, layers, DEFAULT_TRAINING);
    const back = plain && keptRunFor(level, { network: keptRun.network, verdict: plain }, onScreen, 10);
    if (!back) throw new Error('the kept run did not come back');
    const second = session([]);
    await second.s.networkChanged(network(back.weights));
    second.s.restore(back.verdict);
    expect(second.s.state.verdict?.judgement).toEqual(first.s.state.verdict?.judgement);
    expect([...(second.s.state.verdict?.predicted ?? [])]).toEqual(level.test.map((e) => e.classIndex));
    expect(await second.s.showShared()).toBe(true);
    // Looking inside a picture uses the kept weights: no second load, no Train pressed.
    await second.s.look(new Float32Array(4), true);
    expect(second.calls).toEqual(['load 2 layers with weights', 'watch 4 pixels']);
    expect(await second.s.trainedWeights()).not.toBeNull();
  });

  it('shows no kept verdict for edited blocks, nor one the level now judges otherwise', async () => {
    const first = session([learned(12, true)], true);
    await first.s.networkChanged(network());
    const run = first.s.train();
    first.finishRun();
    await run;
    const [keptRun] = first.kept;
    const plain = keptRun && plainVerdict(keptRun.verdict);
    if (!keptRun || !plain) throw new Error('no run kept');
    const kept = { network: keptRun.network, verdict: plain };
    const same = levelNetwork(level, layers, DEFAULT_TRAINING);
    expect(keptRunFor(level, kept, same, 10)).not.toBeNull();
    const edited = levelNetwork(
      level,
      [{ type: 'flatten' }, { type: 'dense', units: 3 }, { type: 'dense', units: 2 }],
      DEFAULT_TRAINING,
    );
    expect(keptRunFor(level, kept, edited, 10)).toBeNull();
    const otherRate = levelNetwork(level, layers, { ...DEFAULT_TRAINING, learningRate: 0.3 });
    expect(keptRunFor(level, kept, otherRate, 10)).toBeNull();
    // Votes that do not make the kept win (every picture voted class 0) are refused, as is a wrong count.
    const allZero = { ...plain, predicted: plain.predicted.map(() => 0) };
    expect(keptRunFor(level, { ...kept, verdict: allZero }, same, 10)).toBeNull();
    const short = {
      ...plain,
      predicted: plain.predicted.slice(1),
      probabilities: plain.probabilities.slice(2),
    };
    expect(keptRunFor(level, { ...kept, verdict: short }, same, 10)).toBeNull();
  });
});
