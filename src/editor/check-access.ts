/** What the Check and share tab needs besides the draft. */

import type { LevelSpec } from '../spec';
import type { DraftAccess } from './panel';

/** What the tab needs besides the draft: saving now, and the page address links start from. */
export interface CheckAccess extends DraftAccess {
  /** Saves the draft now; the saved level, or null (the reason announced) when it cannot be saved yet. */
  saveNow(): Promise<LevelSpec | null>;
  /** The address of the page, without its `#...` part. */
  pageAddress(): string;
  /** The built-in levels, whose reference networks Suggest tries (the app knows them). */
  builtInLevels(): Promise<readonly LevelSpec[]>;
}

/** A fraction as a whole percentage: 0.875 -> "88%". */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
