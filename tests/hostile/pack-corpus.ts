/**
 * Hostile packs and result files (issue 17, points 5 and 6): each is refused with a message naming
 * the field, or opened safely; a bad pack saved in an old database is skipped, never lost.
 */
import { IDBFactory } from 'fake-indexeddb';
import { deflateSync, strToU8 } from 'fflate';
import { decodeLink, readResultsText, readSharedText } from '../../src/share';
import { bytesToBase64url } from '../../src/share/base64url';
import { MAX } from '../../src/spec/limits';
import { slashLevelDocument } from '../fixtures/documents';
import { outcomeDocument, packDocument, resultsDocument } from '../fixtures/packs';
import { openTestStore, win, writeRows } from '../storage/helpers';
import { bigLevelDocument, type HostileCase, type Outcome, refusedBy } from '../storage/hostile-corpus';

const packLink = (value: unknown) =>
  `https://example.test/#pack=${bytesToBase64url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }))}`;
const refusedPack = (changes: Record<string, unknown>) => () =>
  refusedBy(() => readSharedText(JSON.stringify(packDocument(changes))));
const refusedResults = (changes: Record<string, unknown>) => () =>
  refusedBy(() => readResultsText(JSON.stringify(resultsDocument('pack-abc', changes))));

/** A level of 64x64x4 pictures just under one level's pixel cap. */
const fullLevel = (id: string) =>
  bigLevelDocument(Math.floor(MAX.pixelValues / (64 * 64 * 4)), 64, 4, { id });

/** A database with a win and a bad pack row: the store opens, keeps the win, and leaves the row be. */
const badPackRow = (row: unknown) => async (): Promise<Outcome> => {
  const factory = new IDBFactory();
  await writeRows(factory, 'progress', [
    {
      levelId: 'slash-2x2',
      won: true,
      stars: 3,
      bestAccuracy: 1,
      fewestParams: 10,
      fewestSteps: 9,
      wonAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    },
  ]);
  await writeRows(factory, 'packs', [row]);
  const store = await openTestStore(factory);
  await store.recordResult('another-level', win());
  const skipped = store.skipped.filter((s) => s.store === 'packs');
  const ok = store.progress('slash-2x2')?.stars === 3 && store.packs().length === 0 && skipped.length === 1;
  return {
    kind: ok ? 'kept' : 'lost',
    detail: skipped.map((s) => s.message).join('; ') || 'nothing skipped',
  };
};

/** A list inside a list, `levels` deep. */
const deep = (levels: number): unknown => (levels === 0 ? 'deep' : [deep(levels - 1)]);

export const PACK_CORPUS: readonly HostileCase[] = [
  { name: 'a pack from a newer version', run: refusedPack({ version: 9 }) },
  { name: 'a pack with an unknown field', run: refusedPack({ script: 'alert(1)' }) },
  { name: 'a pack with a title of 10,000 characters', run: refusedPack({ title: 'a'.repeat(10_000) }) },
  { name: 'a pack title with a right-to-left override', run: refusedPack({ title: 'abc\u202Egpj.exe' }) },
  { name: 'a pack of no levels', run: refusedPack({ levels: [] }) },
  {
    name: 'a pack of 41 levels',
    run: refusedPack({ levels: Array.from({ length: 41 }, (_, i) => slashLevelDocument({ id: `l${i}` })) }),
  },
  {
    name: 'a pack of levels each under the cap, over it together',
    run: refusedPack({ levels: [fullLevel('a'), fullLevel('b')] }),
  },
  {
    name: 'a pack with a level of another kind',
    run: refusedPack({ levels: [{ kind: 'convblocks/network', version: 1 }] }),
  },
  {
    name: 'a pack with a level holding a bad picture',
    run: refusedPack({ levels: [slashLevelDocument({ train: [{ label: '/', picture: ['#x', '..'] }] })] }),
  },
  {
    name: 'a pack with two levels of one id',
    run: refusedPack({ levels: [slashLevelDocument(), slashLevelDocument()] }),
  },
  {
    name: 'a pack nested deeper than any document',
    run: refusedPack({ levels: [slashLevelDocument({ hints: deep(24) })] }),
  },
  {
    name: 'a pack with a __proto__ key',
    run: () =>
      refusedBy(() =>
        readSharedText(`{"__proto__":{"polluted":1},${JSON.stringify(packDocument()).slice(1)}`),
      ),
  },
  {
    name: 'a #pack= link holding a level',
    run: () => refusedBy(() => decodeLink(packLink(slashLevelDocument()))),
  },
  {
    name: 'a #pack= link with a bad level inside',
    run: () =>
      refusedBy(() => decodeLink(packLink(packDocument({ levels: [slashLevelDocument({ blank: 5 })] })))),
  },
  {
    name: 'a good #pack= link',
    run: async () => {
      const shared = decodeLink(packLink(packDocument()));
      return {
        kind: shared.kind === 'pack' && shared.pack.levels.length === 2 ? 'kept' : 'lost',
        detail: 'opened',
      };
    },
  },
  { name: 'a results file from a newer version', run: refusedResults({ version: 2 }) },
  {
    name: 'a results file with stars over 3',
    run: refusedResults({ levels: [outcomeDocument({ stars: 99 })] }),
  },
  {
    name: 'a results file with negative steps',
    run: refusedResults({ levels: [outcomeDocument({ steps: -5 })] }),
  },
  {
    name: 'a results file with a won level and no parameters',
    run: refusedResults({ levels: [outcomeDocument({ params: null })] }),
  },
  {
    name: 'a results file with a student named by a formula and a line break',
    run: refusedResults({ student: '=cmd|\u0007' }),
  },
  {
    name: 'a results file with 41 levels',
    run: refusedResults({ levels: Array.from({ length: 41 }, () => outcomeDocument()) }),
  },
  {
    name: 'a results file with weights in a network',
    run: refusedResults({
      levels: [outcomeDocument({ network: { layers: [], training: {}, weights: [1] } })],
    }),
  },
  {
    name: 'a results file of 2 million characters',
    run: () => refusedBy(() => readResultsText(`${' '.repeat(2_000_000)}{}`)),
  },
  {
    name: 'a results file that is not JSON',
    run: () => refusedBy(() => readResultsText('student,stars\nAda,3')),
  },
  {
    name: 'an old database with a pack row whose id is not its fingerprint',
    run: badPackRow({ id: 'pack-forged', savedAt: '2030-01-01T00:00:00.000Z', pack: packDocument() }),
  },
  {
    name: 'an old database with a pack row holding a bad level',
    run: badPackRow({
      id: 'pack-x',
      savedAt: '2030-01-01T00:00:00.000Z',
      pack: packDocument({ levels: [7] }),
    }),
  },
];
