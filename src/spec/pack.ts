/**
 * The `convblocks/pack` document: several levels in order under a title, what a teacher hands a
 * class as one link or file. Each level inside is a whole level document, checked as any other.
 */
import { describeValue, SpecError } from './errors';
import { MAX } from './limits';
import { checkStructure, checkVersionedHeader } from './parse';
import { parseLevel } from './parse-level';
import { levelToDocument } from './serialize';
import { unshowableCharacter } from './showable';
import type { LevelSpec } from './types';

/** The pack kind and the newest version this reader knows. */
export const PACK_KIND = 'convblocks/pack';
export const PACK_VERSION = 1;

/** Levels in order under a title, with a fingerprint that names this exact pack. */
export interface LevelPack {
  readonly title: string;
  readonly author?: string;
  readonly levels: readonly LevelSpec[];
  /** `pack-` and a hash of the pack's document: the same pack, from a link or a file, has the same id. */
  readonly id: string;
}

const PACK_FIELDS = new Set(['kind', 'version', 'title', 'author', 'levels']);

/** A 53-bit hash (cyrb53) of text, as base-36: short, and the same in every browser and in Node. */
function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The level version pack ids were first made with. A pack's id is the hash of its document with
 * each level's `version` written as this one, so a new level version (3 added `maxFilterSize`) does
 * not rename every pack: the saved packs, their players' progress (kept under the id) and the class
 * results (matched by it) of a pack opened before keep their id.
 */
const PACK_ID_LEVEL_VERSION = 2;

/** A pack's id: the hash of its document, levels written as `PACK_ID_LEVEL_VERSION`. */
function packId(pack: Omit<LevelPack, 'id'>): string {
  const doc = packToDocument(pack);
  const levels = (doc.levels as Record<string, unknown>[]).map((level) => ({
    ...level,
    version: PACK_ID_LEVEL_VERSION,
  }));
  return `pack-${hashText(JSON.stringify({ ...doc, levels }))}`;
}

/** The JSON document of a pack, every level written out in full. */
export function packToDocument(pack: Omit<LevelPack, 'id'>): Record<string, unknown> {
  return {
    kind: PACK_KIND,
    version: PACK_VERSION,
    title: pack.title,
    ...(pack.author !== undefined && { author: pack.author }),
    levels: pack.levels.map(levelToDocument),
  };
}

/** Makes a pack from levels in order, checking it as a pack read from a file would be. */
export function makePack(title: string, levels: readonly LevelSpec[], author?: string): LevelPack {
  return parsePack(packToDocument({ title, levels, ...(author !== undefined && { author }) }));
}

function readName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX.nameLength) {
    throw new SpecError(
      field,
      `expected text of 1 to ${MAX.nameLength} characters but got ${describeValue(value)}`,
    );
  }
  const problem = unshowableCharacter(value, 'name');
  if (problem) throw new SpecError(field, problem);
  return value.trim();
}

/** A level's SpecError, its field put under `levels[i]`. */
function withinLevel(error: SpecError, index: number): SpecError {
  const inner = error.field ? error.message.slice(error.field.length + 2) : error.message;
  const sep = error.field === '' || error.field.startsWith('[') ? '' : '.';
  return new SpecError(`levels[${index}]${sep}${error.field}`, inner);
}

/** Pixel values of every level together, from list lengths alone, before one picture is read. */
function checkPackWork(levels: readonly unknown[]): void {
  let values = 0;
  for (const level of levels) {
    const doc = (level ?? {}) as { input?: unknown; train?: unknown; test?: unknown };
    const input = Array.isArray(doc.input) ? doc.input : [];
    const size = input.every((n) => Number.isSafeInteger(n) && n > 0) ? input.reduce((a, b) => a * b, 1) : 0;
    const pictures =
      (Array.isArray(doc.train) ? doc.train.length : 0) + (Array.isArray(doc.test) ? doc.test.length : 0);
    values += size * pictures;
  }
  if (values > MAX.packPixelValues) {
    throw new SpecError(
      'levels',
      `hold ${values} pixel values together, more than the ${MAX.packPixelValues} a pack may hold`,
    );
  }
}

function checkHeader(value: unknown): Record<string, unknown> {
  const { doc } = checkVersionedHeader(value, PACK_KIND, PACK_VERSION, {
    document: `a ${PACK_KIND} document`,
    made: 'this pack was',
    it: 'it',
  });
  for (const key of Object.keys(doc)) {
    if (!PACK_FIELDS.has(key)) throw new SpecError(key, `is not a field of a pack`);
  }
  return doc;
}

/** Parses an untrusted `convblocks/pack` document, or throws a SpecError naming the field and value. */
export function parsePack(value: unknown): LevelPack {
  try {
    // A level sits two steps down (levels, then its place): it may nest as deep as a level file.
    checkStructure(value, [], -2);
    const doc = checkHeader(value);
    const title = readName(doc.title, 'title');
    const author = doc.author === undefined ? undefined : readName(doc.author, 'author');
    const list = doc.levels;
    if (!Array.isArray(list) || list.length < 1 || list.length > MAX.packLevels) {
      throw new SpecError(
        'levels',
        `expected a list of 1 to ${MAX.packLevels} levels but got ${describeValue(list)}`,
      );
    }
    checkPackWork(list);
    const levels = list.map((level, i) => {
      try {
        return parseLevel(level);
      } catch (error) {
        throw error instanceof SpecError ? withinLevel(error, i) : error;
      }
    });
    levels.forEach((level, i) => {
      const first = levels.findIndex((other) => other.id === level.id);
      if (first !== i) {
        throw new SpecError(
          `levels[${i}].id`,
          `${describeValue(level.id)} is the id of levels[${first}] too`,
        );
      }
    });
    const pack = { title, ...(author !== undefined && { author }), levels };
    return { ...pack, id: packId(pack) };
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError('', `could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The id a pack's level is played and kept under: the pack's id and the level's place in it. */
export function packLevelId(packId: string, index: number): string {
  return `${packId}-${index + 1}`;
}
