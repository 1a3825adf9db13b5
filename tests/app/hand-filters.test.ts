import { describe, expect, it } from 'vitest';
import { handKernel } from '../../src/app/hand-filters';
import { hwioKernel, workedExamples } from '../fixtures';

describe('handKernel', () => {
  it("writes the course's three X filters in the formats' HWIO order, as the fixtures do", () => {
    const kernels = workedExamples.find((e) => e.id === 'x-three-filters')?.kernels ?? [];
    const rows = kernels.map((k) => k.channels[0] as number[][]);
    expect(rows).toHaveLength(3);
    expect(handKernel(rows)).toEqual(hwioKernel(kernels));
  });

  it('puts filter f of one channel at (y * size + x) * filters + f', () => {
    const kernel = handKernel([
      [
        [1, -1],
        [-1, -1],
      ],
      [
        [-1, -1],
        [-1, 1],
      ],
    ]);
    expect(kernel).toEqual([1, -1, -1, -1, -1, -1, -1, 1]);
  });
});
