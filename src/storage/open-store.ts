import { type Contents, emptyContents } from './contents';
import { loadContents, type SkippedRecord } from './load';
import { type ConvBlocksDatabase, openDatabase } from './open-database';
import { DB_NAME, DB_VERSION } from './schema';
import { type MemoryOnlyCause, openFailureCause } from './status';
import { PlayerStore } from './store';
import type { PlayerStoreOptions } from './store-options';
import { SYSTEM_TIMERS } from './timers';

/**
 * How long opening and reading the database may take before the game starts from memory. A
 * healthy profile answers in well under a second; a wedged one never does, and the page must not
 * stay blank waiting for it.
 */
export const OPEN_TIMEOUT_MS = 8000;

type Opened =
  | {
      readonly kind: 'open';
      readonly db: ConvBlocksDatabase;
      readonly contents: Contents;
      readonly skipped: SkippedRecord[];
    }
  | { readonly kind: 'fault'; readonly cause: MemoryOnlyCause; readonly db?: ConvBlocksDatabase };

/** Opens and reads the database; an older tab blocking the upgrade means memory rather than a wait. */
async function openAndLoad(factory: IDBFactory, name: string): Promise<Opened> {
  let onBlocked = () => {};
  const blocked = new Promise<'blocked'>((resolve) => {
    onBlocked = () => resolve('blocked');
  });
  const open = openDatabase(factory, name, DB_VERSION, () => onBlocked());
  let db: ConvBlocksDatabase | 'blocked';
  try {
    db = await Promise.race([open, blocked]);
  } catch (error) {
    return { kind: 'fault', cause: openFailureCause(error) };
  }
  if (db === 'blocked') {
    // Opened after all: this tab already works from memory, so let the other tabs have it.
    open.then(
      (late) => late.close(),
      () => {},
    );
    return { kind: 'fault', cause: 'blocked' };
  }
  try {
    return { kind: 'open', db, ...(await loadContents(db)) };
  } catch {
    return { kind: 'fault', cause: 'refused', db };
  }
}

/**
 * Opens the player's store: from IndexedDB when the browser gives it, from memory (with the
 * reason in `status`) when it does not, is blocked, or does not answer within OPEN_TIMEOUT_MS.
 * Never throws for a storage fault and never waits forever.
 */
export async function openPlayerStore(options: PlayerStoreOptions): Promise<PlayerStore> {
  const memoryOnly = (cause: MemoryOnlyCause) => new PlayerStore(emptyContents(), null, cause, [], options);
  const factory = options.indexedDB;
  if (!factory) return memoryOnly('missing');
  const timers = options.timers ?? SYSTEM_TIMERS;
  let handle: unknown;
  const timeout = new Promise<Opened>((resolve) => {
    handle = timers.setTimeout(() => resolve({ kind: 'fault', cause: 'timeout' }), OPEN_TIMEOUT_MS);
  });
  const opening = openAndLoad(factory, options.name ?? DB_NAME);
  const result = await Promise.race([opening, timeout]);
  timers.clearTimeout(handle);
  if (result.kind === 'open')
    return new PlayerStore(result.contents, result.db, null, result.skipped, options);
  result.db?.close();
  // A database that opens after this tab gave up (blocked, timed out) is closed at once, so it
  // blocks no other tab in turn; this tab already works from memory.
  void opening.then((late) => late.db?.close());
  return memoryOnly(result.cause);
}
