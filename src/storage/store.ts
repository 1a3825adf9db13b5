import type { IDBPTransaction } from 'idb';
import {
  type LevelSpec,
  levelToDocument,
  type NetworkSpec,
  networkToDocument,
  parseLevel,
  parseNetwork,
} from '../spec';
import { type Backup, type BackupDocument, backupDocument } from './backup';
import { type Contents, combineContents, emptyContents, type ImportMode } from './contents';
import {
  type CustomLevel,
  type LevelOrigin,
  type SavedNetwork,
  storedCustomLevel,
  storedNetwork,
  storedWorkspace,
} from './documents';
import { expectId } from './fields';
import { type LevelDraft, parseLevelDraft } from './level-drafts';
import { loadContents, type SkippedRecord } from './load';
import { type ConvBlocksDatabase, openDatabase } from './open-database';
import {
  type LevelResult,
  mergeProgress,
  type ProgressRecord,
  parseProgress,
  progressFromResult,
  progressImproved,
} from './progress';
import { type ConvBlocksSchema, DB_NAME, DB_VERSION, STORE_NAMES, type StoreName } from './schema';
import { effectiveSettings, parseSetting, type SettingChanges, type Settings } from './settings';
import {
  MEMORY_ONLY_REASONS,
  type MemoryOnlyCause,
  openFailureCause,
  type StorageStatus,
  writeFailureCause,
} from './status';
import { createThrottle, SYSTEM_TIMERS, type Throttle, type Timers } from './timers';

/** How long a workspace change may wait before it is written, at most. */
export const WORKSPACE_SAVE_DELAY_MS = 500;

/** What the store needs from its host; everything is injectable so tests can fake it. */
export interface PlayerStoreOptions {
  /** The browser's IndexedDB (`globalThis.indexedDB`), or undefined where there is none. */
  readonly indexedDB: IDBFactory | undefined;
  /** The database name; tests give each store its own. */
  readonly name?: string;
  readonly timers?: Timers;
  /** The clock that stamps records. */
  readonly now?: () => Date;
}

type WriteTransaction = IDBPTransaction<ConvBlocksSchema, StoreName[], 'readwrite'>;

/** idb turns every request into a promise; a failed write is reported once, by its transaction. */
function quietly(request: Promise<unknown>): void {
  request.catch(() => {});
}

/**
 * The player's progress, workbenches, networks, custom levels and settings. Everything is held in
 * memory and read from there; every change is written through to IndexedDB while it can be, and
 * when it cannot (no storage, refused, blocked, full, upgraded elsewhere) the store carries on
 * from memory and says why in `status`.
 */
export class PlayerStore {
  /** Records found in the database that could not be read: left there, not loaded. */
  readonly skipped: readonly SkippedRecord[];
  #contents: Contents;
  #db: ConvBlocksDatabase | null;
  #status: StorageStatus;
  readonly #listeners = new Set<(status: StorageStatus) => void>();
  readonly #dirtyWorkspaces = new Set<string>();
  readonly #writes = new Set<Promise<void>>();
  readonly #throttle: Throttle;
  readonly #now: () => Date;

  /** Use `openPlayerStore`; this is its last step. */
  constructor(
    contents: Contents,
    db: ConvBlocksDatabase | null,
    memoryOnly: MemoryOnlyCause | null,
    skipped: readonly SkippedRecord[],
    options: PlayerStoreOptions,
  ) {
    this.#contents = contents;
    this.#db = db;
    this.#status = memoryOnly
      ? { state: 'memory-only', reason: MEMORY_ONLY_REASONS[memoryOnly] }
      : { state: 'saving' };
    this.skipped = skipped;
    this.#now = options.now ?? (() => new Date());
    this.#throttle = createThrottle(options.timers ?? SYSTEM_TIMERS, WORKSPACE_SAVE_DELAY_MS, () => {
      this.#writeWorkspaces();
    });
    db?.addEventListener('versionchange', () => {
      // Another tab wants a newer schema: write what is waiting, then step aside so it can upgrade.
      this.#writeWorkspaces();
      this.#fall(db, 'upgrading');
    });
    db?.addEventListener('close', () => this.#fall(db, 'closed'));
  }

  /** Whether changes reach the browser's storage, and if not, why. */
  get status(): StorageStatus {
    return this.#status;
  }

  /** Calls `listener` whenever the status changes; returns a function that stops it. */
  onStatusChange(listener: (status: StorageStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The best result on a level, if it was ever played to the end. */
  progress(levelId: string): ProgressRecord | undefined {
    return this.#contents.progress.get(levelId);
  }

  /** Every level's best result. */
  allProgress(): ProgressRecord[] {
    return [...this.#contents.progress.values()];
  }

  /**
   * Records a judged attempt the moment it is known, keeping the better of it and what was there
   * (more stars, better accuracy, fewer parameters, fewer steps). Resolves once written.
   */
  async recordResult(levelId: string, result: LevelResult): Promise<ProgressRecord> {
    const attempt = parseProgress(progressFromResult(levelId, result, this.#stamp()));
    const before = this.#contents.progress.get(levelId);
    const merged = before ? mergeProgress(before, attempt) : attempt;
    if (!progressImproved(before, merged)) return before ?? merged;
    this.#contents.progress.set(levelId, merged);
    await this.#write(['progress'], (tx) => quietly(tx.objectStore('progress').put(merged)));
    return merged;
  }

  /** The network on a level's workbench as the player left it; it may not run yet. */
  workspace(levelId: string): NetworkSpec | undefined {
    return this.#contents.workspaces.get(levelId)?.network;
  }

  /**
   * Keeps the workbench's network; it is written within half a second, together with any other
   * change made meanwhile, or at once by `flush`.
   */
  saveWorkspace(levelId: string, network: NetworkSpec): void {
    expectId(levelId, 'levelId');
    this.#contents.workspaces.set(levelId, { levelId, savedAt: this.#stamp(), network });
    this.#dirtyWorkspaces.add(levelId);
    this.#throttle.request();
  }

  /**
   * Writes every waiting change now and resolves when all writes are done. The page calls it on
   * pagehide: the writes start before this returns, so they finish even as the page goes.
   */
  async flush(): Promise<void> {
    this.#writeWorkspaces();
    await Promise.all([...this.#writes]);
  }

  /** The networks the player kept, oldest first. */
  networks(): SavedNetwork[] {
    return [...this.#contents.networks.values()].sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  }

  /**
   * Keeps a network (with its weights if it has them) under a new id, or replaces the one with
   * `id`. Refuses a network that would not open again, with a SpecError naming the field.
   */
  async saveNetwork(network: NetworkSpec, id?: string): Promise<SavedNetwork> {
    const checked = parseNetwork(networkToDocument(network));
    const saved: SavedNetwork = {
      id: id === undefined ? this.#newNetworkId() : expectId(id, 'id'),
      savedAt: this.#stamp(),
      network: checked,
    };
    this.#contents.networks.set(saved.id, saved);
    await this.#write(['networks'], (tx) => quietly(tx.objectStore('networks').put(storedNetwork(saved))));
    return saved;
  }

  /** Forgets a kept network. */
  async deleteNetwork(id: string): Promise<void> {
    this.#contents.networks.delete(id);
    await this.#write(['networks'], (tx) => quietly(tx.objectStore('networks').delete(id)));
  }

  /** The levels made in the editor or shared with the player, by title; only those of `origin` when given. */
  customLevels(origin?: LevelOrigin): CustomLevel[] {
    return [...this.#contents.customLevels.values()]
      .filter((c) => origin === undefined || c.origin === origin)
      .sort((a, b) => a.level.title.localeCompare(b.level.title));
  }

  /**
   * Keeps a level under its id; refuses one that would not open again. `origin` says whether it
   * was made here ('mine') or opened from a link or file ('shared'); left out, a level already
   * saved keeps its origin and a new one is 'mine'.
   */
  async saveCustomLevel(level: LevelSpec, origin?: LevelOrigin): Promise<CustomLevel> {
    const before = this.#contents.customLevels.get(level.id);
    const custom: CustomLevel = {
      savedAt: this.#stamp(),
      level: parseLevel(levelToDocument(level)),
      origin: origin ?? before?.origin ?? 'mine',
    };
    this.#contents.customLevels.set(custom.level.id, custom);
    await this.#write(['customLevels'], (tx) =>
      quietly(tx.objectStore('customLevels').put(storedCustomLevel(custom))),
    );
    return custom;
  }

  /** Forgets a level made in the editor. */
  async deleteCustomLevel(id: string): Promise<void> {
    this.#contents.customLevels.delete(id);
    await this.#write(['customLevels'], (tx) => quietly(tx.objectStore('customLevels').delete(id)));
  }

  /** The level editor's unfinished level under `key` (a level's id, or NEW_LEVEL_DRAFT). */
  levelDraft(key: string): LevelDraft | undefined {
    return this.#contents.levelDrafts.get(key);
  }

  /**
   * Keeps an unfinished level from the editor, as plain JSON; refuses (with a SpecError) a key that
   * is not an id or NEW_LEVEL_DRAFT and anything that is not plain JSON.
   */
  async saveLevelDraft(key: string, draft: Record<string, unknown>): Promise<LevelDraft> {
    const saved = parseLevelDraft({ key, savedAt: this.#stamp(), draft });
    this.#contents.levelDrafts.set(key, saved);
    await this.#write(['levelDrafts'], (tx) => quietly(tx.objectStore('levelDrafts').put(saved)));
    return saved;
  }

  /** Forgets an unfinished level (it was saved as a level, or thrown away). */
  async deleteLevelDraft(key: string): Promise<void> {
    if (!this.#contents.levelDrafts.delete(key)) return;
    await this.#write(['levelDrafts'], (tx) => quietly(tx.objectStore('levelDrafts').delete(key)));
  }

  /** The settings in effect. */
  settings(): Settings {
    return effectiveSettings(this.#contents.settings);
  }

  /** Changes some settings; refuses an unknown setting or value with a SpecError. */
  async updateSettings(changes: SettingChanges): Promise<Settings> {
    let checked: SettingChanges = {};
    for (const [name, value] of Object.entries(changes)) {
      checked = { ...checked, ...parseSetting(name, value, 'settings') };
    }
    this.#contents.settings = { ...this.#contents.settings, ...checked };
    await this.#write(['settings'], (tx) => {
      for (const [name, value] of Object.entries(checked))
        quietly(tx.objectStore('settings').put({ name, value }));
    });
    return this.settings();
  }

  /** Everything the store holds as one `convblocks/backup` JSON document. */
  exportBackup(): BackupDocument {
    return backupDocument(this.#contents, this.#stamp());
  }

  /**
   * Imports a checked backup (see `parseBackup`): 'replace' makes the store exactly the backup;
   * 'merge' keeps the better or newer of both sides. Written in one transaction: all or nothing.
   */
  async importBackup(backup: Backup, mode: ImportMode): Promise<void> {
    this.#writeWorkspaces();
    const next = combineContents(this.#contents, backup.contents, mode);
    this.#contents = next;
    await this.#write([...STORE_NAMES], (tx) => {
      for (const store of STORE_NAMES) quietly(tx.objectStore(store).clear());
      for (const record of next.progress.values()) quietly(tx.objectStore('progress').put(record));
      for (const w of next.workspaces.values()) quietly(tx.objectStore('workspaces').put(storedWorkspace(w)));
      for (const n of next.networks.values()) quietly(tx.objectStore('networks').put(storedNetwork(n)));
      for (const c of next.customLevels.values()) {
        quietly(tx.objectStore('customLevels').put(storedCustomLevel(c)));
      }
      for (const [name, value] of Object.entries(next.settings)) {
        quietly(tx.objectStore('settings').put({ name, value }));
      }
      for (const draft of next.levelDrafts.values()) quietly(tx.objectStore('levelDrafts').put(draft));
    });
  }

  /** Writes what is waiting and lets go of the database; later changes stay in memory. */
  async close(): Promise<void> {
    await this.flush();
    this.#db?.close();
    this.#db = null;
  }

  #stamp(): string {
    return this.#now().toISOString();
  }

  #newNetworkId(): string {
    const time = this.#now().getTime().toString(36);
    for (let n = 1; ; n++) {
      const id = `net-${time}-${n}`;
      if (!this.#contents.networks.has(id)) return id;
    }
  }

  /** Starts writing the waiting workspaces; the transaction exists when this returns. */
  #writeWorkspaces(): void {
    this.#throttle.cancel();
    const rows = [...this.#dirtyWorkspaces].flatMap((levelId) => {
      const workspace = this.#contents.workspaces.get(levelId);
      return workspace ? [storedWorkspace(workspace)] : [];
    });
    this.#dirtyWorkspaces.clear();
    if (rows.length === 0) return;
    void this.#write(['workspaces'], (tx) => {
      for (const row of rows) quietly(tx.objectStore('workspaces').put(row));
    });
  }

  /** Writes in one transaction, created before this returns; a failure turns the store memory-only. */
  #write(stores: StoreName[], fill: (tx: WriteTransaction) => void): Promise<void> {
    const db = this.#db;
    if (!db) return Promise.resolve();
    let done: Promise<void>;
    try {
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      done = tx.done;
    } catch (error) {
      this.#fall(db, writeFailureCause(error));
      return Promise.resolve();
    }
    const tracked: Promise<void> = done
      .catch((error: unknown) => this.#fall(db, writeFailureCause(error)))
      .finally(() => this.#writes.delete(tracked));
    this.#writes.add(tracked);
    return tracked;
  }

  /** Stops using `db` (once) and tells the listeners why. */
  #fall(db: ConvBlocksDatabase, cause: MemoryOnlyCause): void {
    if (this.#db !== db) return;
    this.#db = null;
    db.close();
    this.#status = { state: 'memory-only', reason: MEMORY_ONLY_REASONS[cause] };
    for (const listener of this.#listeners) listener(this.#status);
  }
}

/** Opens the database, or settles for memory when it is blocked by an older tab rather than wait. */
function openOrBlocked(factory: IDBFactory, name: string): Promise<ConvBlocksDatabase | 'blocked'> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    openDatabase(factory, name, DB_VERSION, () => {
      gaveUp = true;
      resolve('blocked');
    }).then((db) => {
      // Opened after all: this tab already works from memory, so let the other tabs have it.
      if (gaveUp) db.close();
      else resolve(db);
    }, reject);
  });
}

/**
 * Opens the player's store: from IndexedDB when the browser gives it, from memory (with the
 * reason in `status`) when it does not. Never throws for a storage fault.
 */
export async function openPlayerStore(options: PlayerStoreOptions): Promise<PlayerStore> {
  const memoryOnly = (cause: MemoryOnlyCause) => new PlayerStore(emptyContents(), null, cause, [], options);
  if (!options.indexedDB) return memoryOnly('missing');
  let db: ConvBlocksDatabase | 'blocked';
  try {
    db = await openOrBlocked(options.indexedDB, options.name ?? DB_NAME);
  } catch (error) {
    return memoryOnly(openFailureCause(error));
  }
  if (db === 'blocked') return memoryOnly('blocked');
  try {
    const { contents, skipped } = await loadContents(db);
    return new PlayerStore(contents, db, null, skipped, options);
  } catch {
    db.close();
    return memoryOnly('refused');
  }
}
