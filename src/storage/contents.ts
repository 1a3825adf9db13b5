import type { CustomLevel, SavedNetwork, SavedWorkspace } from './documents';
import type { LevelDraft } from './level-drafts';
import { mergeProgress, type ProgressRecord } from './progress';
import type { SettingChanges } from './settings';

/** Everything the store holds, keyed as the database keys it. */
export interface Contents {
  readonly progress: Map<string, ProgressRecord>;
  readonly workspaces: Map<string, SavedWorkspace>;
  readonly networks: Map<string, SavedNetwork>;
  readonly customLevels: Map<string, CustomLevel>;
  settings: SettingChanges;
  /** The editor's unfinished levels; not part of backups. */
  readonly levelDrafts: Map<string, LevelDraft>;
}

/** Nothing saved yet. */
export function emptyContents(): Contents {
  return {
    progress: new Map(),
    workspaces: new Map(),
    networks: new Map(),
    customLevels: new Map(),
    settings: {},
    levelDrafts: new Map(),
  };
}

/** How an import treats what is already there. */
export type ImportMode = 'merge' | 'replace';

function newerOf<T extends { readonly savedAt: string }>(
  current: ReadonlyMap<string, T>,
  incoming: ReadonlyMap<string, T>,
): Map<string, T> {
  const out = new Map(current);
  for (const [key, item] of incoming) {
    const mine = out.get(key);
    if (!mine || item.savedAt > mine.savedAt) out.set(key, item);
  }
  return out;
}

/**
 * What the store holds after importing `incoming`. Replace takes the backup as it is. Merge keeps
 * the better of each level's progress, the newer of two versions of the same workspace, network
 * or level, everything only one side has, and this browser's own settings over the backup's.
 */
export function combineContents(current: Contents, incoming: Contents, mode: ImportMode): Contents {
  if (mode === 'replace') return incoming;
  const progress = new Map(current.progress);
  for (const [levelId, record] of incoming.progress) {
    const mine = progress.get(levelId);
    progress.set(levelId, mine ? mergeProgress(mine, record) : record);
  }
  return {
    progress,
    workspaces: newerOf(current.workspaces, incoming.workspaces),
    networks: newerOf(current.networks, incoming.networks),
    customLevels: newerOf(current.customLevels, incoming.customLevels),
    settings: { ...incoming.settings, ...current.settings },
    levelDrafts: newerOf(current.levelDrafts, incoming.levelDrafts),
  };
}
