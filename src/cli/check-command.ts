/**
 * `convblocks check LEVEL.json|levels/index.json`: validates each level and proves it on its own
 * seed and seeds 1 to 5 (see level-check.ts), a table per level, failures on stderr naming the level,
 * the network, the seed and the accuracy; exit 1 on any failure.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LevelSpec, parseLevel } from '../spec';
import { intOption, readArgs, UsageError } from './args';
import { type RunRequest, runAll } from './check-runs';
import { FileError, readDocument } from './files';
import { type CheckedNetwork, checkedNetworks, checkedSeeds, levelReport, limitProblem } from './level-check';
import { complain, say } from './output';
import { backendOption } from './paths';

/** The level files to check: each argument, or for a level index, every level it lists beside it. */
function levelPaths(args: readonly string[]): string[] {
  return args.flatMap((path) => {
    let index: { kind?: unknown; levels?: unknown } | null = null;
    try {
      index = readDocument(path, (value) => value as { kind?: unknown; levels?: unknown });
    } catch (error) {
      // Not readable as an index: the level check reports what is wrong with it.
      if (!(error instanceof FileError)) throw error;
    }
    if (index?.kind !== 'convblocks/level-index') return [path];
    if (
      !Array.isArray(index.levels) ||
      !index.levels.every((id) => typeof id === 'string' && /^[a-z0-9-]+$/.test(id))
    ) {
      throw new FileError(`${path}: levels: expected a list of level ids`);
    }
    return index.levels.map((id: string) => join(dirname(path), `${id}.json`));
  });
}

/** A level ready to be proved: its file, the networks to train and the seeds. */
interface Planned {
  readonly path: string;
  readonly level: LevelSpec;
  readonly networks: readonly CheckedNetwork[];
  readonly seeds: readonly number[];
}

/** Reads a level and checks what needs no training; a problem is a failure line. */
function plan(path: string): Planned | { failure: string } {
  let level: LevelSpec;
  try {
    level = readDocument(path, parseLevel);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { failure: error.message };
  }
  if (!level.reference)
    return { failure: `${path}: reference: is missing: a level needs a network known to win it` };
  // The game, the editor and this check judge on the hidden pictures alone.
  if (level.test.length === 0)
    return { failure: `${path}: test: is empty: a level is won on its hidden test pictures` };
  const networks = checkedNetworks(level);
  for (const network of networks) {
    if (network.role === 'trap') continue;
    const problem = limitProblem(level, network.layers);
    if (problem) return { failure: `${level.id}: ${network.name} breaks the level's limits: ${problem}` };
  }
  return { path, level, networks, seeds: checkedSeeds(level) };
}

/** Runs the check command; returns the exit code. */
export async function checkCommand(argv: readonly string[]): Promise<number> {
  const { positionals, options } = readArgs(argv, { values: ['backend', 'jobs'], flags: [] });
  if (positionals.length === 0) throw new UsageError('check needs at least one LEVEL.json');
  const choice = backendOption(options);
  const jobs = intOption(options, 'jobs', 1, 64) ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const started = performance.now();
  const paths = levelPaths(positionals);
  const planned = paths.map(plan);
  const requests: RunRequest[] = [];
  for (const entry of planned) {
    if ('failure' in entry) continue;
    entry.networks.forEach((_, network) => {
      for (const seed of entry.seeds) requests.push({ path: entry.path, network, seed, choice });
    });
  }
  const runs = await runAll(requests, jobs, fileURLToPath(import.meta.url));
  let failed = 0;
  let at = 0;
  for (const entry of planned) {
    if ('failure' in entry) {
      complain(`FAIL ${entry.failure}`);
      failed++;
      continue;
    }
    const own = entry.networks.map(() => {
      const seedRuns = runs.slice(at, at + entry.seeds.length);
      at += entry.seeds.length;
      return seedRuns;
    });
    const report = levelReport(entry.level, entry.networks, own);
    for (const line of report.lines) say(line);
    for (const failure of report.failures) complain(`FAIL ${failure}`);
    if (report.failures.length) complain(`FAIL ${entry.level.id}`);
    else say(`ok   ${entry.level.id}`);
    say('');
    if (report.failures.length) failed++;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  (failed ? complain : say)(
    `${paths.length - failed} passed, ${failed} failed (${requests.length} training runs, ${jobs} at a time, ${seconds} s)`,
  );
  return failed ? 1 : 0;
}
