import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../src/spec';
import {
  createTrainerClient,
  type TrainerClient,
  type TrainerStatus,
  WORKER_DIED_MESSAGE,
} from '../../src/worker/page/client';
import type { TrainerEvent } from '../../src/worker/protocol';
import { ManualTimers } from '../fixtures/manual-timers';
import { PortWorker } from './port-worker';
import { xoSetup } from './setup';

const clients: TrainerClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

const HEARTBEAT_MS = 2000;
const HEARTBEAT_TIMEOUT_MS = 10_000;

/**
 * A client on port workers, with what it heard; `onEvent` runs after each event is recorded. Its
 * heartbeat rings only when the test moves `clock`: a port worker trains on the test's own
 * thread, so a real heartbeat would find it busy on a loaded machine and call it dead.
 */
function portClient(
  options: {
    maxRestartsPerMinute?: number;
    heartbeatMs?: number;
    onEvent?: (event: TrainerEvent) => void;
  } = {},
) {
  const workers: PortWorker[] = [];
  const events: TrainerEvent[] = [];
  const statuses: TrainerStatus[] = [];
  const waiting: { states: TrainerStatus['state'][]; resolve: () => void }[] = [];
  const clock = new ManualTimers();
  const client = createTrainerClient({
    spawn: () => {
      const worker = new PortWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    heartbeatTimeoutMs: HEARTBEAT_TIMEOUT_MS,
    clock,
    maxRestartsPerMinute: options.maxRestartsPerMinute ?? 3,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
    onStatus: (status) => {
      statuses.push(status);
      for (const w of waiting.filter((w) => w.states.includes(status.state))) w.resolve();
    },
  });
  clients.push(client);
  /** Resolves when the client reaches one of `states`. */
  const reaches = (...states: TrainerStatus['state'][]) =>
    new Promise<void>((resolve) => {
      if (states.includes(client.status.state)) resolve();
      else waiting.push({ states, resolve });
    });
  return { client, workers, events, statuses, reaches, clock };
}

const plain = (weights: (LayerWeights | null)[]) => weights.map((w) => w && [...w.kernel, ...w.bias]);

describe('the trainer client', () => {
  it('hears every event of a run, the last being done, before train resolves', async () => {
    const { client, events } = portClient();
    await client.load(xoSetup());
    await client.watch(new Float32Array(81));
    const end = await client.train({ speed: 'fastest' });
    expect(end).toMatchObject({ type: 'done', reason: 'learned' });
    expect(events.at(-1)).toEqual(end);
    expect([...new Set(events.map((e) => e.type))].sort()).toEqual([
      'backend',
      'done',
      'progress',
      'snapshot',
    ]);
  });

  it('replaces a worker that stops answering and reloads the network with its latest weights', async () => {
    let latest: number[][] | null = null;
    const harness = portClient({
      onEvent: (event) => {
        if (event.type === 'snapshot' && !latest) {
          latest = event.weights.flatMap((w) => (w ? [[...w.kernel, ...w.bias]] : []));
          harness.workers[0]?.terminate();
          // The next heartbeat goes unanswered and its wait runs out.
          harness.clock.advance(HEARTBEAT_MS + HEARTBEAT_TIMEOUT_MS);
        }
      },
    });
    await harness.client.load(xoSetup());
    const end = await harness.client.train({ speed: 'slow-motion' });
    expect(end.type === 'error' && end.message).toMatch(WORKER_DIED_MESSAGE);
    await harness.reaches('ready');
    expect(harness.statuses.map((s) => s.state)).toContain('restarting');
    expect(harness.workers).toHaveLength(2);
    expect(plain(await harness.client.getWeights()).filter((w) => w)).toEqual(latest);
  });

  it('keeps no answer once its call is settled, however long the worker lives', async () => {
    // A garbage collection on demand, as `node --expose-gc` gives, switched on from inside the test.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const { client } = portClient();
    await client.load(xoSetup());
    const answers: WeakRef<object>[] = [];
    for (let i = 0; i < 5; i++) answers.push(new WeakRef(await client.reset()));
    // Let the settled calls' last callbacks run, then collect.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    expect(answers.filter((a) => a.deref() !== undefined)).toHaveLength(0);
  });

  it('keeps a worker that answers its heartbeat in time', async () => {
    const { client, workers, statuses, clock } = portClient();
    await client.load(xoSetup());
    clock.advance(HEARTBEAT_MS);
    // Calls are answered in order: once this one is, so is the heartbeat sent before it.
    await client.step(1);
    clock.advance(HEARTBEAT_TIMEOUT_MS);
    expect((await client.step(1)).step).toBe(2);
    expect(statuses.map((s) => s.state)).not.toContain('restarting');
    expect(workers).toHaveLength(1);
  });

  it('restarts at once when the worker throws, and says why', async () => {
    const { client, workers, statuses, reaches } = portClient();
    await client.load(xoSetup());
    workers[0]?.fail('out of memory');
    await reaches('ready');
    const restarting = statuses.find((s) => s.state === 'restarting');
    expect(restarting?.state === 'restarting' && restarting.message).toMatch(/\(out of memory\)$/);
    expect((await client.step(2)).step).toBe(2);
  });

  it('gives up after too many restarts in a minute and says so to every call', async () => {
    const { client, workers, reaches } = portClient({ maxRestartsPerMinute: 1 });
    workers[0]?.fail('first');
    await reaches('ready');
    workers[1]?.fail('second');
    await reaches('failed');
    await expect(client.load(xoSetup())).rejects.toThrow('keeps stopping (second)');
  });

  it('forgives restarts a minute old', async () => {
    // No heartbeat within the minute this test skips: a port worker cannot answer while time jumps.
    const { client, workers, reaches, clock } = portClient({ maxRestartsPerMinute: 1, heartbeatMs: 120_000 });
    workers[0]?.fail('first');
    await reaches('ready');
    clock.advance(60_000);
    workers[1]?.fail('second');
    await reaches('ready', 'failed');
    expect(client.status.state).toBe('ready');
    expect(workers).toHaveLength(3);
  });
});
