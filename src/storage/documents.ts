import {
  type LevelSpec,
  levelToDocument,
  type NetworkSpec,
  networkToDocument,
  parseLevel,
  parseNetwork,
  parseNetworkDraft,
  SpecError,
} from '../spec';
import { expectId, expectOneOf, expectRecord, expectTime, join, nested } from './fields';

/** The network on a level's workbench, as the player left it (it may not run yet). */
export interface SavedWorkspace {
  readonly levelId: string;
  readonly savedAt: string;
  readonly network: NetworkSpec;
}

/** A network the player kept, with or without its trained weights. */
export interface SavedNetwork {
  readonly id: string;
  readonly savedAt: string;
  readonly network: NetworkSpec;
}

/** Where a saved level came from: made in this browser's editor, or opened from someone's link or file. */
export type LevelOrigin = 'mine' | 'shared';

/** Every origin, in the order the map shows their shelves. */
export const LEVEL_ORIGINS: readonly LevelOrigin[] = ['mine', 'shared'];

/** A level the player made in the level editor, or one shared with them. */
export interface CustomLevel {
  readonly savedAt: string;
  readonly level: LevelSpec;
  readonly origin: LevelOrigin;
}

/** How a workspace is stored and exported: the network as its JSON document. */
export interface StoredWorkspace {
  readonly levelId: string;
  readonly savedAt: string;
  readonly network: Record<string, unknown>;
}

/** How a saved network is stored and exported. */
export interface StoredNetwork {
  readonly id: string;
  readonly savedAt: string;
  readonly network: Record<string, unknown>;
}

/**
 * How a custom level is stored and exported: keyed by the level's own id. `origin` is written only
 * for a shared level, so rows and backups of levels made here read the same in every version.
 */
export interface StoredCustomLevel {
  readonly id: string;
  readonly savedAt: string;
  readonly level: Record<string, unknown>;
  readonly origin?: 'shared';
}

/**
 * Reads a workspace's network. A workbench may hold a stack that does not run yet (a Dense before
 * its Flatten, a missing last layer): that is kept as a draft, since a reload must not lose what
 * was on screen. Anything else wrong is refused, as for any network.
 */
export function parseWorkspaceNetwork(value: unknown): NetworkSpec {
  return parseNetworkDraft(value);
}

/** Checks a stored or exported workspace. */
export function parseWorkspace(value: unknown, field = ''): SavedWorkspace {
  const record = expectRecord(value, field, ['levelId', 'savedAt', 'network']);
  return {
    levelId: expectId(record.levelId, join(field, 'levelId')),
    savedAt: expectTime(record.savedAt, join(field, 'savedAt')),
    network: nested(join(field, 'network'), () => parseWorkspaceNetwork(record.network)),
  };
}

/** Checks a stored or exported saved network. */
export function parseSavedNetwork(value: unknown, field = ''): SavedNetwork {
  const record = expectRecord(value, field, ['id', 'savedAt', 'network']);
  return {
    id: expectId(record.id, join(field, 'id')),
    savedAt: expectTime(record.savedAt, join(field, 'savedAt')),
    network: nested(join(field, 'network'), () => parseNetwork(record.network)),
  };
}

/** Checks a stored or exported custom level; its key must be the level's own id. */
export function parseCustomLevel(value: unknown, field = ''): CustomLevel {
  const record = expectRecord(value, field, ['id', 'savedAt', 'level'], ['origin']);
  const id = expectId(record.id, join(field, 'id'));
  const level = nested(join(field, 'level'), () => parseLevel(record.level));
  if (level.id !== id) {
    throw new SpecError(join(field, 'id'), `expected the level's own id "${level.id}" but got "${id}"`);
  }
  // A record without an origin was made here: every level saved before origins existed was.
  const origin =
    record.origin === undefined ? 'mine' : expectOneOf(record.origin, join(field, 'origin'), LEVEL_ORIGINS);
  return { savedAt: expectTime(record.savedAt, join(field, 'savedAt')), level, origin };
}

/**
 * Whether a stored workspace row was saved after `savedAt`: two tabs editing one level's workbench
 * each write their own, and the newer edit must win whichever write lands last. A row this version
 * cannot read is never newer.
 */
export function storedIsNewer(stored: unknown, savedAt: string): boolean {
  if (stored === null || typeof stored !== 'object') return false;
  const theirs = Date.parse(String((stored as { savedAt?: unknown }).savedAt));
  return Number.isFinite(theirs) && theirs > Date.parse(savedAt);
}

/** A workspace as stored. */
export function storedWorkspace(workspace: SavedWorkspace): StoredWorkspace {
  return {
    levelId: workspace.levelId,
    savedAt: workspace.savedAt,
    network: networkToDocument(workspace.network),
  };
}

/** A saved network as stored. */
export function storedNetwork(saved: SavedNetwork): StoredNetwork {
  return { id: saved.id, savedAt: saved.savedAt, network: networkToDocument(saved.network) };
}

/** A custom level as stored. */
export function storedCustomLevel(custom: CustomLevel): StoredCustomLevel {
  return {
    id: custom.level.id,
    savedAt: custom.savedAt,
    level: levelToDocument(custom.level),
    ...(custom.origin === 'shared' && { origin: 'shared' as const }),
  };
}
