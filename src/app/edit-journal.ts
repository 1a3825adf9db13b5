/**
 * The last edit of a workbench, written synchronously to localStorage on every change. IndexedDB
 * writes are asynchronous and a reload or a closed tab can cut one short; this note survives, and
 * the next start hands it to storage. Read back like any untrusted input.
 */
import { type NetworkSpec, networkToDocument, parseNetworkDraft } from '../spec';
import type { PlayerStore } from '../storage';

const KEY = 'convblocks:last-edit';

function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers refuse localStorage outright (storage blocked): IndexedDB alone then.
    return null;
  }
}

/** Notes the workbench of `levelId` as it is now. */
export function journalEdit(levelId: string, network: NetworkSpec): void {
  try {
    localStore()?.setItem(KEY, JSON.stringify({ levelId, network: networkToDocument(network) }));
  } catch {
    // Out of quota or refused: the IndexedDB save still runs.
  }
}

/**
 * Gives storage the last edit noted before the page went away. The note is the only copy until
 * IndexedDB confirms the write, so it stays when that fails or storage is memory-only: the next
 * start tries again.
 */
export async function recoverEdit(store: PlayerStore): Promise<void> {
  const local = localStore();
  const text = local?.getItem(KEY);
  if (!local || !text) return;
  let written = true;
  try {
    const note = JSON.parse(text) as { levelId?: unknown; network?: unknown };
    if (typeof note.levelId === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(note.levelId)) {
      store.saveWorkspace(note.levelId, parseNetworkDraft(note.network));
      written = await store.flush();
    }
  } catch {
    // A damaged note is dropped: what storage holds stays as it is.
  }
  if (written) local.removeItem(KEY);
}
