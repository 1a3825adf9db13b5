import { afterEach, describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../src/spec';
import {
  createTrainerClient,
  type TrainerClient,
  type TrainerStatus,
  WORKER_DIED_MESSAGE,
} from '../../src/worker/page/client';
import type { TrainerEvent } from '../../src/worker/protocol';
import { PortWorker } from './port-worker';
import { xoSetup } from './setup';

const clients: TrainerClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

/** A client on port workers, with what it heard; `onEvent` runs after each event is recorded. */
function portClient(
  options: { maxRestartsPerMinute?: number; onEvent?: (event: TrainerEvent) => void } = {},
) {
  const workers: PortWorker[] = [];
  const events: TrainerEvent[] = [];
  const statuses: TrainerStatus[] = [];
  const waiting: { state: TrainerStatus['state']; resolve: () => void }[] = [];
  const client = createTrainerClient({
    spawn: () => {
      const worker = new PortWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
    heartbeatMs: 10,
    heartbeatTimeoutMs: 200,
    maxRestartsPerMinute: options.maxRestartsPerMinute ?? 3,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
    onStatus: (status) => {
      statuses.push(status);
      for (const w of waiting.filter((w) => w.state === status.state)) w.resolve();
    },
  });
  clients.push(client);
  /** Resolves when the client reaches `state`. */
  const reaches = (state: TrainerStatus['state']) =>
    new Promise<void>((resolve) => {
      if (client.status.state === state) resolve();
      else waiting.push({ state, resolve });
    });
  return { client, workers, events, statuses, reaches };
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
});
