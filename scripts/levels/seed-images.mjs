/** The course's pictures (tests/fixtures/seed-images.json) as ink grids. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRows } from './grid.mjs';

const path = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'tests',
  'fixtures',
  'seed-images.json',
);
const images = JSON.parse(readFileSync(path, 'utf8'));

/** One of the course's pictures by name (`x`, `x-deformed`, `o`, `happy-face`, `backslash`, `slash`). */
export function seedImage(name) {
  const rows = images[name];
  if (!Array.isArray(rows)) throw new Error(`seed-images.json has no picture named ${name}`);
  return fromRows(rows);
}
