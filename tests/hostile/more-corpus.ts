/**
 * Issue 18's second corpus: hostile inputs beside those of tests/spec/hostile-corpus.test.ts,
 * tests/storage/hostile-corpus.ts and tests/cli/hostile.test.ts, one group per way in: links,
 * files, level documents, network (model) files, progress (result) files, old IndexedDB contents
 * and documents at the caps on work. Each says what became of it; none may lose data.
 */
import { IDBFactory } from 'fake-indexeddb';
import { deflateSync, strToU8 } from 'fflate';
import { decodeLink, readSharedText } from '../../src/share';
import { bytesToBase64url } from '../../src/share/base64url';
import { MAX } from '../../src/spec/limits';
import { parseBackup, type StoreName } from '../../src/storage';
import { levelDocument, networkDocument, openTestStore, win, writeRows } from '../storage/helpers';
import { bigLevelDocument, type HostileCase, type Outcome, refusedBy } from '../storage/hostile-corpus';

const link = (tag: string, bytes: Uint8Array) => `https://example.test/#${tag}=${bytesToBase64url(bytes)}`;
const packed = (text: string) => deflateSync(strToU8(text), { level: 9 });
const jsonLink = (tag: string, value: unknown) => link(tag, packed(JSON.stringify(value)));
const file = (value: unknown) => () => readSharedText(JSON.stringify(value));
const refusedFile = (value: unknown) => () => refusedBy(file(value));
const netFile = (changes: Record<string, unknown>) => refusedFile(networkDocument(changes));
const levelFile = (changes: Record<string, unknown>) => refusedFile(levelDocument(changes));

const backup = (changes: object) =>
  JSON.stringify({
    kind: 'convblocks/backup',
    version: 1,
    exportedAt: '2030-01-01T00:00:00.000Z',
    progress: [],
    workspaces: [],
    networks: [],
    customLevels: [],
    settings: {},
    ...changes,
  });
const progressRow = (changes: object) => ({
  levelId: 'x-vs-o',
  won: true,
  stars: 1,
  bestAccuracy: 1,
  fewestParams: 100,
  fewestSteps: 100,
  wonAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  ...changes,
});
const refusedBackup = (changes: object) => () => refusedBy(() => parseBackup(backup(changes)));

/**
 * A database holding a won level beside one bad row: the store must open, saving, with the win,
 * and leave the bad row where it is (it is skipped, not deleted: a newer version may read it).
 */
const oldDatabase = (store: StoreName, badRow: unknown) => async (): Promise<Outcome> => {
  const factory = new IDBFactory();
  await writeRows(factory, 'progress', [progressRow({ levelId: 'slash-2x2', stars: 3 })]);
  await writeRows(factory, store, [badRow]);
  const opened = await openTestStore(factory);
  const kept = opened.progress('slash-2x2')?.stars === 3 && opened.status.state === 'saving';
  // A later write must not sweep the skipped row away either.
  await opened.recordResult('another-level', win());
  const again = await openTestStore(factory);
  const skipped = again.skipped.filter((s) => s.store === store);
  const ok = kept && again.progress('slash-2x2')?.stars === 3 && skipped.length === 1;
  return {
    kind: ok ? 'kept' : 'lost',
    detail: skipped.map((s) => s.message).join('; ') || 'nothing skipped',
  };
};

/** Pictures of 64x64x4 (train and test together) that the pixel cap allows. */
const AT_PIXEL_CAP = Math.floor(MAX.pixelValues / (64 * 64 * 4));

/** Whether a document was safely opened: it parsed, and nothing outside it changed. */
const opened = (attempt: () => unknown, check: (value: unknown) => boolean) => async (): Promise<Outcome> => {
  const value = await attempt();
  return { kind: check(value) ? 'kept' : 'lost', detail: 'opened' };
};

/** Right-sized weights of networkDocument()'s conv and dense layers. */
const convWeights = { kernel: Array(18).fill(0.1), bias: [0, 0] };
const denseWeights = { kernel: Array(64).fill(0.2), bias: [0.1, -0.1] };

const polluted = () => (Object.prototype as Record<string, unknown>).polluted !== undefined;

export const MORE_CORPUS: readonly HostileCase[] = [
  // Links.
  {
    name: 'a link cut in half',
    run: () => {
      const whole = jsonLink('level', levelDocument());
      return refusedBy(() => decodeLink(whole.slice(0, Math.floor(whole.length / 2) + 1)));
    },
  },
  { name: 'a link with a character outside base64url', run: () => refusedBy(() => decodeLink('#net=ab*cd')) },
  { name: 'an empty #net= link', run: () => refusedBy(() => decodeLink('#net=')) },
  {
    name: 'a link with an unknown tag #lvl=',
    run: () => refusedBy(() => decodeLink(jsonLink('lvl', levelDocument()))),
  },
  {
    name: 'a #level= link holding a network',
    run: () => refusedBy(() => decodeLink(jsonLink('level', networkDocument()))),
  },
  {
    name: 'a #net= link holding a level',
    run: () => refusedBy(() => decodeLink(jsonLink('net', levelDocument()))),
  },
  {
    name: 'a link inflating to 40 MB of spaces',
    run: () =>
      refusedBy(() => decodeLink(link('level', deflateSync(new Uint8Array(40e6).fill(32), { level: 9 })))),
  },
  {
    name: 'a link of bytes that are not UTF-8',
    run: () =>
      refusedBy(() => decodeLink(link('net', deflateSync(Uint8Array.of(0xff, 0xfe, 0x7b, 0xc3, 0x28))))),
  },
  {
    name: 'a link of JSON nested 10,000 deep',
    run: () => refusedBy(() => decodeLink(link('net', packed(`${'['.repeat(10000)}${']'.repeat(10000)}`)))),
  },
  { name: 'a link of JSON null', run: () => refusedBy(() => decodeLink(jsonLink('net', null))) },
  {
    name: 'a link to a level with a 5 MB title',
    run: () => refusedBy(() => decodeLink(jsonLink('level', levelDocument({ title: 'x'.repeat(5e6) })))),
  },
  {
    name: 'a link to a level with a __proto__ key',
    run: async () => {
      const text = JSON.stringify(levelDocument()).replace('{', '{"__proto__":{"polluted":1},');
      const outcome = await refusedBy(() => decodeLink(link('level', packed(text))));
      return polluted() ? { kind: 'lost', detail: 'Object.prototype polluted' } : outcome;
    },
  },
  // Files.
  { name: 'an empty file', run: () => refusedBy(() => readSharedText('')) },
  { name: 'a file of only spaces and newlines', run: () => refusedBy(() => readSharedText(' \n\t\n ')) },
  { name: 'a file holding a JSON list', run: () => refusedBy(() => readSharedText('[]')) },
  {
    name: 'a level file with constructor.prototype',
    run: async () => {
      const outcome = await refusedFile(levelDocument({ constructor: { prototype: { polluted: 1 } } }))();
      return polluted() ? { kind: 'lost', detail: 'Object.prototype polluted' } : outcome;
    },
  },
  {
    name: 'a network file with text after the JSON',
    run: () => refusedBy(() => readSharedText(`${JSON.stringify(networkDocument())} trailing`)),
  },
  {
    name: 'a network file saved as UTF-16',
    run: () => refusedBy(() => readSharedText([...JSON.stringify(networkDocument())].join('\u0000'))),
  },
  {
    name: 'a file of a million [',
    run: () => refusedBy(() => readSharedText('{"a":'.concat('['.repeat(1e6)))),
  },
  { name: 'a 20 MB file', run: () => refusedBy(() => readSharedText(`{"kind":"${'x'.repeat(20e6)}"}`)) },
  // Level documents.
  {
    name: 'a level with a test picture of the wrong size',
    run: levelFile({ test: [{ label: '\\', picture: ['##.', '.#.'] }] }),
  },
  {
    name: 'a level with a label that is not a class',
    run: levelFile({ test: [{ label: 'X', picture: ['##', '.#'] }] }),
  },
  {
    name: 'a level with 11 classes',
    run: levelFile({ classes: Array.from({ length: 11 }, (_, i) => `c${i}`) }),
  },
  { name: 'a level whose blank is 5', run: levelFile({ blank: 5 }) },
  { name: 'a level of 0x2 pictures', run: levelFile({ input: [0, 2, 1] }) },
  {
    name: 'a level whose starter cannot fit its pictures',
    run: levelFile({ starter: [{ type: 'conv', filters: 1, size: 5 }] }),
  },
  // Network (model) files.
  {
    name: 'a network whose dense kernel has 3 numbers for 64',
    run: netFile({ weights: [convWeights, null, null, null, { kernel: [0.1, 0.2, 0.3], bias: [0, 0] }] }),
  },
  {
    name: 'a network with weights for its ReLU',
    run: netFile({ weights: [convWeights, { kernel: [1], bias: [0] }, null, null, denseWeights] }),
  },
  { name: 'a network of version 99', run: netFile({ version: 99 }) },
  { name: 'a network whose kind is misspelled', run: netFile({ kind: 'convblocks/netwrok' }) },
  {
    name: 'a network of 33 layers',
    run: netFile({
      layers: [...Array.from({ length: 32 }, () => ({ type: 'relu' })), { type: 'dense', units: 2 }],
    }),
  },
  {
    name: 'a network of 2,097,152 parameters (64x64x4 into 128 units)',
    run: netFile({
      input: [64, 64, 4],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 128 }, { type: 'dense', units: 2 }],
    }),
  },
  // Progress (result) files.
  { name: 'a progress file with 7 stars', run: refusedBackup({ progress: [progressRow({ stars: 7 })] }) },
  {
    name: 'a progress file with an accuracy of 2',
    run: refusedBackup({ progress: [progressRow({ bestAccuracy: 2 })] }),
  },
  {
    name: 'a progress file for the level ../../etc',
    run: refusedBackup({ progress: [progressRow({ levelId: '../../etc' })] }),
  },
  { name: 'a progress file exported at "yesterday"', run: refusedBackup({ exportedAt: 'yesterday' }) },
  { name: 'a progress file of version 99', run: refusedBackup({ version: 99 }) },
  {
    name: 'a progress file whose progress is an object',
    run: refusedBackup({ progress: { 'x-vs-o': progressRow({}) } }),
  },
  // Old IndexedDB contents.
  {
    name: 'a stored progress row with stars NaN',
    run: oldDatabase('progress', progressRow({ levelId: 'x-vs-o', stars: Number.NaN })),
  },
  {
    name: 'a stored workspace row that is a string',
    run: oldDatabase('workspaces', { levelId: 'x-vs-o', savedAt: 'x', network: 'conv!' }),
  },
  {
    name: 'a stored network row with 1e308 weights',
    run: oldDatabase('networks', {
      id: 'net-1',
      savedAt: '2030-01-01T00:00:00.000Z',
      network: networkDocument({
        weights: [{ kernel: Array(18).fill(1e308), bias: [0, 0] }, null, null, null, null],
      }),
    }),
  },
  {
    name: 'a stored level row with a right-to-left override in its title',
    run: oldDatabase('customLevels', {
      id: 'my-slashes',
      savedAt: '2030-01-01T00:00:00.000Z',
      level: levelDocument({ title: 'evil\u202Etxt.exe' }),
    }),
  },
  // At the caps on work.
  {
    name: `a level of ${AT_PIXEL_CAP} pictures of 64x64x4 (at the pixel cap) opens`,
    run: opened(
      file(bigLevelDocument(AT_PIXEL_CAP - 1, 64, 4)),
      (shared) => (shared as { kind: string }).kind === 'level',
    ),
  },
  {
    name: `a level of ${AT_PIXEL_CAP + 1} pictures of 64x64x4 (one over)`,
    run: () => refusedBy(file(bigLevelDocument(AT_PIXEL_CAP, 64, 4))),
  },
  {
    name: 'a level with maxSteps 10,000 (at the step cap) opens',
    run: opened(
      file(levelDocument({ limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 10000 } })),
      (shared) => (shared as { kind: string }).kind === 'level',
    ),
  },
  {
    name: 'a level with maxSteps 10,001',
    run: levelFile({ limits: { blocks: ['flatten', 'dense'], maxLayers: 2, maxSteps: 10001 } }),
  },
  {
    name: 'a version-1 level file opens as version 3, with no traps',
    run: opened(file(levelDocument({ version: 1 })), (shared) => {
      const level = (shared as { level?: { version: number; traps: unknown[] } }).level;
      return level?.version === 3 && level.traps.length === 0;
    }),
  },
  {
    name: 'a level with nine traps',
    run: levelFile({
      version: 2,
      traps: Array.from({ length: MAX.traps + 1 }, (_, i) => ({
        idea: `idea ${i}`,
        layers: [{ type: 'flatten' }],
      })),
    }),
  },
  {
    name: 'a level whose star proof is a 33-layer stack',
    run: levelFile({
      version: 2,
      stars: [{ maxLayers: 2, proof: { layers: Array.from({ length: 33 }, () => ({ type: 'relu' })) } }],
    }),
  },
];
