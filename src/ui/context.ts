import type { LayerWeights } from '../spec';

/**
 * What every screen gets from the page shell, over the player's store.
 *
 * The store's type is a parameter because the kit may import only `src/spec`: naming storage's
 * `PlayerStore` here would pull IndexedDB into every folder that shows a screen. The app and the
 * editor, which may import storage, write `AppContext<PlayerStore>`.
 */
export interface AppContext<Store> {
  /** The player's saved progress, workspaces and levels. */
  readonly store: Store;
  /** Goes to another screen by its address (`#/level/x-vs-o`, `#/`). */
  navigate(hash: string): void;
  /** Says something in the page's status region (read out by screen readers). */
  announce(message: string): void;
  /** Trained weights opened from a shared network, by level id, for that level's screen to take up. */
  readonly sharedWeights: Map<string, readonly (LayerWeights | null)[]>;
  /**
   * Built-in levels the player opened from a shared network in this visit: open to play although the
   * path has not reached them (opening a network a friend or teacher sent is the player's choice;
   * typing a locked level's address is not, and stays locked).
   */
  readonly openedFromShared?: Set<string>;
}

/** A screen on show; disposed when the player leaves it. */
export interface Screen {
  /** Lets go of what the screen holds (listeners, workers, timers) when the player leaves it. */
  dispose(): void;
}
