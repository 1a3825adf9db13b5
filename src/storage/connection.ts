import { type BroadcastLike, type OpenBroadcast, readChangeMessage } from './change-channel';
import type { ConvBlocksDatabase } from './open-database';
import type { StoreName } from './schema';
import { MEMORY_ONLY_REASONS, type MemoryOnlyCause, type StorageStatus, writeFailureCause } from './status';
import { runTransaction, type WriteTransaction } from './transaction';

/**
 * The store's line to IndexedDB and to the other tabs: it runs the writes, turns memory-only (once,
 * saying why) when the database fails or goes away, and tells the other tabs what was written.
 * The store keeps the player's data; this keeps the database's health.
 */
export class Connection {
  #db: ConvBlocksDatabase | null;
  #status: StorageStatus;
  readonly #listeners = new Set<(status: StorageStatus) => void>();
  readonly #writes = new Set<Promise<boolean>>();
  readonly #channel: BroadcastLike | null;

  /** `onChanged` hears the stores another tab wrote; `beforeUpgrade` runs before stepping aside for a newer tab. */
  constructor(
    db: ConvBlocksDatabase | null,
    memoryOnly: MemoryOnlyCause | null,
    channel: { readonly open: OpenBroadcast | null; readonly name: string },
    onChanged: (stores: readonly StoreName[]) => void,
    beforeUpgrade: () => void,
  ) {
    this.#db = db;
    this.#status = memoryOnly
      ? { state: 'memory-only', reason: MEMORY_ONLY_REASONS[memoryOnly] }
      : { state: 'saving' };
    db?.addEventListener('versionchange', () => {
      // Another tab wants a newer schema: write what is waiting, then step aside so it can upgrade.
      beforeUpgrade();
      this.#fall(db, 'upgrading');
    });
    db?.addEventListener('close', () => this.#fall(db, 'closed'));
    this.#channel = db && channel.open ? channel.open(channel.name) : null;
    this.#channel?.addEventListener('message', (event) => {
      const message = readChangeMessage((event as MessageEvent).data);
      if (message) onChanged(message.stores);
    });
  }

  /** The database while it works, else null. */
  get db(): ConvBlocksDatabase | null {
    return this.#db;
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

  /**
   * Writes in one transaction, created before this returns; any failure aborts it and turns the
   * store memory-only. Resolves true once committed (and the other tabs told), false otherwise.
   */
  write(stores: StoreName[], fill: (tx: WriteTransaction) => void | Promise<void>): Promise<boolean> {
    const db = this.#db;
    if (!db) return Promise.resolve(false);
    const tracked: Promise<boolean> = runTransaction(db, stores, fill)
      .then(
        () => {
          this.announce(stores);
          return true;
        },
        (error: unknown) => {
          this.#fall(db, writeFailureCause(error));
          return false;
        },
      )
      .finally(() => this.#writes.delete(tracked));
    this.#writes.add(tracked);
    return tracked;
  }

  /** Resolves when every write started so far is done: true when all of them reached the database. */
  async settled(): Promise<boolean> {
    const written = await Promise.all([...this.#writes]);
    return this.#db !== null && written.every(Boolean);
  }

  /** Tells the other tabs which stores this one wrote. */
  announce(stores: readonly StoreName[]): void {
    try {
      this.#channel?.postMessage({ type: 'changed', stores });
    } catch {
      // A closed channel: the other tabs read everything on their next start anyway.
    }
  }

  /** Lets go of the database and the channel; later changes stay in memory. */
  close(): void {
    this.#channel?.close();
    this.#db?.close();
    this.#db = null;
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
