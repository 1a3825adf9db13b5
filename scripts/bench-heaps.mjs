// Heap readings for the soak of `npm run bench:browser`, through the DevTools protocol: the page's
// JavaScript heap and the training worker's (workers have no performance.memory), each read right
// after a forced garbage collection, so that growth between two readings means something is kept.

/** The training worker's script, as Vite serves it. */
const TRAINER_WORKER = '/src/worker/thread/worker.ts';

/**
 * Gives `page` a `window.benchHeaps()` that resolves to `{ page, worker }` in bytes (worker null
 * when no training worker is alive). Workers are attached as they start; their messages travel
 * through the page's own session (Target.sendMessageToTarget).
 */
export async function exposeHeapReader(page) {
  const cdp = await page.context().newCDPSession(page);
  const workers = new Map(); // sessionId -> url
  const waiting = new Map();
  let nextId = 0;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, targetInfo.url);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => workers.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message);
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  const inWorker = (sessionId, method) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (answer) =>
        answer.error ? reject(new Error(answer.error.message)) : resolve(answer.result),
      );
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch(reject);
    });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await page.exposeFunction('benchHeaps', async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize: pageBytes } = await cdp.send('Runtime.getHeapUsage');
    // The newest training worker: earlier ones were ended with their clients.
    const trainer = [...workers].reverse().find(([, url]) => url.includes(TRAINER_WORKER));
    let worker = null;
    if (trainer) {
      await inWorker(trainer[0], 'HeapProfiler.collectGarbage');
      worker = (await inWorker(trainer[0], 'Runtime.getHeapUsage')).usedSize;
    }
    return { page: pageBytes, worker };
  });
}
