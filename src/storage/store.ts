import {
  type LevelSpec,
  levelToDocument,
  type NetworkSpec,
  networkToDocument,
  parseLevel,
  parseNetwork,
} from '../spec';
import { type Backup, type BackupDocument, backupDocument } from './backup';
import { defaultBroadcast } from './change-channel';
import { Connection } from './connection';
import { type Contents, combineContents, type ImportMode, refreshContents } from './contents';
import {
  type CustomLevel,
  type LevelOrigin,
  type SavedNetwork,
  storedCustomLevel,
  storedIsNewer,
  storedNetwork,
  storedWorkspace,
} from './documents';
import { expectId } from './fields';
import { fillAll } from './import-write';
import { type LastRun, parseLastRun, storedLastRun } from './last-runs';
import { type LevelDraft, parseLevelDraft } from './level-drafts';
import { placeSharedLevel } from './level-ids';
import { loadContents, type SkippedRecord } from './load';
import type { ConvBlocksDatabase } from './open-database';
import { type SavedPack, storedPack } from './packs';
import {
  betterProgress,
  type LevelResult,
  type ProgressRecord,
  parseProgress,
  progressFromResult,
  readStoredProgress,
} from './progress';
import { DB_NAME, STORE_NAMES, type StoreName } from './schema';
import { effectiveSettings, parseSetting, type SettingChanges, type Settings } from './settings';
import { importFailure, type MemoryOnlyCause, type StorageStatus } from './status';
import type { PlayerStoreOptions } from './store-options';
import { createThrottle, SYSTEM_TIMERS, type Throttle } from './timers';
import { quietly, runTransaction, type WriteTransaction } from './transaction';

/** How long a workspace change may wait before it is written, at most. */
export const WORKSPACE_SAVE_DELAY_MS = 500;

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
  readonly #connection: Connection;
  readonly #changeListeners = new Set<() => void>();
  readonly #dirtyWorkspaces = new Set<string>();
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
    this.skipped = skipped;
    this.#now = options.now ?? (() => new Date());
    this.#throttle = createThrottle(options.timers ?? SYSTEM_TIMERS, WORKSPACE_SAVE_DELAY_MS, () => {
      this.#writeWorkspaces();
    });
    this.#connection = new Connection(
      db,
      memoryOnly,
      {
        open: options.broadcast === undefined ? defaultBroadcast() : options.broadcast,
        name: `${options.name ?? DB_NAME}:changes`,
      },
      (stores) => void this.#reload(stores),
      () => this.#writeWorkspaces(),
    );
  }

  /** Whether changes reach the browser's storage, and if not, why. */
  get status(): StorageStatus {
    return this.#connection.status;
  }

  /** Calls `listener` whenever the status changes; returns a function that stops it. */
  onStatusChange(listener: (status: StorageStatus) => void): () => void {
    return this.#connection.onStatusChange(listener);
  }

  /**
   * Calls `listener` after another tab's changes were taken into this store (a screen redraws);
   * returns a function that stops it.
   */
  onContentsChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
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
   * (more stars, better accuracy, fewer parameters, fewer steps). What is there is read in the same
   * transaction as the write: another tab may have won since this one last looked, and a win is
   * never replaced by a loss. Resolves with the merged record once written.
   */
  async recordResult(levelId: string, result: LevelResult): Promise<ProgressRecord> {
    const attempt = parseProgress(progressFromResult(levelId, result, this.#stamp()));
    let merged = betterProgress(this.#contents.progress.get(levelId), attempt);
    this.#contents.progress.set(levelId, merged);
    await this.#write(['progress'], async (tx) => {
      const store = tx.objectStore('progress');
      const stored = readStoredProgress(await store.get(levelId));
      merged = betterProgress(stored, merged);
      if (merged !== stored) quietly(store.put(merged));
    });
    merged = betterProgress(this.#contents.progress.get(levelId), merged);
    this.#contents.progress.set(levelId, merged);
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
   * Writes every waiting change now and resolves when all writes are done: true when every one of
   * them reached IndexedDB, false when any did not (or the store is memory-only). The page calls it
   * on pagehide: the writes start before this returns, so they finish even as the page goes.
   */
  async flush(): Promise<boolean> {
    this.#writeWorkspaces();
    return this.#connection.settled();
  }

  /** A level's last judged run (the network with its weights, and the verdict), if one was kept. */
  lastRun(levelId: string): LastRun | undefined {
    return this.#contents.lastRuns.get(levelId);
  }

  /** Keeps a level's last judged run; a newer one another tab wrote meanwhile is left in its place. */
  async saveLastRun(run: Omit<LastRun, 'savedAt'>): Promise<LastRun> {
    const saved = parseLastRun(storedLastRun({ ...run, savedAt: this.#stamp() }));
    this.#contents.lastRuns.set(saved.levelId, saved);
    await this.#write(['lastRuns'], async (tx) => {
      const store = tx.objectStore('lastRuns');
      if (!storedIsNewer(await store.get(saved.levelId), saved.savedAt))
        quietly(store.put(storedLastRun(saved)));
    });
    return saved;
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
   * saved keeps its origin and a new one is 'mine'. A shared level never replaces a different
   * level with its id: it is kept under a new id (in the returned level); identical content is the
   * same level.
   */
  async saveCustomLevel(level: LevelSpec, origin?: LevelOrigin): Promise<CustomLevel> {
    if (origin === 'shared') return this.#addSharedLevel(parseLevel(levelToDocument(level)));
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

  /** The packs of levels opened here, by title. */
  packs(): SavedPack[] {
    return [...this.#contents.packs.values()].sort((a, b) => a.pack.title.localeCompare(b.pack.title));
  }

  /** Keeps a pack under its id (its fingerprint): the same pack opened twice is kept once. */
  async savePack(pack: SavedPack['pack']): Promise<SavedPack> {
    const saved: SavedPack = { id: pack.id, savedAt: this.#stamp(), pack };
    this.#contents.packs.set(saved.id, saved);
    await this.#write(['packs'], (tx) => quietly(tx.objectStore('packs').put(storedPack(saved))));
    return saved;
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
   * 'merge' keeps the better or newer of both sides. Written in one transaction, and taken into
   * memory only once written: when the write fails, it rejects with a StorageWriteError and
   * nothing changed, here or in the database.
   */
  async importBackup(backup: Backup, mode: ImportMode): Promise<void> {
    await this.flush();
    const next = combineContents(this.#contents, backup.contents, mode);
    const db = this.#connection.db;
    if (db) {
      try {
        await runTransaction(db, [...STORE_NAMES], (tx) => fillAll(tx, next));
      } catch (error) {
        throw importFailure(error);
      }
      this.#connection.announce([...STORE_NAMES]);
    }
    this.#contents = next;
  }

  /** Writes what is waiting and lets go of the database; later changes stay in memory. */
  async close(): Promise<void> {
    await this.flush();
    this.#connection.close();
  }

  /** Keeps a shared level; the id check is made again inside the write, where another tab cannot interleave. */
  async #addSharedLevel(level: LevelSpec): Promise<CustomLevel> {
    const memory = this.#contents.customLevels;
    const place = (existing: unknown, taken: (id: string) => boolean) =>
      placeSharedLevel(level, existing, (c) => taken(c) || memory.has(c), this.#stamp());
    const mine = memory.get(level.id);
    let custom = place(mine && levelToDocument(mine.level), (c) => memory.has(c));
    await this.#write(['customLevels'], async (tx) => {
      const store = tx.objectStore('customLevels');
      const [row, keys] = await Promise.all([store.get(level.id), store.getAllKeys()]);
      custom = place(row?.level, (c) => keys.includes(c));
      if (custom) quietly(store.put(storedCustomLevel(custom)));
    });
    if (!custom) return mine ?? { savedAt: this.#stamp(), level, origin: 'shared' };
    this.#contents.customLevels.set(custom.level.id, custom);
    return custom;
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
    // Read-modify-write: another tab may have saved a newer edit of the same workbench meanwhile.
    void this.#write(['workspaces'], async (tx) => {
      const store = tx.objectStore('workspaces');
      for (const row of rows) {
        if (!storedIsNewer(await store.get(row.levelId), row.savedAt)) quietly(store.put(row));
      }
    });
  }

  #write(stores: StoreName[], fill: (tx: WriteTransaction) => void | Promise<void>): Promise<boolean> {
    return this.#connection.write(stores, fill);
  }

  /** Reads again what another tab wrote and tells this tab's screens. */
  async #reload(stores: readonly StoreName[]): Promise<void> {
    const db = this.#connection.db;
    if (!db) return;
    let loaded: Contents;
    try {
      loaded = (await loadContents(db, stores)).contents;
    } catch {
      // The database went away meanwhile: its own events say so; this copy stays as it is.
      return;
    }
    refreshContents(this.#contents, loaded, stores, this.#dirtyWorkspaces);
    for (const listener of this.#changeListeners) listener();
  }
}
