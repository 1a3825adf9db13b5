/** Reads the built-in level files (levels/*.json and levels/index.json) for the level tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder holding the built-in levels. */
export const LEVELS_DIR = resolve(import.meta.dirname, '..', '..', 'levels');

/** The parts of a raw level document the tests look at before parsing. */
export interface RawLevel {
  readonly id: string;
  readonly input: readonly [number, number, number];
  readonly train: readonly { label: string; picture: readonly unknown[] }[];
  readonly test: readonly { label: string; picture: readonly unknown[] }[];
}

/** Parsed JSON of one file in the levels folder. */
export function readLevelFile(name: string): unknown {
  return JSON.parse(readFileSync(join(LEVELS_DIR, name), 'utf8'));
}

/** The level files (every .json but the index), sorted by name. */
export function levelFileNames(): string[] {
  return readdirSync(LEVELS_DIR)
    .filter((name) => name.endsWith('.json') && name !== 'index.json')
    .sort();
}

/** The ordered level ids of levels/index.json. */
export function indexIds(): string[] {
  const index = readLevelFile('index.json') as { levels: string[] };
  return index.levels;
}
