import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ConvBlocksSchema } from './schema';

/** The database during an upgrade, with the upgrade's own transaction (the only one allowed). */
export type UpgradeTransaction = IDBPTransaction<
  ConvBlocksSchema,
  StoreNames<ConvBlocksSchema>[],
  'versionchange'
>;

/**
 * Brings a database from `oldVersion` to `newVersion`, one step per version so that any older
 * database reaches the current one. Never await anything but the upgrade transaction's own
 * requests in here. `newVersion` bounds the steps so the tests can build every older version.
 */
export function upgradeDatabase(
  db: IDBPDatabase<ConvBlocksSchema>,
  oldVersion: number,
  newVersion: number,
  _transaction: UpgradeTransaction,
): void {
  if (oldVersion < 1 && newVersion >= 1) {
    db.createObjectStore('progress', { keyPath: 'levelId' });
    db.createObjectStore('workspaces', { keyPath: 'levelId' });
    db.createObjectStore('networks', { keyPath: 'id' });
    db.createObjectStore('customLevels', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'name' });
  }
  if (oldVersion < 2 && newVersion >= 2) {
    db.createObjectStore('levelDrafts', { keyPath: 'key' });
  }
  if (oldVersion < 3 && newVersion >= 3) {
    db.createObjectStore('lastRuns', { keyPath: 'levelId' });
  }
  if (oldVersion < 4 && newVersion >= 4) {
    db.createObjectStore('packs', { keyPath: 'id' });
  }
}
