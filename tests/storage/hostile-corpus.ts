/**
 * Hostile inputs for storage and links (issue 18): documents inside every byte limit that ask for
 * absurd work, ids that clash, backups that would take built-in ids, and faults of the browser's
 * storage. Each entry runs one input and says what became of it; the test holds every entry to
 * "refused with a message" or "kept everything".
 */
import { IDBFactory } from 'fake-indexeddb';
import { journalEdit, recoverEdit } from '../../src/app/edit-journal';
import { decodeLink, readSharedText } from '../../src/share';
import { bytesToBase64url } from '../../src/share/base64url';
import { deflateText } from '../../src/share/compress';
import { SpecError } from '../../src/spec';
import { OPEN_TIMEOUT_MS, type PlayerStore, parseBackup } from '../../src/storage';
import { readChangeMessage } from '../../src/storage/change-channel';
import { bigLevelDocument, heavyNetworkDocument, heavyReference } from '../fixtures/heavy-documents';
import { ManualTimers } from '../fixtures/manual-timers';
import { instrumentedFactory, silentFactory, throwingPutFactory } from './fault-factories';
import { levelDocument, openTestStore, sampleLevel, sampleNetwork, win } from './helpers';

/** What became of one input. */
export type Outcome =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'kept'; readonly detail: string }
  | { readonly kind: 'lost'; readonly detail: string };

/** One hostile input and how to try it. */
export interface HostileCase {
  readonly name: string;
  readonly run: () => Promise<Outcome>;
}

export const refusedBy = async (attempt: () => unknown): Promise<Outcome> => {
  try {
    await attempt();
  } catch (error) {
    if (
      error instanceof SpecError ||
      (error instanceof Error && /Nothing was imported/.test(error.message))
    ) {
      return { kind: 'refused', message: error.message };
    }
    throw error;
  }
  return { kind: 'lost', detail: 'accepted' };
};

const check = (ok: boolean, detail: string): Outcome => ({ kind: ok ? 'kept' : 'lost', detail });

// The oversized level lives with the other heavy documents; the hostile corpora import it from here.
export { bigLevelDocument };

/** A `#level=` link of any JSON, as a crafted link would carry it (no parsing on the way). */
const linkOf = (document: object) =>
  `https://example.test/#level=${bytesToBase64url(deflateText(JSON.stringify(document)))}`;

const backupText = (changes: object) =>
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

const customLevelRow = (level: Record<string, unknown>) => ({
  id: level.id,
  savedAt: '2030-01-01T00:00:00.000Z',
  level,
});

/** A won level for a backup to carry, so an import has something to put. */
const otherWin = {
  levelId: 'x-vs-o',
  won: true,
  stars: 1,
  bestAccuracy: 1,
  fewestParams: 100,
  fewestSteps: 100,
  wonAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
};

const loss = { won: false, stars: 0, accuracy: 0.5, params: 40, steps: 300 };

async function storeWithWin(): Promise<{ factory: IDBFactory; store: PlayerStore }> {
  const factory = new IDBFactory();
  const store = await openTestStore(factory);
  await store.recordResult('slash-2x2', win({ stars: 3 }));
  await store.saveCustomLevel(sampleLevel({ id: 'my-homework', title: 'My homework' }));
  return { factory, store };
}

/** Whether a reopened store still has the win and the player's own level. */
async function stillThere(factory: IDBFactory): Promise<boolean> {
  const store = await openTestStore(factory);
  const level = store.customLevels().find((c) => c.level.id === 'my-homework');
  return store.progress('slash-2x2')?.stars === 3 && level?.level.title === 'My homework';
}

/** The storage and link corpus. */
export const STORAGE_CORPUS: readonly HostileCase[] = [
  {
    name: '3,500 pictures of 64x64x4 as #/. rows, as a link',
    run: () => refusedBy(() => decodeLink(linkOf(bigLevelDocument(3500, 64, 4)))),
  },
  {
    name: '3,500 pictures of 64x64x4 as #/. rows, as a file',
    run: () => refusedBy(() => readSharedText(JSON.stringify(bigLevelDocument(3500, 64, 4)))),
  },
  {
    name: '250 pictures of 64x64x4 (just over the pixel cap)',
    run: () => refusedBy(() => readSharedText(JSON.stringify(bigLevelDocument(250, 64, 4)))),
  },
  {
    name: '5,000 pictures of 64x64x1 (the old picture-count limit)',
    run: () => refusedBy(() => readSharedText(JSON.stringify(bigLevelDocument(4999, 64, 1)))),
  },
  {
    name: 'limits.maxSteps 1,000,000',
    run: () =>
      refusedBy(() =>
        readSharedText(
          JSON.stringify(levelDocument({ limits: { blocks: ['flatten', 'dense'], maxSteps: 1e6 } })),
        ),
      ),
  },
  {
    name: 'a star of maxSteps 10,001',
    run: () =>
      refusedBy(() => readSharedText(JSON.stringify(levelDocument({ stars: [{ maxSteps: 10_001 }] })))),
  },
  {
    name: 'a reference network of 256 9x9 filters at batch 4096 on 64x64',
    run: () =>
      refusedBy(() =>
        readSharedText(JSON.stringify(bigLevelDocument(200, 64, 1, { reference: heavyReference() }))),
      ),
  },
  {
    name: 'a network of 256 9x9 filters on 64x64x4 at batch 4096',
    run: () => refusedBy(() => readSharedText(JSON.stringify(heavyNetworkDocument()))),
  },
  {
    name: 'a shared level with the id of the player’s own level',
    run: async () => {
      const { factory, store } = await storeWithWin();
      const saved = await store.saveCustomLevel(
        sampleLevel({ id: 'my-homework', title: 'Gotcha' }),
        'shared',
      );
      return check(
        (await stillThere(factory)) && saved.level.id !== 'my-homework',
        `kept as ${saved.level.id}`,
      );
    },
  },
  {
    name: 'a shared level with a 64-character id that is taken',
    run: async () => {
      const store = await openTestStore(new IDBFactory());
      const id = 'a'.repeat(64);
      await store.saveCustomLevel(sampleLevel({ id, title: 'Mine' }));
      const saved = await store.saveCustomLevel(sampleLevel({ id, title: 'Theirs' }), 'shared');
      return check(
        store.customLevels().length === 2 && saved.level.id.length <= 64,
        `kept as ${saved.level.id}`,
      );
    },
  },
  {
    name: 'a backup whose level takes the built-in id slash-2x2',
    run: () =>
      refusedBy(() =>
        parseBackup(backupText({ customLevels: [customLevelRow(levelDocument({ id: 'slash-2x2' }))] }), {
          builtInLevelIds: ['slash-2x2'],
        }),
      ),
  },
  {
    name: 'a backup whose level takes the id of the player’s own level (merge)',
    run: async () => {
      const { factory, store } = await storeWithWin();
      const text = backupText({
        customLevels: [customLevelRow(levelDocument({ id: 'my-homework', title: 'Gotcha' }))],
      });
      await store.importBackup(parseBackup(text), 'merge');
      return check((await stillThere(factory)) && store.customLevels().length === 2, 'both levels kept');
    },
  },
  {
    name: 'a backup with a loss on a won level (merge)',
    run: async () => {
      const { factory, store } = await storeWithWin();
      const progress = [
        {
          levelId: 'slash-2x2',
          won: false,
          stars: 0,
          bestAccuracy: 0.1,
          fewestParams: null,
          fewestSteps: null,
          wonAt: null,
          updatedAt: '2031-01-01T00:00:00.000Z',
        },
      ];
      await store.importBackup(parseBackup(backupText({ progress })), 'merge');
      return check(await stillThere(factory), 'win kept');
    },
  },
  {
    name: 'a backup of 3,500 big pictures in one level',
    run: () =>
      refusedBy(() =>
        parseBackup(backupText({ customLevels: [customLevelRow(bigLevelDocument(3500, 64, 4))] })),
      ),
  },
  ...(['merge', 'replace'] as const).flatMap((mode) => [
    {
      name: `import (${mode}) while put throws QuotaExceededError`,
      run: async (): Promise<Outcome> => {
        const real = new IDBFactory();
        const { factory, breakPuts } = throwingPutFactory(real, 'QuotaExceededError');
        const store = await openTestStore(factory);
        await store.recordResult('slash-2x2', win({ stars: 3 }));
        await store.saveCustomLevel(sampleLevel({ id: 'my-homework', title: 'My homework' }));
        breakPuts();
        const outcome = await refusedBy(() =>
          store.importBackup(parseBackup(backupText({ progress: [otherWin] })), mode),
        );
        return (await stillThere(real)) ? outcome : { kind: 'lost', detail: 'stores emptied' };
      },
    },
    {
      name: `import (${mode}) whose transaction aborts`,
      run: async (): Promise<Outcome> => {
        const real = new IDBFactory();
        const { factory, fillUp } = instrumentedFactory(real);
        const store = await openTestStore(factory);
        await store.recordResult('slash-2x2', win({ stars: 3 }));
        await store.saveCustomLevel(sampleLevel({ id: 'my-homework', title: 'My homework' }));
        fillUp();
        const outcome = await refusedBy(() =>
          store.importBackup(parseBackup(backupText({ progress: [otherWin] })), mode),
        );
        return (await stillThere(real)) ? outcome : { kind: 'lost', detail: 'stores emptied' };
      },
    },
  ]),
  {
    name: 'a stale tab records a loss after the other tab’s win',
    run: async () => {
      const factory = new IDBFactory();
      const stale = await openTestStore(factory);
      await (await openTestStore(factory)).recordResult('slash-2x2', win({ stars: 3 }));
      await stale.recordResult('slash-2x2', loss);
      return check((await openTestStore(factory)).progress('slash-2x2')?.stars === 3, 'win kept');
    },
  },
  {
    name: 'a stale tab records one star after the other tab’s three',
    run: async () => {
      const factory = new IDBFactory();
      const stale = await openTestStore(factory);
      await (await openTestStore(factory)).recordResult('slash-2x2', win({ stars: 3 }));
      await stale.recordResult('slash-2x2', win({ stars: 1 }));
      return check((await openTestStore(factory)).progress('slash-2x2')?.stars === 3, '3 stars kept');
    },
  },
  {
    name: 'indexedDB.open never answers',
    run: async () => {
      const timers = new ManualTimers();
      const opening = openTestStore(silentFactory().factory, timers);
      timers.advance(OPEN_TIMEOUT_MS);
      const store = await opening;
      return store.status.state === 'memory-only'
        ? { kind: 'refused', message: store.status.reason }
        : { kind: 'lost', detail: 'no message' };
    },
  },
  {
    name: 'the journal’s edit cannot be written at start-up',
    run: async () => {
      const items = new Map<string, string>();
      const local = {
        getItem: (k: string) => items.get(k) ?? null,
        setItem: (k: string, v: string) => items.set(k, v),
        removeItem: (k: string) => items.delete(k),
      };
      Object.assign(globalThis, { localStorage: local });
      try {
        const { factory, fillUp } = instrumentedFactory(new IDBFactory());
        const store = await openTestStore(factory);
        journalEdit('x-vs-o', sampleNetwork());
        fillUp();
        await recoverEdit(store);
        return check(items.size === 1, 'note kept for the next start');
      } finally {
        Reflect.deleteProperty(globalThis, 'localStorage');
      }
    },
  },
  ...[
    null,
    'changed',
    { type: 'changed', stores: ['__proto__'] },
    { type: 'changed', stores: 'progress' },
  ].map((data) => ({
    name: `a channel message ${JSON.stringify(data)}`,
    run: async (): Promise<Outcome> =>
      readChangeMessage(data) === null
        ? { kind: 'refused', message: 'ignored: not a change message' }
        : { kind: 'lost', detail: 'taken as a change' },
  })),
];
