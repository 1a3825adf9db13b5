/**
 * `convblocks check PACK.json`: a pack's levels are checked one by one, exactly as level files are.
 * Each level of a pack is listed as `PACK.json#N` (N from 1), so a failure names the pack and the
 * level's place in it.
 */
import { type LevelSpec, PACK_KIND, parseLevel, parsePack } from '../spec';
import { FileError, readDocument } from './files';

/** The levels of the packs listed so far, by the name `packLevelPaths` gave each. */
const packLevels = new Map<string, LevelSpec>();

/** A document's kind, or undefined for anything that is not an object with one. */
function kindOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
}

/**
 * The paths to check with each pack replaced by its levels. A pack that does not read stays as it
 * is: `readLevelToCheck` then says what is wrong with it, naming the field.
 */
export function packLevelPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let pack: ReturnType<typeof parsePack> | undefined;
    try {
      pack = readDocument(path, (value) => (kindOf(value) === PACK_KIND ? parsePack(value) : undefined));
    } catch (error) {
      if (!(error instanceof FileError)) throw error;
    }
    if (!pack) return [path];
    return pack.levels.map((level, i) => {
      const name = `${path}#${i + 1}`;
      packLevels.set(name, level);
      return name;
    });
  });
}

/** The level to check under `path`: a level of a pack listed before, or a level file. */
export function readLevelToCheck(path: string): LevelSpec {
  const inPack = packLevels.get(path);
  if (inPack) return inPack;
  return readDocument(
    path,
    (value) => (kindOf(value) === PACK_KIND ? parsePack(value).levels[0] : parseLevel(value)) as LevelSpec,
  );
}
