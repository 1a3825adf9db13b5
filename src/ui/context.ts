import type { LayerWeights } from '../spec';
import type { PlayerStore } from '../storage';

/** What every screen gets from the page shell. */
export interface AppContext {
  readonly store: PlayerStore;
  /** Goes to another screen by its address (`#/level/x-vs-o`, `#/`). */
  navigate(hash: string): void;
  /** Says something in the page's status region (read out by screen readers). */
  announce(message: string): void;
  /** Trained weights opened from a shared network, by level id, for that level's screen to take up. */
  readonly sharedWeights: Map<string, readonly (LayerWeights | null)[]>;
}

/** A screen on show; disposed when the player leaves it. */
export interface Screen {
  dispose(): void;
}
