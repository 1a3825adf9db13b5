import type { OpenBroadcast } from './change-channel';
import type { Timers } from './timers';

/** What the store needs from its host; everything is injectable so tests can fake it. */
export interface PlayerStoreOptions {
  /** The browser's IndexedDB (`globalThis.indexedDB`), or undefined where there is none. */
  readonly indexedDB: IDBFactory | undefined;
  /** The database name; tests give each store its own. */
  readonly name?: string;
  readonly timers?: Timers;
  /** The clock that stamps records. */
  readonly now?: () => Date;
  /**
   * How tabs tell each other what they wrote (BroadcastChannel by default); null for none. Tests
   * hand in a channel of their own so that their stores hear only each other.
   */
  readonly broadcast?: OpenBroadcast | null;
}
