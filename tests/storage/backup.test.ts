import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { type PlayerStore, parseBackup } from '../../src/storage';
import {
  ManualClock,
  networkDocument,
  openTestStore,
  readRows,
  sampleLevel,
  sampleNetwork,
  sampleWeights,
  win,
} from './helpers';

/** A store with one of everything in it. */
async function filledStore(clock = new ManualClock()): Promise<PlayerStore> {
  const store = await openTestStore(new IDBFactory(), undefined, clock);
  await store.recordResult('x-vs-o', win({ stars: 2, params: 200 }));
  store.saveWorkspace('x-vs-o', sampleNetwork({ name: 'on the bench' }));
  await store.flush();
  await store.saveNetwork(sampleNetwork({ weights: sampleWeights() }));
  await store.saveCustomLevel(sampleLevel());
  await store.updateSettings({ speed: 'fast' });
  await store.saveLevelDraft(':new', { title: 'Half a level', workbench: [{ type: 'flatten' }] });
  return store;
}

const withoutDate = ({ exportedAt: _exportedAt, ...rest }: { exportedAt: string }) => rest;

describe('exportBackup', () => {
  it('writes one convblocks/backup document stamped with the clock', async () => {
    const store = await openTestStore(
      new IDBFactory(),
      undefined,
      new ManualClock('2025-04-01T12:00:00.000Z'),
    );
    expect(store.exportBackup()).toEqual({
      kind: 'convblocks/backup',
      version: 3,
      exportedAt: '2025-04-01T12:00:00.000Z',
      progress: [],
      workspaces: [],
      networks: [],
      customLevels: [],
      settings: {},
      levelDrafts: [],
      lastRuns: [],
    });
  });

  it('reads back as the same backup', async () => {
    const exported = (await filledStore()).exportBackup();
    const restored = await openTestStore(new IDBFactory());
    await restored.importBackup(parseBackup(JSON.stringify(exported)), 'replace');
    expect(withoutDate(restored.exportBackup())).toEqual(withoutDate(exported));
  });

  it('holds the level editor’s unfinished levels, which come back on import', async () => {
    const exported = (await filledStore()).exportBackup();
    expect(exported.levelDrafts.map((d) => [d.key, d.draft])).toEqual([
      [':new', { title: 'Half a level', workbench: [{ type: 'flatten' }] }],
    ]);
    const factory = new IDBFactory();
    await (await openTestStore(factory)).importBackup(parseBackup(JSON.stringify(exported)), 'merge');
    // Read back from the database, not from memory.
    expect((await openTestStore(factory)).levelDraft(':new')?.draft).toEqual({
      title: 'Half a level',
      workbench: [{ type: 'flatten' }],
    });
  });
});

describe('importBackup', () => {
  it('writes what it imported to the database', async () => {
    const backup = parseBackup(JSON.stringify((await filledStore()).exportBackup()));
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.importBackup(backup, 'merge');
    await store.close();
    expect(withoutDate((await openTestStore(factory)).exportBackup())).toEqual(
      withoutDate(store.exportBackup()),
    );
  });

  it('replaces everything that was there', async () => {
    const backup = parseBackup(JSON.stringify((await openTestStore(undefined)).exportBackup()));
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    await store.recordResult('slash-2x2', win());
    await store.importBackup(backup, 'replace');
    expect([store.allProgress(), await readRows(factory, 'progress')]).toEqual([[], []]);
  });

  it('merges by keeping the better result of each side', async () => {
    const theirs = await openTestStore(undefined);
    await theirs.recordResult('x-vs-o', win({ stars: 1, params: 50 }));
    const mine = await openTestStore(new IDBFactory());
    await mine.recordResult('x-vs-o', win({ stars: 3, params: 300 }));
    await mine.importBackup(parseBackup(JSON.stringify(theirs.exportBackup())), 'merge');
    expect(mine.progress('x-vs-o')).toMatchObject({ stars: 3, fewestParams: 50 });
  });

  it('merges by keeping what only one side has', async () => {
    const theirs = await openTestStore(undefined);
    await theirs.saveNetwork(sampleNetwork({ name: 'theirs' }));
    const mine = await openTestStore(
      new IDBFactory(),
      undefined,
      new ManualClock('2025-06-01T00:00:00.000Z'),
    );
    await mine.saveNetwork(sampleNetwork({ name: 'mine' }));
    await mine.importBackup(parseBackup(JSON.stringify(theirs.exportBackup())), 'merge');
    expect(mine.networks().map((n) => n.network.name)).toEqual(['theirs', 'mine']);
  });

  it('merges by keeping the newer of two workbenches for the same level', async () => {
    const theirs = await openTestStore(undefined, undefined, new ManualClock('2025-09-09T00:00:00.000Z'));
    theirs.saveWorkspace('x-vs-o', sampleNetwork({ name: 'newer' }));
    const mine = await openTestStore(new IDBFactory());
    mine.saveWorkspace('x-vs-o', sampleNetwork({ name: 'older' }));
    await mine.importBackup(parseBackup(JSON.stringify(theirs.exportBackup())), 'merge');
    expect(mine.workspace('x-vs-o')?.name).toBe('newer');
  });

  it("merges by keeping this browser's settings over the backup's", async () => {
    const theirs = await openTestStore(undefined);
    await theirs.updateSettings({ speed: 'slow', backend: 'webgl' });
    const mine = await openTestStore(new IDBFactory());
    await mine.updateSettings({ speed: 'fastest' });
    await mine.importBackup(parseBackup(JSON.stringify(theirs.exportBackup())), 'merge');
    expect(mine.settings()).toEqual({ speed: 'fastest', backend: 'webgl' });
  });

  it('imports into memory when the browser gives no storage', async () => {
    const backup = parseBackup(JSON.stringify((await filledStore()).exportBackup()));
    const store = await openTestStore(undefined);
    await store.importBackup(backup, 'replace');
    expect(store.progress('x-vs-o')?.stars).toBe(2);
  });
});

type Json = Record<string, unknown>;
const good = (): Json => ({
  kind: 'convblocks/backup',
  version: 1,
  exportedAt: '2025-04-01T12:00:00.000Z',
  progress: [
    {
      levelId: 'x-vs-o',
      won: true,
      stars: 2,
      bestAccuracy: 1,
      fewestParams: 200,
      fewestSteps: 80,
      wonAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    },
  ],
  workspaces: [{ levelId: 'x-vs-o', savedAt: '2025-03-01T10:00:00.000Z', network: networkDocument() }],
  networks: [{ id: 'net-1', savedAt: '2025-03-01T10:00:00.000Z', network: networkDocument() }],
  customLevels: [],
  settings: { speed: 'fast' },
});

/** The good backup with one thing changed, at a path of keys and indexes. */
function bad(path: (string | number)[], value: unknown): string {
  const doc = good();
  let at: Record<string | number, unknown> = doc;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return JSON.stringify(doc);
}

describe('parseBackup', () => {
  it('opens a version 1 backup (made before drafts were backed up) with no drafts', () => {
    const backup = parseBackup(JSON.stringify(good()));
    expect(backup.contents.levelDrafts.size).toBe(0);
    expect(backup.contents.progress.get('x-vs-o')?.stars).toBe(2);
  });

  it('refuses drafts in a version 1 backup, and a version 2 backup without its drafts list', () => {
    expect(() => parseBackup(bad(['levelDrafts'], []))).toThrow('levelDrafts: unknown field "levelDrafts"');
    expect(() => parseBackup(bad(['version'], 2))).toThrow('levelDrafts: is missing');
  });

  it('refuses a version 2 draft that is not plain JSON, naming it', () => {
    const doc = {
      ...good(),
      version: 2,
      levelDrafts: [{ key: 'Bad Key', savedAt: '2025-03-01T10:00:00.000Z', draft: {} }],
    };
    expect(() => parseBackup(JSON.stringify(doc))).toThrow(/^levelDrafts\[0\]\.key: /);
  });

  it('reads a good backup', () => {
    expect(parseBackup(JSON.stringify(good())).contents.networks.get('net-1')?.network.name).toBe(
      'my X spotter',
    );
  });

  it.each([
    ['text that is not JSON', '{"kind": ', 'this is not valid JSON'],
    ['a list', '[]', 'expected a ConvBlocks backup (a JSON object) but got a list of 0'],
    [
      'another kind of file',
      bad(['kind'], 'convblocks/network'),
      'kind: expected "convblocks/backup" but got "convblocks/network"',
    ],
    [
      'a newer version',
      bad(['version'], 4),
      'version: this backup was made by a newer ConvBlocks (version 4',
    ],
    [
      'a version that is not a number',
      bad(['version'], 'one'),
      'version: expected a whole number from 1 but got "one"',
    ],
    ['an unknown field', bad(['notes'], 'hi'), 'notes: unknown field "notes"'],
    ['a missing list', bad(['progress'], undefined), 'progress: is missing'],
    ['a bad export date', bad(['exportedAt'], 'yesterday'), 'exportedAt: expected a time like'],
    [
      'too many stars',
      bad(['progress', 0, 'stars'], 7),
      'progress[0].stars: expected a whole number from 0 to 3 but got 7',
    ],
    ['a bad level id', bad(['progress', 0, 'levelId'], '../x'), 'progress[0].levelId: expected an id'],
    [
      'a win without its bests',
      bad(['progress', 0, 'fewestSteps'], null),
      'progress[0].fewestSteps: is missing for a won level',
    ],
    [
      'a bad layer',
      bad(['networks', 0, 'network', 'layers', 0, 'filters'], -1),
      'networks[0].network.layers[0].filters: expected a number at least 1 but got -1',
    ],
    [
      'a bad workbench',
      bad(['workspaces', 0, 'network', 'kind'], 'x'),
      'workspaces[0].network.kind: expected "convblocks/network" but got "x"',
    ],
    [
      'a bad workbench layer',
      bad(['workspaces', 0, 'network', 'layers', 1], { type: 'magic' }),
      'workspaces[0].network.layers[1].type: expected one of',
    ],
    [
      'a bad custom level',
      bad(
        ['customLevels'],
        [{ id: 'lvl', savedAt: '2025-03-01T10:00:00.000Z', level: { kind: 'convblocks/level', version: 1 } }],
      ),
      'customLevels[0].level.id: is missing',
    ],
    ['a bad setting', bad(['settings', 'speed'], 'warp'), 'settings.speed: expected one of'],
    ['an unknown setting', bad(['settings', 'volume'], 3), 'settings.volume: unknown field "volume"'],
    [
      'the same level twice',
      JSON.stringify({
        ...good(),
        progress: [...(good().progress as unknown[]), ...(good().progress as unknown[])],
      }),
      'progress[1].levelId: "x-vs-o" appears twice in progress',
    ],
  ])('refuses %s, saying what is wrong', (_what, text, message) => {
    expect(() => parseBackup(text)).toThrow(message);
  });

  it('keeps a workbench whose stack does not run yet', () => {
    const text = bad(
      ['workspaces', 0, 'network', 'layers'],
      [{ type: 'dense', units: 2 }, { type: 'flatten' }],
    );
    expect(parseBackup(text).contents.workspaces.get('x-vs-o')?.network.layers).toHaveLength(2);
  });
});
