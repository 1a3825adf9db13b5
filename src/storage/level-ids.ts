import { DOCUMENT_VERSIONS, type LevelSpec, levelToDocument, MAX, parseLevel } from '../spec';
import type { CustomLevel } from './documents';
import { ID_PATTERN } from './fields';

/**
 * Levels are keyed by their own id, and anyone can write any id into a level: an incoming level
 * whose id is taken by a different level is kept under a new id instead of replacing it.
 */

/**
 * Whether a stored level document holds exactly this level. A document stored in an older version
 * is compared as it reads today, so the same level kept before a format change is still the same.
 */
export function sameLevel(level: LevelSpec, stored: unknown): boolean {
  const written = JSON.stringify(levelToDocument(level));
  if (written === JSON.stringify(stored)) return true;
  const version = (stored as { version?: unknown } | null)?.version;
  if (version === DOCUMENT_VERSIONS['convblocks/level']) return false;
  try {
    return written === JSON.stringify(levelToDocument(parseLevel(stored)));
  } catch {
    return false;
  }
}

/** `id` with the first free `-2`, `-3`, ... ending, kept within the id length. */
export function freeLevelId(id: string, taken: (id: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (ID_PATTERN.test(candidate) && !taken(candidate)) return candidate;
  }
}

/** The same level under another id. */
export function withLevelId(level: LevelSpec, id: string): LevelSpec {
  return { ...level, id };
}

/**
 * Where a shared level goes beside `existing` (the stored document under its id, if any): under
 * its own id when free, nowhere (null) when `existing` is the same level, else under a free id.
 */
export function placeSharedLevel(
  level: LevelSpec,
  existing: unknown,
  taken: (id: string) => boolean,
  savedAt: string,
): CustomLevel | null {
  if (existing === undefined) return { savedAt, level, origin: 'shared' };
  if (sameLevel(level, existing)) return null;
  return { savedAt, level: withLevelId(level, freeLevelId(level.id, taken)), origin: 'shared' };
}

/** A copy's title: "Copy of" the original's, cut to the title length a level may have. */
export function copyTitle(title: string): string {
  return `Copy of ${title}`.slice(0, MAX.nameLength).trimEnd();
}

/**
 * A copy of `level` to edit: titled "Copy of ...", under `<id>-copy` (or the first free `-2`, `-3`,
 * ... after it) so it clashes with no id `taken` names (built-in levels, saved levels, drafts).
 */
export function copyOfLevel(level: LevelSpec, taken: (id: string) => boolean): LevelSpec {
  // Room is left for "-copy" and a number up to -999 after it.
  const stem = `${level.id.slice(0, 55).replace(/-+$/, '')}-copy`;
  const id = taken(stem) ? freeLevelId(stem, taken) : stem;
  return { ...level, id, title: copyTitle(level.title) };
}

/** What `levelIdTaken` reads of the store. */
export interface LevelIdHolder {
  customLevels(): readonly { readonly level: { readonly id: string } }[];
  levelDraft(key: string): unknown;
}

/**
 * Whether a new level or a copy may not take `id`: a built-in level's (`builtIn`, which only the app
 * knows), a saved level's or an unfinished draft's.
 */
export function levelIdTaken(store: LevelIdHolder, builtIn: (id: string) => boolean, id: string): boolean {
  return (
    builtIn(id) || store.customLevels().some((c) => c.level.id === id) || store.levelDraft(id) !== undefined
  );
}
