import { type IDBPDatabase, wrap } from 'idb';
import { type ConvBlocksSchema, DB_VERSION } from './schema';
import { type UpgradeTransaction, upgradeDatabase } from './upgrade';

/** A database connection with our schema. */
export type ConvBlocksDatabase = IDBPDatabase<ConvBlocksSchema>;

/**
 * Opens (creating or upgrading) the database through the given factory; idb's `openDB` always
 * uses the global one, which would make the factory impossible to inject.
 * `onBlocked` hears when another connection holds an older version open; the promise then waits.
 */
export function openDatabase(
  factory: IDBFactory,
  name: string,
  version: number = DB_VERSION,
  onBlocked: () => void = () => {},
): Promise<ConvBlocksDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.addEventListener('upgradeneeded', (event) => {
      const transaction = request.transaction;
      if (!transaction) return;
      upgradeDatabase(
        wrap(request.result) as ConvBlocksDatabase,
        event.oldVersion,
        event.newVersion ?? version,
        wrap(transaction) as unknown as UpgradeTransaction,
      );
    });
    request.addEventListener('blocked', () => onBlocked());
    request.addEventListener('success', () => resolve(wrap(request.result) as ConvBlocksDatabase));
    request.addEventListener('error', () => reject(request.error));
  });
}
