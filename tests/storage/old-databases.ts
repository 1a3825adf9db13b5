import { parsePack } from '../../src/spec';
import type { StoreName } from '../../src/storage';
import { slashLevelDocument, xoNetworkDocument } from '../fixtures/documents';

/**
 * Databases as each schema version wrote them, frozen: never edit a version's rows once it has
 * shipped. When the schema moves to version N+1, add version N+1's rows here and, if the
 * upgrade reshapes anything, say in `expected` what each older version's data must become.
 */
export interface OldDatabase {
  /** Rows per store, exactly as that version wrote them. */
  readonly rows: Readonly<Partial<Record<StoreName, readonly unknown[]>>>;
  /** What the current store must export from it (the backup's lists and settings). */
  readonly expected: Readonly<Record<string, unknown>>;
}

const network = xoNetworkDocument();

const trained = {
  ...network,
  name: 'trained X spotter',
  weights: [
    {
      kernel: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9, 1, -1.1, 1.2, 0, 0.25, -0.25, 0.5, 0.75, -1],
      bias: [0, 0.5],
    },
    null,
    null,
    null,
    { kernel: Array.from({ length: 64 }, (_, i) => (i % 8) / 8 - 0.5), bias: [0.1, -0.1] },
  ],
};

const level = slashLevelDocument({
  id: 'class-slashes',
  title: 'Slashes for class 3B',
  training: { optimizer: 'sgd', learningRate: 0.1, momentum: 0.5, batchSize: 4, seed: 7 },
});

const progress = [
  {
    levelId: 'slash-2x2',
    won: true,
    stars: 3,
    bestAccuracy: 1,
    fewestParams: 10,
    fewestSteps: 12,
    wonAt: '2025-02-01T09:00:00.000Z',
    updatedAt: '2025-02-02T09:30:00.000Z',
  },
  {
    levelId: 'x-vs-o',
    won: false,
    stars: 0,
    bestAccuracy: 0.75,
    fewestParams: null,
    fewestSteps: null,
    wonAt: null,
    updatedAt: '2025-02-03T10:00:00.000Z',
  },
];

const workspaces = [
  {
    levelId: 'happy-face',
    savedAt: '2025-02-03T11:00:00.000Z',
    network: { ...network, level: 'happy-face', layers: [{ type: 'dense', units: 2 }] },
  },
  { levelId: 'x-vs-o', savedAt: '2025-02-03T10:01:00.000Z', network },
];

const networks = [{ id: 'net-m7abc-1', savedAt: '2025-02-03T10:05:00.000Z', network: trained }];
const customLevels = [{ id: 'class-slashes', savedAt: '2025-02-04T08:00:00.000Z', level }];

const sharedLevel = { ...level, id: 'from-a-friend', title: 'From a friend' };

/** A stored level as it reads back today: its version-1 document migrated to version 3, no traps. */
const migrated = <T extends { level: Record<string, unknown> }>(row: T) => ({
  ...row,
  level: { ...row.level, version: 3, traps: [] },
});
/** The saved levels as they read back today. */
const customLevelsNow = customLevels.map(migrated);

/** An unfinished level as the version-2 editor keeps it (storage checks only that it is plain JSON). */
const levelDrafts = [
  {
    key: ':new',
    savedAt: '2025-02-05T08:00:00.000Z',
    draft: { title: '', side: 5, classes: [{ name: 'A' }] },
  },
];

/** A judged run as version 3 keeps it: the X-or-O network with its weights and the verdict. */
const lastRuns = [
  {
    levelId: 'x-vs-o',
    savedAt: '2025-02-06T08:00:00.000Z',
    network: trained,
    verdict: {
      won: false,
      stars: 0,
      accuracy: 0.5,
      step: 300,
      reason: 'step-limit',
      trainAccuracy: 0.75,
      predicted: [0, 0],
      probabilities: [0.9, 0.1, 0.6, 0.4],
    },
  },
];

const packDocument = { kind: 'convblocks/pack', version: 1, title: 'Slashes for 3B', levels: [level] };
const packs = [{ id: parsePack(packDocument).id, savedAt: '2025-03-01T08:00:00.000Z', pack: packDocument }];

/** Every schema version's database, by version. */
export const OLD_DATABASES: Readonly<Record<number, OldDatabase>> = {
  1: {
    rows: {
      progress,
      workspaces,
      networks,
      customLevels,
      settings: [
        { name: 'speed', value: 'slow-motion' },
        { name: 'backend', value: 'cpu' },
      ],
    },
    expected: {
      progress,
      workspaces,
      networks,
      customLevels: customLevelsNow,
      settings: { speed: 'slow-motion', backend: 'cpu' },
      levelDrafts: [],
      lastRuns: [],
    },
  },
  2: {
    rows: {
      progress,
      workspaces,
      networks,
      customLevels: [
        ...customLevels,
        { id: 'from-a-friend', savedAt: '2025-02-04T09:00:00.000Z', level: sharedLevel, origin: 'shared' },
      ],
      settings: [{ name: 'speed', value: 'fast' }],
      levelDrafts,
    },
    expected: {
      progress,
      workspaces,
      networks,
      customLevels: [
        ...customLevelsNow,
        migrated({
          id: 'from-a-friend',
          savedAt: '2025-02-04T09:00:00.000Z',
          level: sharedLevel,
          origin: 'shared',
        }),
      ],
      settings: { speed: 'fast' },
      levelDrafts,
      lastRuns: [],
    },
  },
  3: {
    rows: { progress, workspaces, networks, customLevels, settings: [], levelDrafts, lastRuns },
    // Backups hold last runs since backup version 3.
    expected: {
      progress,
      workspaces,
      networks,
      customLevels: customLevelsNow,
      settings: {},
      levelDrafts,
      lastRuns,
    },
  },
  4: {
    // Packs are not in backups: `packRows` below says what must read back.
    rows: { progress, workspaces, networks, customLevels, settings: [], levelDrafts, lastRuns, packs },
    expected: {
      progress,
      workspaces,
      networks,
      customLevels: customLevelsNow,
      settings: {},
      levelDrafts,
      lastRuns,
    },
  },
};

/** The packs version 4 wrote, which every later store must read back. */
export const packRows = packs;

/** The last runs version 3 wrote, which every later store must read back as they were. */
export const lastRunRows = lastRuns;
