/**
 * Tabs of one browser tell each other what they changed, so a tab never works from a stale copy
 * and its map shows a win made elsewhere. BroadcastChannel where the browser has it; else a note in
 * localStorage, whose `storage` event reaches the other tabs; else nothing (one tab is all there is).
 */
import { STORE_NAMES, type StoreName } from './schema';

/** The part of BroadcastChannel the store uses; tests hand in their own. */
export interface BroadcastLike {
  postMessage(data: unknown): void;
  addEventListener(type: 'message', listener: (event: Event) => void): void;
  close(): void;
}

/** Opens a channel by name, as `new BroadcastChannel(name)` does. */
export type OpenBroadcast = (name: string) => BroadcastLike;

/** What one tab tells the others: these stores changed, read them again. */
export interface ChangeMessage {
  readonly type: 'changed';
  readonly stores: readonly StoreName[];
}

/** Reads a message from another tab; anything else on the channel (an older or newer version) is ignored. */
export function readChangeMessage(data: unknown): ChangeMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const { type, stores } = data as Record<string, unknown>;
  if (type !== 'changed' || !Array.isArray(stores)) return null;
  const known = stores.filter((s): s is StoreName => STORE_NAMES.includes(s as StoreName));
  return known.length ? { type, stores: known } : null;
}

/** A channel over localStorage's `storage` event, for browsers without BroadcastChannel. */
function storageEventChannel(name: string, local: Storage, host: EventTarget): BroadcastLike {
  const key = `${name}:changed`;
  let count = 0;
  const listeners: ((event: Event) => void)[] = [];
  const onStorage = (event: Event) => {
    const { key: changedKey, newValue } = event as StorageEvent;
    if (changedKey !== key || !newValue) return;
    try {
      const data = (JSON.parse(newValue) as { data?: unknown }).data;
      for (const listener of listeners) listener(new MessageEvent('message', { data }));
    } catch {
      // Not ours to read: ignored like any unknown message.
    }
  };
  host.addEventListener('storage', onStorage);
  return {
    postMessage(data) {
      try {
        // The count makes every note differ, or writing the same one twice would not be heard.
        local.setItem(key, JSON.stringify({ data, n: `${Date.now()}-${count++}` }));
      } catch {
        // Storage refused: the other tabs learn of it on their next reload.
      }
    },
    addEventListener(_type, listener) {
      listeners.push(listener);
    },
    close() {
      host.removeEventListener('storage', onStorage);
    },
  };
}

/** The best channel this browser offers, or null where tabs cannot hear each other. */
export function defaultBroadcast(): OpenBroadcast | null {
  if (typeof globalThis.BroadcastChannel === 'function') return (name) => new BroadcastChannel(name);
  try {
    const local = globalThis.localStorage;
    if (local && typeof globalThis.addEventListener === 'function') {
      return (name) => storageEventChannel(name, local, globalThis);
    }
  } catch {
    // localStorage refused outright.
  }
  return null;
}
