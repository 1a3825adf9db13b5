/** The player's saved data: IndexedDB schema and migrations, the store, and backups to a file. */
export {
  BACKUP_KIND,
  BACKUP_VERSION,
  type Backup,
  type BackupDocument,
  type BackupOptions,
  parseBackup,
} from './backup';
export type { BroadcastLike, OpenBroadcast } from './change-channel';
export type { ImportMode } from './contents';
export {
  type CustomLevel,
  LEVEL_ORIGINS,
  type LevelOrigin,
  type SavedNetwork,
  type SavedWorkspace,
} from './documents';
export type { CurvePoint, JudgedReason, KeptVerdict, LastRun } from './last-runs';
export { keptCurve, MAX_CURVE_POINTS } from './last-runs';
export { type LevelDraft, NEW_LEVEL_DRAFT } from './level-drafts';
export { copyOfLevel, levelIdTaken } from './level-ids';
export type { SkippedRecord } from './load';
export { openDatabase } from './open-database';
export { OPEN_TIMEOUT_MS, openPlayerStore } from './open-store';
export type { SavedPack } from './packs';
export { type LevelResult, MAX_STARS, mergeProgress, type ProgressRecord } from './progress';
export { type ConvBlocksSchema, DB_NAME, DB_VERSION, STORE_NAMES, type StoreName } from './schema';
export { DEFAULT_SETTINGS, SETTINGS, type SettingChanges, type SettingName, type Settings } from './settings';
export { MEMORY_ONLY_REASONS, type StorageStatus, StorageWriteError } from './status';
export { PlayerStore, WORKSPACE_SAVE_DELAY_MS } from './store';
export type { PlayerStoreOptions } from './store-options';
export type { Timers } from './timers';
