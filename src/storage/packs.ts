import { type LevelPack, packToDocument, parsePack, SpecError } from '../spec';
import { expectId, expectRecord, expectTime, join, nested } from './fields';

/**
 * The packs of levels a player opened (since version 4), keyed by the pack's id, its fingerprint:
 * the same pack opened again from its link is the same pack, and finds its progress again. A pack's
 * levels are played under `packLevelId(pack.id, i)`, so their progress, workbenches and last runs
 * sit in the usual stores, kept apart per pack and apart from the built-in path.
 */
export interface SavedPack {
  readonly id: string;
  readonly savedAt: string;
  readonly pack: LevelPack;
}

/** How a pack is stored: the pack as its JSON document. */
export interface StoredPack {
  readonly id: string;
  readonly savedAt: string;
  readonly pack: Record<string, unknown>;
}

/** A saved pack as stored. */
export function storedPack(saved: SavedPack): StoredPack {
  return { id: saved.id, savedAt: saved.savedAt, pack: packToDocument(saved.pack) };
}

/** Checks a stored pack; its key must be the fingerprint of the pack it holds. */
export function parseSavedPack(value: unknown, field = ''): SavedPack {
  const record = expectRecord(value, field, ['id', 'savedAt', 'pack']);
  const id = expectId(record.id, join(field, 'id'));
  const pack = nested(join(field, 'pack'), () => parsePack(record.pack));
  if (pack.id !== id) {
    throw new SpecError(join(field, 'id'), `expected the pack's own id "${pack.id}" but got "${id}"`);
  }
  return { id, savedAt: expectTime(record.savedAt, join(field, 'savedAt')), pack };
}
