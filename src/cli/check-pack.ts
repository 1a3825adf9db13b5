/**
 * `convblocks check PACK.json`: a pack's levels are checked one by one, exactly as level files are.
 * Each level of a pack is listed as `PACK.json#N` (N from 1), so a failure names the pack and the
 * level's place in it. The name alone finds the level again: the check's worker threads read it
 * from the name, not from this thread's memory.
 */
import { type LevelSpec, PACK_KIND, parseLevel, parsePack } from '../spec';
import { FileError, readDocument } from './files';

/** The packs read so far on this thread, by file path. */
const packs = new Map<string, ReturnType<typeof parsePack>>();

/** A document's kind, or undefined for anything that is not an object with one. */
function kindOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
}

/** The pack in the file at `path`, or undefined for a file that is not a pack (or does not read). */
function readPack(path: string): ReturnType<typeof parsePack> | undefined {
  const known = packs.get(path);
  if (known) return known;
  let pack: ReturnType<typeof parsePack> | undefined;
  try {
    pack = readDocument(path, (value) => (kindOf(value) === PACK_KIND ? parsePack(value) : undefined));
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
  }
  if (pack) packs.set(path, pack);
  return pack;
}

/**
 * The paths to check with each pack replaced by its levels. A pack that does not read stays as it
 * is: `readLevelToCheck` then says what is wrong with it, naming the field.
 */
export function packLevelPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const pack = readPack(path);
    return pack ? pack.levels.map((_, i) => `${path}#${i + 1}`) : [path];
  });
}

/** The level to check under `path`: `PACK.json#N` for a pack's Nth level, or a level file. */
export function readLevelToCheck(path: string): LevelSpec {
  const place = /^(.*)#([1-9][0-9]*)$/.exec(path);
  const pack = place?.[1] ? readPack(place[1]) : undefined;
  const level = pack?.levels[Number(place?.[2]) - 1];
  if (level) return level;
  return readDocument(
    path,
    (value) => (kindOf(value) === PACK_KIND ? parsePack(value).levels[0] : parseLevel(value)) as LevelSpec,
  );
}
