import type { IDBPTransaction } from 'idb';
import type { ConvBlocksDatabase } from './open-database';
import type { ConvBlocksSchema, StoreName } from './schema';

/** A readwrite transaction over some of our stores. */
export type WriteTransaction = IDBPTransaction<ConvBlocksSchema, StoreName[], 'readwrite'>;

/** idb turns every request into a promise; a failed write is reported once, by its transaction. */
export function quietly(request: Promise<unknown>): void {
  request.catch(() => {});
}

/**
 * Runs `fill` in one readwrite transaction, created before this returns, and resolves when it
 * committed. Any error, thrown by `fill` (a `put` that throws QuotaExceededError) or by its async
 * part (a read-modify-write), aborts the transaction: requests already issued (a `clear()`) are
 * undone rather than committed. Rejects with the first error, not the abort it caused.
 * `fill` may await only this transaction's own requests, or the transaction commits under it.
 */
export function runTransaction(
  db: ConvBlocksDatabase,
  stores: StoreName[],
  fill: (tx: WriteTransaction) => void | Promise<void>,
): Promise<void> {
  let tx: WriteTransaction;
  try {
    tx = db.transaction(stores, 'readwrite');
  } catch (error) {
    return Promise.reject(error);
  }
  let failure: { error: unknown } | null = null;
  const abort = (error: unknown) => {
    failure ??= { error };
    try {
      tx.abort();
    } catch {
      // Already finished or aborting: `done` reports it.
    }
  };
  try {
    fill(tx)?.catch(abort);
  } catch (error) {
    abort(error);
  }
  return tx.done.then(
    () => {
      if (failure) throw failure.error;
    },
    (error: unknown) => {
      throw failure ? failure.error : error;
    },
  );
}
