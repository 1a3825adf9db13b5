import { checkVersionedHeader, parseJsonText, SpecError } from '../spec';
import type { Contents } from './contents';
import {
  parseCustomLevel,
  parseSavedNetwork,
  parseWorkspace,
  type StoredCustomLevel,
  type StoredNetwork,
  type StoredWorkspace,
  storedCustomLevel,
  storedNetwork,
  storedWorkspace,
} from './documents';
import { expectList, expectRecord, expectTime, join } from './fields';
import { parseLastRun, type StoredLastRun, storedLastRun } from './last-runs';
import { type LevelDraft, parseLevelDraft } from './level-drafts';
import { type ProgressRecord, parseProgress } from './progress';
import { parseSettings, type SettingChanges } from './settings';

/** The backup file's kind. */
export const BACKUP_KIND = 'convblocks/backup';

/**
 * The newest backup version this reader knows (2 added the level editor's unfinished drafts, 3 each
 * level's last judged run: its trained network, verdict and curves).
 */
export const BACKUP_VERSION = 3;

/** The most entries of each list a backup may hold, so no file can ask for absurd work. */
export const MAX_BACKUP_ENTRIES = 10_000;

/** A backup file (`convblocks/backup`, version 3) as JSON: the whole store, documents inside. */
export interface BackupDocument {
  readonly kind: typeof BACKUP_KIND;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAt: string;
  readonly progress: readonly ProgressRecord[];
  readonly workspaces: readonly StoredWorkspace[];
  readonly networks: readonly StoredNetwork[];
  readonly customLevels: readonly StoredCustomLevel[];
  /** Only the settings the player changed. */
  readonly settings: SettingChanges;
  /** The level editor's unfinished levels (version 2; a version 1 backup has none). */
  readonly levelDrafts: readonly LevelDraft[];
  /** Each level's last judged run (version 3; older backups have none). */
  readonly lastRuns: readonly StoredLastRun[];
}

/** A backup once checked, ready to import. */
export interface Backup {
  readonly exportedAt: string;
  readonly contents: Contents;
}

/** A map's values in key order, so the same contents always export the same file. */
function byKey<T>(map: ReadonlyMap<string, T>): T[] {
  return [...map.keys()].sort().map((key) => map.get(key) as T);
}

/** Writes what the store holds as a backup document. */
export function backupDocument(contents: Contents, exportedAt: string): BackupDocument {
  return {
    kind: BACKUP_KIND,
    version: BACKUP_VERSION,
    exportedAt,
    progress: byKey(contents.progress),
    workspaces: byKey(contents.workspaces).map(storedWorkspace),
    networks: byKey(contents.networks).map(storedNetwork),
    customLevels: byKey(contents.customLevels).map(storedCustomLevel),
    settings: { ...contents.settings },
    levelDrafts: byKey(contents.levelDrafts),
    lastRuns: byKey(contents.lastRuns).map(storedLastRun),
  };
}

/** The fields of a version 1 backup; version 2 adds `levelDrafts`, version 3 `lastRuns`. */
const FIELDS_V1 = [
  'kind',
  'version',
  'exportedAt',
  'progress',
  'workspaces',
  'networks',
  'customLevels',
  'settings',
];
const FIELDS_V2 = [...FIELDS_V1, 'levelDrafts'];
const FIELDS = [...FIELDS_V2, 'lastRuns'];

function checkHeader(value: unknown): number {
  return checkVersionedHeader(value, BACKUP_KIND, BACKUP_VERSION, {
    document: 'a ConvBlocks backup',
    made: 'this backup was',
    it: 'it',
  }).version;
}

/** The backup's fields as the newest version has them: older ones have no drafts or no last runs. */
function migrated(value: unknown, version: number): Record<string, unknown> {
  if (version === 1) return { ...expectRecord(value, '', FIELDS_V1), levelDrafts: [], lastRuns: [] };
  if (version === 2) return { ...expectRecord(value, '', FIELDS_V2), lastRuns: [] };
  return expectRecord(value, '', FIELDS);
}

/** Reads one list of a backup into a map, refusing two entries with the same key. */
function entries<T>(
  value: unknown,
  field: string,
  parse: (entry: unknown, field: string) => T,
  keyOf: (item: T) => string,
  keyField: string,
): Map<string, T> {
  const map = new Map<string, T>();
  expectList(value, field, MAX_BACKUP_ENTRIES).forEach((entry, i) => {
    const item = parse(entry, join(field, i));
    const key = keyOf(item);
    if (map.has(key)) {
      throw new SpecError(join(join(field, i), keyField), `${JSON.stringify(key)} appears twice in ${field}`);
    }
    map.set(key, item);
  });
  return map;
}

/** What a backup is checked against besides its own contents. */
export interface BackupOptions {
  /** Ids of the game's own levels: a backup's level may not take one (it would hide the built-in level). */
  readonly builtInLevelIds?: readonly string[];
}

function checkLevelIds(levels: ReadonlyMap<string, unknown>, builtIn: readonly string[]): void {
  [...levels.keys()].forEach((id, i) => {
    if (builtIn.includes(id)) {
      throw new SpecError(
        `customLevels[${i}].id`,
        `${JSON.stringify(id)} is the id of a built-in level; a backup cannot replace it`,
      );
    }
  });
}

/**
 * Checks a backup file's text completely before anything is imported; throws a SpecError naming
 * the field and the bad value, so a bad file changes nothing.
 */
export function parseBackup(text: string, options: BackupOptions = {}): Backup {
  const value = parseJsonText(text);
  const doc = migrated(value, checkHeader(value));
  const customLevels = entries(doc.customLevels, 'customLevels', parseCustomLevel, (c) => c.level.id, 'id');
  checkLevelIds(customLevels, options.builtInLevelIds ?? []);
  return {
    exportedAt: expectTime(doc.exportedAt, 'exportedAt'),
    contents: {
      progress: entries(doc.progress, 'progress', parseProgress, (p) => p.levelId, 'levelId'),
      workspaces: entries(doc.workspaces, 'workspaces', parseWorkspace, (w) => w.levelId, 'levelId'),
      networks: entries(doc.networks, 'networks', parseSavedNetwork, (n) => n.id, 'id'),
      customLevels,
      settings: parseSettings(doc.settings, 'settings'),
      levelDrafts: entries(doc.levelDrafts, 'levelDrafts', parseLevelDraft, (d) => d.key, 'key'),
      // Each run's network is parsed as any network document is, with its limits on size and work.
      lastRuns: entries(doc.lastRuns, 'lastRuns', parseLastRun, (r) => r.levelId, 'levelId'),
      packs: new Map(),
    },
  };
}
