import { SpecError } from '../spec';
import { type Contents, emptyContents } from './contents';
import { parseCustomLevel, parseSavedNetwork, parseWorkspace } from './documents';
import { parseLastRun } from './last-runs';
import { parseLevelDraft } from './level-drafts';
import type { ConvBlocksDatabase } from './open-database';
import { parseSavedPack } from './packs';
import { parseProgress } from './progress';
import { STORE_NAMES, type StoreName } from './schema';
import { parseSettingRow } from './settings';

/** A stored record that could not be read, left in the database and reported instead. */
export interface SkippedRecord {
  readonly store: StoreName;
  readonly key: string;
  /** What is wrong with it, naming the field and the value. */
  readonly message: string;
}

type AddRow = (contents: Contents, row: unknown, key: string) => void;

/** The stores whose records are kept under their own id, and the record each holds. */
type KeyedStore = Exclude<StoreName, 'settings'>;
type RecordOf<S extends KeyedStore> = Contents[S] extends Map<string, infer T> ? T : never;

/**
 * Parses a row of a keyed store, checks that the key it is stored under is its own id (`field`
 * names the id in the message when it is not), and keeps it.
 */
function keyedRow<S extends KeyedStore>(
  store: S,
  parse: (row: unknown) => RecordOf<S>,
  field: string,
  id: (item: RecordOf<S>) => string,
): AddRow {
  return (contents, row, key) => {
    const item = parse(row);
    checkKey(key, id(item), field);
    // Contents[S] is that very map; TypeScript cannot narrow a generic key's property to it.
    (contents[store] as Map<string, RecordOf<S>>).set(key, item);
  };
}

/** Checks one row and adds it to the contents; throws a SpecError when the row is bad. */
const ADD_ROW: { readonly [S in StoreName]: AddRow } = {
  progress: keyedRow('progress', parseProgress, 'levelId', (p) => p.levelId),
  workspaces: keyedRow('workspaces', parseWorkspace, 'levelId', (w) => w.levelId),
  networks: keyedRow('networks', parseSavedNetwork, 'id', (n) => n.id),
  customLevels: keyedRow('customLevels', parseCustomLevel, 'id', (l) => l.level.id),
  settings: (contents, row) => {
    contents.settings = { ...contents.settings, ...parseSettingRow(row, 'settings') };
  },
  levelDrafts: keyedRow('levelDrafts', parseLevelDraft, 'key', (d) => d.key),
  lastRuns: keyedRow('lastRuns', parseLastRun, 'levelId', (r) => r.levelId),
  packs: keyedRow('packs', parseSavedPack, 'id', (p) => p.id),
};

function checkKey(key: string, value: string, field: string): void {
  if (key !== value) throw new SpecError(field, `expected the record's key "${key}" but got "${value}"`);
}

/**
 * Reads every store in one transaction and checks each record as untrusted input. Bad records
 * are skipped and reported, never deleted: a later version may still read them. Only `stores`
 * are read when given (another tab changed those).
 */
export async function loadContents(
  db: ConvBlocksDatabase,
  stores: readonly StoreName[] = STORE_NAMES,
): Promise<{ contents: Contents; skipped: SkippedRecord[] }> {
  const tx = db.transaction([...stores], 'readonly');
  const rows = await Promise.all(
    stores.map(async (store) => {
      const objectStore = tx.objectStore(store);
      const [keys, values] = await Promise.all([objectStore.getAllKeys(), objectStore.getAll()]);
      return { store, keys, values };
    }),
  );
  await tx.done;
  const contents = emptyContents();
  const skipped: SkippedRecord[] = [];
  for (const { store, keys, values } of rows) {
    values.forEach((row: unknown, i) => {
      const key = String(keys[i]);
      try {
        ADD_ROW[store](contents, row, key);
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        skipped.push({ store, key, message: error.message });
      }
    });
  }
  return { contents, skipped };
}
