import { describe, expect, it } from 'vitest';
import { packResults } from '../../src/app/results-export';
import { type NetworkSpec, packLevelId, parseNetwork, parsePack } from '../../src/spec';
import type { ProgressRecord, SavedPack } from '../../src/storage';
import { packDocument } from '../fixtures/packs';

const pack = parsePack(packDocument());
const saved: SavedPack = { id: pack.id, savedAt: '2026-12-01T09:00:00.000Z', pack };
const network = parseNetwork({
  kind: 'convblocks/network',
  version: 1,
  name: 'mine',
  input: [2, 2, 1],
  classes: ['\\', '/'],
  layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
  weights: [null, { kernel: [1, -1, -1, 1, 1, -1, -1, 1], bias: [0, 0] }],
});
const won: ProgressRecord = {
  levelId: packLevelId(pack.id, 0),
  won: true,
  stars: 2,
  bestAccuracy: 1,
  fewestParams: 10,
  fewestSteps: 14,
  wonAt: '2026-12-01T09:30:00.000Z',
  updatedAt: '2026-12-01T09:30:00.000Z',
};

/** A store holding a win on the pack's first level and a workbench on its second. */
const source = {
  progress: (id: string) => (id === won.levelId ? won : undefined),
  lastRun: (id: string) => (id === won.levelId ? ({ network } as { network: NetworkSpec }) : undefined),
  workspace: (id: string) =>
    id === packLevelId(pack.id, 1)
      ? { ...network, layers: [network.layers[0]], weights: undefined }
      : undefined,
} as unknown as Parameters<typeof packResults>[1];

describe("a student's results for a pack", () => {
  it("holds each level's best and the network, without weights, under the pack's id", () => {
    const results = packResults(saved, source, 'Ada', new Date('2026-12-01T10:00:00.000Z'));
    expect(results.pack).toEqual({ id: pack.id, title: 'Slashes for 3B' });
    expect(results.exportedAt).toBe('2026-12-01T10:00:00.000Z');
    expect(results.levels).toEqual([
      {
        id: 'my-slashes',
        title: 'My slashes',
        won: true,
        stars: 2,
        steps: 14,
        params: 10,
        accuracy: 1,
        network: { layers: network.layers, training: network.training },
      },
      {
        id: 'more-slashes',
        title: 'More slashes',
        won: false,
        stars: 0,
        steps: null,
        params: null,
        accuracy: 0,
        network: { layers: [{ type: 'flatten' }], training: network.training },
      },
    ]);
  });

  it("refuses to write a file without the student's name", () => {
    expect(() => packResults(saved, source, '  ', new Date())).toThrow(/^student: /);
  });
});
