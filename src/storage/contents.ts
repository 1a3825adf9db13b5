import { levelToDocument } from '../spec';
import { type CustomLevel, type SavedNetwork, type SavedWorkspace, storedIsNewer } from './documents';
import type { LastRun } from './last-runs';
import type { LevelDraft } from './level-drafts';
import { freeLevelId, sameLevel, withLevelId } from './level-ids';
import type { SavedPack } from './packs';
import { mergeProgress, type ProgressRecord } from './progress';
import type { StoreName } from './schema';
import type { SettingChanges } from './settings';

/** Everything the store holds, keyed as the database keys it. */
export interface Contents {
  readonly progress: Map<string, ProgressRecord>;
  readonly workspaces: Map<string, SavedWorkspace>;
  readonly networks: Map<string, SavedNetwork>;
  readonly customLevels: Map<string, CustomLevel>;
  settings: SettingChanges;
  /** The editor's unfinished levels (in backups since version 2). */
  readonly levelDrafts: Map<string, LevelDraft>;
  /** Each level's last judged run (in backups since version 3). */
  readonly lastRuns: Map<string, LastRun>;
  /** The packs of levels opened here; not part of backups (their link opens them again). */
  readonly packs: Map<string, SavedPack>;
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
    lastRuns: new Map(),
    packs: new Map(),
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
 * Adds the incoming levels to the current ones. A level whose id is taken by a different level is
 * kept under a new id (never replacing the other); its progress and workbench move with it.
 */
function addLevels(current: Contents, incoming: Contents): Contents {
  const customLevels = new Map(current.customLevels);
  const progress = new Map(incoming.progress);
  const workspaces = new Map(incoming.workspaces);
  const lastRuns = new Map(incoming.lastRuns);
  for (const [id, item] of incoming.customLevels) {
    const mine = customLevels.get(id);
    if (!mine) customLevels.set(id, item);
    if (!mine || sameLevel(item.level, levelToDocument(mine.level))) continue;
    const newId = freeLevelId(id, (c) => customLevels.has(c) || incoming.customLevels.has(c));
    customLevels.set(newId, { ...item, level: withLevelId(item.level, newId) });
    const record = progress.get(id);
    progress.delete(id);
    if (record) progress.set(newId, { ...record, levelId: newId });
    const workspace = workspaces.get(id);
    workspaces.delete(id);
    if (workspace) {
      workspaces.set(newId, {
        ...workspace,
        levelId: newId,
        network: { ...workspace.network, level: newId },
      });
    }
    const run = lastRuns.get(id);
    lastRuns.delete(id);
    if (run) lastRuns.set(newId, { ...run, levelId: newId, network: { ...run.network, level: newId } });
  }
  return { ...incoming, customLevels, progress, workspaces, lastRuns };
}

/**
 * What the store holds after importing `incoming`. Replace takes the backup as it is. Merge keeps
 * the better of each level's progress, the newer of two versions of the same workspace or network,
 * both of two different levels with one id, everything only one side has, and this browser's own
 * settings over the backup's.
 */
export function combineContents(current: Contents, backup: Contents, mode: ImportMode): Contents {
  // Packs are not in backups: a replace keeps the packs opened here, whose link would bring them back anyway.
  if (mode === 'replace') return { ...backup, packs: new Map(current.packs) };
  const incoming = addLevels(current, backup);
  const progress = new Map(current.progress);
  for (const [levelId, record] of incoming.progress) {
    const mine = progress.get(levelId);
    progress.set(levelId, mine ? mergeProgress(mine, record) : record);
  }
  return {
    progress,
    workspaces: newerOf(current.workspaces, incoming.workspaces),
    networks: newerOf(current.networks, incoming.networks),
    customLevels: incoming.customLevels,
    settings: { ...incoming.settings, ...current.settings },
    levelDrafts: newerOf(current.levelDrafts, incoming.levelDrafts),
    lastRuns: newerOf(current.lastRuns, incoming.lastRuns),
    packs: newerOf(current.packs, incoming.packs),
  };
}

/**
 * Takes what another tab wrote (`loaded`, read from the database) into this tab's copy: progress
 * merged so no better result of either is lost, workbenches except those this tab has yet to
 * write, and the other stores as the database now holds them.
 */
export function refreshContents(
  memory: Contents,
  loaded: Contents,
  stores: readonly StoreName[],
  unwritten: ReadonlySet<string>,
): void {
  const replace = <T>(mine: Map<string, T>, theirs: ReadonlyMap<string, T>) => {
    mine.clear();
    for (const [key, value] of theirs) mine.set(key, value);
  };
  for (const store of stores) {
    if (store === 'progress') {
      for (const [levelId, record] of loaded.progress) {
        const mine = memory.progress.get(levelId);
        memory.progress.set(levelId, mine ? mergeProgress(mine, record) : record);
      }
    } else if (store === 'workspaces') {
      for (const levelId of memory.workspaces.keys()) {
        if (!unwritten.has(levelId) && !loaded.workspaces.has(levelId)) memory.workspaces.delete(levelId);
      }
      for (const [levelId, workspace] of loaded.workspaces) {
        // An edit not yet written stays unless the other tab's is newer: the newer edit wins.
        const mine = memory.workspaces.get(levelId);
        if (!unwritten.has(levelId) || !mine || storedIsNewer(workspace, mine.savedAt)) {
          memory.workspaces.set(levelId, workspace);
        }
      }
    } else if (store === 'settings') {
      memory.settings = loaded.settings;
    } else {
      replace<unknown>(memory[store] as Map<string, unknown>, loaded[store]);
    }
  }
}
