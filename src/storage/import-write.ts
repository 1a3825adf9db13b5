import type { Contents } from './contents';
import { storedCustomLevel, storedNetwork, storedWorkspace } from './documents';
import { storedLastRun } from './last-runs';
import { storedPack } from './packs';
import { STORE_NAMES } from './schema';
import { quietly, type WriteTransaction } from './transaction';

/** Fills an import's transaction: every store emptied and written again, all in one go. */
export function fillAll(tx: WriteTransaction, next: Contents): void {
  for (const store of STORE_NAMES) quietly(tx.objectStore(store).clear());
  for (const record of next.progress.values()) quietly(tx.objectStore('progress').put(record));
  for (const w of next.workspaces.values()) quietly(tx.objectStore('workspaces').put(storedWorkspace(w)));
  for (const n of next.networks.values()) quietly(tx.objectStore('networks').put(storedNetwork(n)));
  for (const c of next.customLevels.values())
    quietly(tx.objectStore('customLevels').put(storedCustomLevel(c)));
  for (const [name, value] of Object.entries(next.settings)) {
    quietly(tx.objectStore('settings').put({ name, value }));
  }
  for (const draft of next.levelDrafts.values()) quietly(tx.objectStore('levelDrafts').put(draft));
  for (const run of next.lastRuns.values()) quietly(tx.objectStore('lastRuns').put(storedLastRun(run)));
  for (const pack of next.packs.values()) quietly(tx.objectStore('packs').put(storedPack(pack)));
}
