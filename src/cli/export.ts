/** `convblocks export`: a network as a TensorFlow.js layers model, a Keras script or a PyTorch script. */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_TARGETS, type ExportTarget, exportFiles } from '../engine/export/export-files';
import { type LevelSpec, type NetworkSpec, parseLevel, parseNetwork } from '../spec';
import { readArgs, UsageError } from './args';
import { FileError, readDocument, writeText } from './files';
import { say } from './output';

/** The usage lines of the command. */
export const EXPORT_USAGE = `  export NETWORK.json [--level LEVEL.json] --to tfjs|keras|pytorch --out DIR
      write a TensorFlow.js layers model (model.json, weights.bin) or a runnable Keras or PyTorch
      script holding the level's hidden test pictures (the level named by the network when it is
      a built-in one); the scripts print accuracy and probabilities, --json one JSON line`;

/** Makes `dir` when it is missing (its parent must exist); refuses a path that is not a folder. */
function outputFolder(dir: string): void {
  try {
    if (!statSync(dir).isDirectory()) throw new FileError(`${dir}: cannot be written: it is not a folder`);
    return;
  } catch (error) {
    if (error instanceof FileError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new FileError(`${dir}: cannot be written (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    const why = code === 'ENOENT' ? 'its parent folder does not exist' : `(${code})`;
    throw new FileError(`${dir}: cannot be made: ${why}`);
  }
}

/** The level given with --level, or the built-in one the network names; checked against the network. */
function levelFor(
  network: NetworkSpec,
  networkPath: string,
  levelPath: string | undefined,
  builtInLevel: (id: string) => LevelSpec | undefined,
): LevelSpec | undefined {
  const level = levelPath
    ? readDocument(levelPath, parseLevel)
    : network.level
      ? builtInLevel(network.level)
      : undefined;
  if (!level) return undefined;
  if (network.input.join('x') !== level.input.join('x')) {
    throw new FileError(
      `${networkPath}: input: the network takes ${network.input.join('x')} pictures but the level has ${level.input.join('x')}`,
    );
  }
  const classes = network.classes ?? level.classes;
  if (classes.join('\n') !== level.classes.join('\n'))
    throw new FileError(`${networkPath}: classes: expected the level's classes ${level.classes.join(', ')}`);
  return level;
}

/** Runs `export`; `builtInLevel` finds a built-in level by id. */
export async function exportCommand(
  argv: readonly string[],
  builtInLevel: (id: string) => LevelSpec | undefined,
): Promise<number> {
  const { positionals, options } = readArgs(argv, { values: ['level', 'to', 'out', 'backend'], flags: [] });
  const [networkPath] = positionals;
  if (!networkPath || positionals.length > 1) throw new UsageError('export needs NETWORK.json');
  const to = options.get('to');
  if (!EXPORT_TARGETS.includes(to as ExportTarget))
    throw new UsageError(`--to expects tfjs, keras or pytorch but got ${String(to ?? 'nothing')}`);
  const out = options.get('out');
  if (typeof out !== 'string') throw new UsageError('export needs --out DIR');
  const levelPath = options.get('level');
  const network = readDocument(networkPath, parseNetwork);
  const level = levelFor(
    network,
    networkPath,
    typeof levelPath === 'string' ? levelPath : undefined,
    builtInLevel,
  );
  if (to !== 'tfjs' && !level) {
    throw new UsageError(
      `a ${to} script holds the level's pictures: give --level LEVEL.json (the network names no built-in level)`,
    );
  }
  outputFolder(out);
  const files = await exportFiles(network, to as ExportTarget, level);
  for (const file of files) {
    const path = join(out, file.name);
    writeText(path, file.contents);
    say(`wrote ${path}`);
  }
  if (!network.weights) {
    say(
      to === 'tfjs'
        ? 'the network has no weights: the model holds its seeded starting weights'
        : 'the network has no weights: the script trains from its seeded starting weights first',
    );
  }
  return 0;
}
