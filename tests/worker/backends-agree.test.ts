import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../src/engine';
import { backendOutputs, plainOutputs } from './agreement';
import { disagreements, type Outputs } from './disagreements';

const wasmPath = fileURLToPath(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
);

describe('cpu, wasm and the plain path agree', () => {
  afterAll(async () => {
    await useBackend('cpu');
  });

  it('on every worked example, forward output, gradient and optimiser step within 1e-4 relative', async () => {
    expect(await useBackend('cpu')).toBe(true);
    const cpu: Outputs = await backendOutputs();
    expect(await useBackend('wasm', { wasmPath })).toBe(true);
    const wasm = await backendOutputs();
    // A kernel and a bias gradient for each of the three weighted layers.
    expect(Object.keys(cpu).filter((k) => k.startsWith('gradient'))).toHaveLength(6);
    expect(disagreements(cpu, wasm, 1e-4)).toEqual([]);
  });

  it('with the plain path on the same outputs within 1e-4 relative', async () => {
    expect(await useBackend('cpu')).toBe(true);
    const cpu: Outputs = await backendOutputs();
    const plain = await plainOutputs();
    // Only the 1-D edge filter, a TensorFlow.js conv of its own, has no plain counterpart.
    const missing = Object.keys(cpu).filter((k) => !(k in plain));
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/^fixture /);
    const shared = Object.fromEntries(Object.entries(cpu).filter(([k]) => k in plain));
    expect(Object.keys(plain).filter((k) => k.startsWith('gradient'))).toHaveLength(6);
    expect(disagreements(shared, plain, 1e-4)).toEqual([]);
  });

  it('notices a disagreement beyond the tolerance', () => {
    const found = disagreements({ a: [1, 2], b: [3] }, { a: [1, 2.001], b: [3] }, 1e-4);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^a: off by 0\.000999/);
  });
});
