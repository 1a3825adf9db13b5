import { describeValue, SpecError } from '../spec';
import { expectId, expectRecord, expectTime, join } from './fields';

/**
 * Unfinished levels from the level editor: what the teacher has on screen while it does not yet
 * parse as a level (no title, no picture yet). Storage keeps the editor's own draft format as plain
 * JSON and checks only its structure; the editor checks its contents when it reads one back.
 */

/** The key of the draft of a level not saved yet; every other draft is keyed by its level's id. */
export const NEW_LEVEL_DRAFT = ':new';

/** The deepest nesting a draft may have (draft, classes, a class, its pictures, a picture, values). */
const MAX_DRAFT_DEPTH = 8;

/** An unfinished level as stored. */
export interface LevelDraft {
  /** `NEW_LEVEL_DRAFT` or the level's id. */
  readonly key: string;
  readonly savedAt: string;
  /** The editor's draft, as plain JSON. */
  readonly draft: Readonly<Record<string, unknown>>;
}

function expectKey(value: unknown, field: string): string {
  return value === NEW_LEVEL_DRAFT ? value : expectId(value, field);
}

/** Refuses anything that is not plain JSON data (objects, lists, strings, finite numbers, booleans, null). */
function checkPlainJson(value: unknown, field: string, depth: number): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new SpecError(field, `expected a finite number but got ${describeValue(value)}`);
    return;
  }
  if (typeof value !== 'object')
    throw new SpecError(field, `expected plain JSON data but got ${describeValue(value)}`);
  if (depth > MAX_DRAFT_DEPTH)
    throw new SpecError(field, `is nested more than ${MAX_DRAFT_DEPTH} levels deep`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkPlainJson(value[i], join(field, i), depth + 1);
    return;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new SpecError(field, `expected plain JSON data but got ${describeValue(value)}`);
  }
  for (const [key, item] of Object.entries(value)) checkPlainJson(item, join(field, key), depth + 1);
}

/** Checks a stored draft's structure; its contents are the editor's to check. */
export function parseLevelDraft(value: unknown, field = ''): LevelDraft {
  const record = expectRecord(value, field, ['key', 'savedAt', 'draft']);
  const draft = record.draft;
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) {
    throw new SpecError(join(field, 'draft'), `expected an object but got ${describeValue(draft)}`);
  }
  checkPlainJson(draft, join(field, 'draft'), 1);
  return {
    key: expectKey(record.key, join(field, 'key')),
    savedAt: expectTime(record.savedAt, join(field, 'savedAt')),
    draft: draft as Record<string, unknown>,
  };
}
