/** Runs the backend agreement worker and tells the browser test what disagrees with cpu. */
import { disagreements, type Outputs } from '../../worker/disagreements';

/** Per backend other than cpu: the outputs that differ from cpu's, or why the backend is missing. */
async function compareWithCpu(relative: number): Promise<Record<string, string[] | string>> {
  const worker = new Worker(new URL('./worker-agree-worker.ts', import.meta.url), { type: 'module' });
  const results = await new Promise<Record<string, Outputs | string>>((resolve, reject) => {
    worker.addEventListener('message', (event) => resolve(event.data));
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
  }).finally(() => worker.terminate());
  const cpu = results.cpu;
  if (typeof cpu !== 'object') throw new Error('cpu gave no outputs');
  const compared: Record<string, string[] | string> = { outputs: String(Object.keys(cpu).length) };
  for (const backend of ['wasm', 'webgl']) {
    const other = results[backend];
    compared[backend] =
      typeof other === 'object' ? disagreements(cpu, other, relative) : (other ?? 'missing');
  }
  return compared;
}

declare global {
  interface Window {
    agreePage: { compareWithCpu: typeof compareWithCpu };
  }
}

window.agreePage = { compareWithCpu };
