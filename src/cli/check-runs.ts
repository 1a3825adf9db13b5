/**
 * One run of `convblocks check`: a level's network trained on one seed and judged, here or in a
 * worker thread. A worker is the command line's own bundle started again with `CHECK_WORKER` in its
 * data; it reads each level file once and answers run requests until it is ended.
 */
import { type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';
import { type LevelSpec, levelNetwork, parseLevel } from '../spec';
import { FileError, readDocument } from './files';
import { type CheckedNetwork, checkedNetworks, type SeedRun } from './level-check';
import { type PathChoice, startPath } from './paths';
import { trainOnLevel } from './training';

/** What a worker thread is told at its start, so the bundle knows to serve runs. */
export const CHECK_WORKER = 'convblocks-check-worker';

/** One run to make: the level's file, which of its checked networks, which seed, on which path. */
export interface RunRequest {
  readonly path: string;
  readonly network: number;
  readonly seed: number;
  readonly choice: PathChoice;
}

/** Trains `network` on `level` from fresh weights drawn from `seed`, until judged. */
export async function runOnSeed(
  level: LevelSpec,
  network: CheckedNetwork,
  seed: number,
  choice: PathChoice,
): Promise<SeedRun> {
  const spec = levelNetwork(level, network.layers, { ...network.training, seed });
  const outcome = await trainOnLevel(level, spec, {
    path: await startPath(choice, spec, level.train.length),
  });
  return {
    seed,
    testAccuracy: outcome.testAccuracy,
    trainAccuracy: outcome.trainAccuracy,
    steps: outcome.steps,
    diverged: outcome.diverged,
  };
}

/** Makes requests one after the other on this thread, each level file read once. */
export function localRunner(): (request: RunRequest) => Promise<SeedRun> {
  const levels = new Map<string, { level: LevelSpec; networks: CheckedNetwork[] }>();
  return (request) => {
    let entry = levels.get(request.path);
    if (!entry) {
      const level = readDocument(request.path, parseLevel);
      entry = { level, networks: checkedNetworks(level) };
      levels.set(request.path, entry);
    }
    const network = entry.networks[request.network];
    if (!network) throw new Error(`${request.path}: no checked network ${request.network}`);
    return runOnSeed(entry.level, network, request.seed, request.choice);
  };
}

/** Whether this thread was started to serve check runs; if so it starts serving. */
export function serveIfCheckWorker(): boolean {
  if (workerData !== CHECK_WORKER || !parentPort) return false;
  const port: MessagePort = parentPort;
  const run = localRunner();
  port.on('message', async (message: { id: number; request: RunRequest }) => {
    try {
      port.postMessage({ id: message.id, run: await run(message.request) });
    } catch (error) {
      port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return true;
}

/**
 * Makes every request, `jobs` at a time in worker threads (on this thread when `jobs` is 1), and
 * gives the runs in the requests' order: each run starts from its own seed, so where it ran does
 * not change it.
 */
export async function runAll(
  requests: readonly RunRequest[],
  jobs: number,
  bundle: string,
): Promise<SeedRun[]> {
  if (jobs <= 1 || requests.length <= 1) {
    const run = localRunner();
    const runs: SeedRun[] = [];
    for (const request of requests) runs.push(await run(request));
    return runs;
  }
  const runs: SeedRun[] = new Array(requests.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(jobs, requests.length) },
    () => new Worker(bundle, { workerData: CHECK_WORKER }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= requests.length) return resolve();
              const id = next++;
              worker.postMessage({ id, request: requests[id] });
            };
            worker.on('message', (answer: { id: number; run?: SeedRun; error?: string }) => {
              if (answer.error !== undefined || !answer.run) return reject(new FileError(answer.error));
              runs[answer.id] = answer.run;
              give();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (next < requests.length || code !== 0)
                reject(new Error(`a check worker stopped (exit ${code})`));
            });
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return runs;
}
