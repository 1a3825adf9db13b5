/** Runs the real command line as a person does: a child process, its exit code and both streams. */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one run of `convblocks` did. */
export interface Run {
  /** The exit code, or null when the process was killed (it hung past the safety limit). */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node bin/convblocks.mjs ...args`. The limit only stops a hung run from stalling the suite
 * (a hang then shows as `code: null`); no test depends on how long a run takes.
 */
export function convblocks(...args: string[]): Run {
  return finished(spawnSync(process.execPath, ['bin/convblocks.mjs', ...args], OPTIONS));
}

/**
 * Runs `convblocks` with its address space capped at `megabytes`, for inputs that once made it
 * grow without end (`/dev/zero`): a regression then fails the test instead of eating the machine.
 */
export function convblocksCapped(megabytes: number, ...args: string[]): Run {
  const script = `ulimit -v ${megabytes * 1024} && exec "$0" bin/convblocks.mjs "$@"`;
  return finished(spawnSync('/bin/sh', ['-c', script, process.execPath, ...args], OPTIONS));
}

const OPTIONS = { encoding: 'utf8', timeout: 60_000 } as const;

function finished(result: SpawnSyncReturns<string>): Run {
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder and a writer of files into it (JSON unless given text or bytes). */
export function scratchFolder(prefix: string): {
  folder: string;
  file: (name: string, value: unknown) => string;
} {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const file = (name: string, value: unknown) => {
    const path = join(folder, name);
    const data = typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value);
    writeFileSync(path, data);
    return path;
  };
  return { folder, file };
}

/** The slash level the command-line tests train, check and export, with changes. */
export const slashLevel = (changes: Record<string, unknown> = {}) => ({
  kind: 'convblocks/level',
  version: 1,
  id: 'slash-2x2',
  title: 'Slash',
  input: [2, 2, 1],
  classes: ['\\', '/'],
  train: [
    { label: '\\', picture: ['#.', '.#'] },
    { label: '/', picture: ['.#', '#.'] },
  ],
  test: [
    { label: '\\', picture: ['##', '.#'] },
    { label: '/', picture: ['..', '#.'] },
  ],
  reference: { layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }], training: { learningRate: 0.1 } },
  ...changes,
});

/** A network for the slash level: its pictures flattened into two votes, with changes. */
export const slashNetwork = (changes: Record<string, unknown> = {}) => ({
  kind: 'convblocks/network',
  version: 1,
  name: 'four votes',
  input: [2, 2, 1],
  layers: [{ type: 'flatten' }, { type: 'dense', units: 2 }],
  training: { learningRate: 0.1 },
  ...changes,
});
