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

/** Checks one row and adds it to the contents; throws a SpecError when the row is bad. */
const ADD_ROW: { readonly [S in StoreName]: (contents: Contents, row: unknown, key: string) => void } = {
  progress: (contents, row, key) => {
    const progress = parseProgress(row);
    checkKey(key, progress.levelId, 'levelId');
    contents.progress.set(key, progress);
  },
  workspaces: (contents, row, key) => {
    const workspace = parseWorkspace(row);
    checkKey(key, workspace.levelId, 'levelId');
    contents.workspaces.set(key, workspace);
  },
  networks: (contents, row, key) => {
    const saved = parseSavedNetwork(row);
    checkKey(key, saved.id, 'id');
    contents.networks.set(key, saved);
  },
  customLevels: (contents, row, key) => {
    const custom = parseCustomLevel(row);
    checkKey(key, custom.level.id, 'id');
    contents.customLevels.set(key, custom);
  },
  settings: (contents, row) => {
    contents.settings = { ...contents.settings, ...parseSettingRow(row, 'settings') };
  },
  levelDrafts: (contents, row, key) => {
    const draft = parseLevelDraft(row);
    checkKey(key, draft.key, 'key');
    contents.levelDrafts.set(key, draft);
  },
  lastRuns: (contents, row, key) => {
    const run = parseLastRun(row);
    checkKey(key, run.levelId, 'levelId');
    contents.lastRuns.set(key, run);
  },
  packs: (contents, row, key) => {
    const saved = parseSavedPack(row);
    checkKey(key, saved.id, 'id');
    contents.packs.set(key, saved);
  },
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
