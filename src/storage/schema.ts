import type { DBSchema } from 'idb';
import type { StoredCustomLevel, StoredNetwork, StoredWorkspace } from './documents';
import type { StoredLastRun } from './last-runs';
import type { LevelDraft } from './level-drafts';
import type { StoredPack } from './packs';
import type { ProgressRecord } from './progress';
import type { StoredSetting } from './settings';

/** The database's name in the browser. */
export const DB_NAME = 'convblocks';

/** The current schema version; every change adds an upgrade step and a fixture in the migration tests. */
export const DB_VERSION = 4;

/**
 * The database as version 4 writes it (version 2 added `levelDrafts`, version 3 `lastRuns`, 4 `packs`). Values are what we write; what is read back is checked
 * as untrusted input all the same (another version, a browser extension or a bug may have written it).
 */
export interface ConvBlocksSchema extends DBSchema {
  /** The best result per level, keyed by level id. */
  progress: { key: string; value: ProgressRecord };
  /** The workbench per level, keyed by level id. */
  workspaces: { key: string; value: StoredWorkspace };
  /** The player's kept networks, keyed by their id. */
  networks: { key: string; value: StoredNetwork };
  /** Levels made in the editor, keyed by the level's id. */
  customLevels: { key: string; value: StoredCustomLevel };
  /** One row per setting the player changed, keyed by the setting's name. */
  settings: { key: string; value: StoredSetting };
  /** The level editor's unfinished levels, keyed by the level's id (or ':new'). Since version 2. */
  levelDrafts: { key: string; value: LevelDraft };
  /** Each level's last judged run (network with weights, verdict), keyed by level id. Since version 3. */
  lastRuns: { key: string; value: StoredLastRun };
  /** The packs of levels opened here, keyed by the pack's id. Since version 4. */
  packs: { key: string; value: StoredPack };
}

/** The object stores' names. */
export type StoreName =
  | 'progress'
  | 'workspaces'
  | 'networks'
  | 'customLevels'
  | 'settings'
  | 'levelDrafts'
  | 'lastRuns'
  | 'packs';

/** Every object store, in the order they load and export. */
export const STORE_NAMES: readonly StoreName[] = [
  'progress',
  'workspaces',
  'networks',
  'customLevels',
  'settings',
  'levelDrafts',
  'lastRuns',
  'packs',
];
