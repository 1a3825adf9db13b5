import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEVELS_DIR } from './built-in-levels';

const SCRIPT = resolve(import.meta.dirname, '..', '..', 'scripts', 'levels', 'make-levels.mjs');
const folders: string[] = [];

function runGenerator(...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
}

/** Writes the levels into a fresh temporary folder and returns it. */
function generateInto(): string {
  const folder = mkdtempSync(join(tmpdir(), 'convblocks-levels-'));
  folders.push(folder);
  execFileSync(process.execPath, [SCRIPT, '--out', folder]);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('make-levels.mjs', () => {
  it('finds the committed levels up to date', () => {
    const result = runGenerator('--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('writes exactly the committed files', () => {
    const folder = generateInto();
    const committed = readdirSync(LEVELS_DIR).sort();
    expect(readdirSync(folder).sort()).toEqual(committed);
    for (const name of committed) {
      expect(readFileSync(join(folder, name), 'utf8')).toBe(readFileSync(join(LEVELS_DIR, name), 'utf8'));
    }
  });

  it('writes the same bytes on every run', () => {
    const [first, second] = [generateInto(), generateInto()];
    for (const name of readdirSync(first)) {
      expect(readFileSync(join(second, name), 'utf8')).toBe(readFileSync(join(first, name), 'utf8'));
    }
  });

  it('fails --check and names the file when a level was edited by hand', () => {
    const folder = generateInto();
    const path = join(folder, 'slash-2x2.json');
    writeFileSync(path, readFileSync(path, 'utf8').replace('"goal"', '"goal" '));
    const result = runGenerator('--check', '--out', folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('slash-2x2.json differs');
  });

  it('fails --check when a level file is missing', () => {
    const folder = generateInto();
    rmSync(join(folder, 'x-vs-o.json'));
    const result = runGenerator('--check', '--out', folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('x-vs-o.json is missing');
  });

  it('fails --check when the folder holds a level it does not make', () => {
    const folder = generateInto();
    writeFileSync(join(folder, 'stray.json'), '{}\n');
    const result = runGenerator('--check', '--out', folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('stray.json is not made by the generator');
  });

  it('removes a stale level file when it rewrites the folder', () => {
    const folder = generateInto();
    writeFileSync(join(folder, 'stray.json'), '{}\n');
    execFileSync(process.execPath, [SCRIPT, '--out', folder]);
    expect(readdirSync(folder)).not.toContain('stray.json');
  });
});
