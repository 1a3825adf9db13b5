/**
 * The built-in levels: `levels/index.json` gives the path's order; each level file is its own chunk,
 * loaded when asked for and parsed like any other level document.
 */
import indexDocument from '../../levels/index.json';
import { type LevelSpec, parseLevel, SpecError } from '../spec';

const files = import.meta.glob<unknown>(['../../levels/*.json', '!../../levels/index.json'], {
  import: 'default',
});

function fileOf(id: string): (() => Promise<unknown>) | undefined {
  return files[`../../levels/${id}.json`];
}

/** The ids of the built-in levels, in the order of the path. */
export const BUILT_IN_ORDER: readonly string[] = indexDocument.levels;

const cache = new Map<string, Promise<LevelSpec>>();

/** Whether `id` names a built-in level. */
export function isBuiltInLevel(id: string): boolean {
  return BUILT_IN_ORDER.includes(id) && fileOf(id) !== undefined;
}

/** Loads and parses one built-in level. */
export function loadBuiltInLevel(id: string): Promise<LevelSpec> {
  const load = fileOf(id);
  if (!isBuiltInLevel(id) || !load)
    return Promise.reject(new SpecError('level', `there is no level "${id}"`));
  let level = cache.get(id);
  if (!level) {
    level = load().then(parseLevel);
    cache.set(id, level);
  }
  return level;
}

/** Every built-in level, in path order. */
export function loadAllBuiltInLevels(): Promise<LevelSpec[]> {
  return Promise.all(BUILT_IN_ORDER.map(loadBuiltInLevel));
}
