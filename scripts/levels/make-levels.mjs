#!/usr/bin/env node
/**
 * Writes the built-in levels (levels/*.json and levels/index.json) from the level modules in
 * scripts/levels/levels. `--check` writes nothing and exits 1 when the committed files differ from
 * what would be written; `--out DIR` uses another folder than levels/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatJson } from './format-json.mjs';
import { buildLevels } from './levels/index.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Every file the levels folder should hold, by file name. */
function expectedFiles() {
  const levels = buildLevels();
  const files = new Map(levels.map((level) => [`${level.id}.json`, formatJson(level)]));
  files.set(
    'index.json',
    formatJson({ kind: 'convblocks/level-index', version: 1, levels: levels.map((l) => l.id) }),
  );
  return files;
}

const folder = resolve(root, option('--out') ?? 'levels');
const files = expectedFiles();

if (process.argv.includes('--check')) {
  const problems = [];
  for (const [name, text] of files) {
    const path = join(folder, name);
    if (!existsSync(path)) problems.push(`${name} is missing`);
    else if (readFileSync(path, 'utf8') !== text)
      problems.push(`${name} differs from what the generator writes`);
  }
  const extra = existsSync(folder)
    ? readdirSync(folder).filter((name) => name.endsWith('.json') && !files.has(name))
    : [];
  for (const name of extra) problems.push(`${name} is not made by the generator`);
  if (problems.length > 0) {
    console.error(
      `levels are out of date (run node scripts/levels/make-levels.mjs):\n  ${problems.join('\n  ')}`,
    );
    process.exit(1);
  }
  console.log(`${files.size} level files are up to date`);
} else {
  mkdirSync(folder, { recursive: true });
  // A level that was renamed or dropped must not linger as a stale file.
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.json') && !files.has(name)) rmSync(join(folder, name));
  }
  for (const [name, text] of files) writeFileSync(join(folder, name), text);
  console.log(`wrote ${files.size} files to ${folder}`);
}
