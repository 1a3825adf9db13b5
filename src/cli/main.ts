import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine';
import {
  formatShape,
  type LayerOutput,
  type LevelSpec,
  type NetworkSpec,
  networkToDocument,
  nonFiniteOutput,
  parseLevel,
  parseNetwork,
  parsePicture,
  SpecError,
} from '../spec';
import { intOption, readArgs, UsageError } from './args';
import { checkCommand } from './check-command';
import { serveIfCheckWorker } from './check-runs';
import { EXPORT_USAGE, exportCommand } from './export';
import { checkWritable, FileError, readDocument, writeText } from './files';
import { complain, say } from './output';
import { backendOption, startPath } from './paths';
import { endProgress, progressPrinter } from './progress';
import { trainOnLevel } from './training';

const USAGE = `usage: convblocks <command> ...

  inspect NETWORK.json IMAGE.json [--json]
      run a network that has weights on one picture and print every layer's output
  train LEVEL.json NETWORK.json [--seed N] [--max-steps N] [--out TRAINED.json]
      train a network on a level's pictures, print train and test accuracy
  check LEVEL.json... [--jobs N]
      validate levels and prove each one on its own seed and seeds 1 to 5: the reference and
      every star's proof must win (a proof earning its star), every trap must lose; prints a
      table per level (a level index checks every level it lists); --jobs: parallel runs
${EXPORT_USAGE}

options for every command: --backend auto|plain|cpu|wasm (default auto: plain arrays for
  small networks, TensorFlow.js wasm for big ones)`;

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The built-in levels, seen from the bundle in node_modules/.cache/convblocks. */
const LEVELS_FOLDER = fileURLToPath(new URL('../../../levels/', import.meta.url));

/** A built-in level by id, if there is one. */
function builtInLevel(id: string): LevelSpec | undefined {
  try {
    return readDocument(join(LEVELS_FOLDER, `${id}.json`), parseLevel);
  } catch {
    return undefined;
  }
}

/** Resolves a network's classes: its own, those of the level given, or those of the built-in level it names. */
function classesOf(network: NetworkSpec, level?: LevelSpec): readonly string[] {
  if (network.classes) return network.classes;
  const named =
    level ?? (network.level && /^[a-z0-9-]+$/.test(network.level) ? builtInLevel(network.level) : undefined);
  if (named) return named.classes;
  const last = network.layers.at(-1);
  const units = last?.type === 'dense' ? last.units : 0;
  return Array.from({ length: units }, (_, i) => `class ${i + 1}`);
}

function formatLayer(index: number, output: LayerOutput): string {
  const lines = [`${index + 1}. ${output.type} ${formatShape(output.shape)}`];
  const round = (v: number) => (Math.abs(v) < 5e-5 ? '0' : v.toFixed(4));
  if (output.shape.length === 3) {
    const [h, w, c] = output.shape;
    for (let k = 0; k < c; k++) {
      lines.push(`   channel ${k + 1}:`);
      for (let y = 0; y < h; y++) {
        const row = Array.from({ length: w }, (_, x) => round(output.values[(y * w + x) * c + k] as number));
        lines.push(`     ${row.map((v) => v.padStart(8)).join('')}`);
      }
    }
  } else {
    lines.push(`   ${Array.from(output.values, round).join(' ')}`);
  }
  return lines.join('\n');
}

async function inspect(argv: readonly string[]): Promise<number> {
  const { positionals, options } = readArgs(argv, { values: ['backend'], flags: ['json'] });
  const [networkPath, imagePath] = positionals;
  if (!networkPath || !imagePath || positionals.length > 2)
    throw new UsageError('inspect needs NETWORK.json IMAGE.json');
  const choice = backendOption(options);
  const network = readDocument(networkPath, parseNetwork);
  if (!network.weights)
    throw new FileError(`${networkPath}: weights: are missing: inspect needs a trained network`);
  const pixels = readDocument(imagePath, (value) => parsePicture(value, network.input));
  const classes = classesOf(network);
  const engine = createEngine(await startPath(choice, network, 1), network, []);
  const outputs = await engine.activations(pixels);
  const probabilities = Array.from(await engine.predict(pixels));
  engine.dispose();
  // Weights within the limits can still overflow float32 after a few layers: say where, not "NaN%".
  const overflow = nonFiniteOutput([...outputs, { values: probabilities }]);
  if (overflow) {
    const { layerIndex, value } = overflow;
    const where =
      layerIndex < outputs.length
        ? `layers[${layerIndex}]: the ${outputs[layerIndex]?.type} layer gives ${value} for this picture`
        : `the votes come out as ${value} for this picture`;
    throw new FileError(`${networkPath}: ${where}: its weights are too large to compute with`);
  }
  if (options.has('json')) {
    const layers = outputs.map((o) => ({ type: o.type, shape: o.shape, values: Array.from(o.values) }));
    say(JSON.stringify({ layers, probabilities }));
    return 0;
  }
  for (const line of outputs.flatMap((o, i) => formatLayer(i, o).split('\n'))) say(line);
  const votes = classes.map((name, i) => `${name}: ${percent(probabilities[i] ?? 0)}`);
  say(`votes: ${votes.join(', ')}`);
  return 0;
}

async function train(argv: readonly string[]): Promise<number> {
  const { positionals, options } = readArgs(argv, {
    values: ['seed', 'max-steps', 'out', 'backend'],
    flags: [],
  });
  const [levelPath, networkPath] = positionals;
  if (!levelPath || !networkPath || positionals.length > 2)
    throw new UsageError('train needs LEVEL.json NETWORK.json');
  const seed = intOption(options, 'seed', 0, 2 ** 31 - 1);
  const maxSteps = intOption(options, 'max-steps', 1, 1_000_000);
  const out = options.get('out');
  if (typeof out === 'string') checkWritable(out);
  const choice = backendOption(options);
  const level = readDocument(levelPath, parseLevel);
  const network = readDocument(networkPath, parseNetwork);
  if (network.input.join('x') !== level.input.join('x')) {
    throw new FileError(
      `${networkPath}: input: the network takes ${network.input.join('x')} pictures but the level has ${level.input.join('x')}`,
    );
  }
  const classes = classesOf(network, level);
  if (classes.join('\n') !== level.classes.join('\n')) {
    throw new FileError(`${networkPath}: classes: expected the level's classes ${level.classes.join(', ')}`);
  }
  const training = { ...network.training, ...(seed !== undefined && { seed }) };
  // Training starts from fresh weights drawn from the seed, even for a network that has some.
  const { weights: _weights, ...untrained } = network;
  const outcome = await trainOnLevel(
    level,
    { ...untrained, training },
    {
      path: await startPath(choice, network, level.train.length),
      ...(maxSteps !== undefined && { maxSteps }),
      onProgress: progressPrinter(process.stderr, level.id),
    },
  );
  endProgress(process.stderr);
  say(
    `${level.id}: ${outcome.steps} steps in ${outcome.millis.toFixed(0)} ms, train ${percent(outcome.trainAccuracy)}, test ${percent(outcome.testAccuracy)} (goal ${percent(level.goal.testAccuracy)})`,
  );
  const unwritten = typeof out === 'string' ? ` (${out} was not written)` : '';
  if (outcome.diverged)
    throw new FileError(`${level.id}: the loss blew up: try a smaller learning rate${unwritten}`);
  if (typeof out === 'string') {
    const trained: NetworkSpec = { ...network, training, weights: outcome.weights };
    const document = networkToDocument(trained);
    try {
      // Training can push weights past what a network file may hold: never write a file nobody can open.
      parseNetwork(document);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      throw new FileError(`${level.id}: the trained network cannot be saved: ${error.message}${unwritten}`);
    }
    writeText(out, `${JSON.stringify(document, null, 2)}\n`);
    say(`wrote ${out}`);
  }
  return 0;
}

/** Runs the command line; returns the exit code. Expected problems print one line, never a stack. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'inspect':
        return await inspect(rest);
      case 'train':
        return await train(rest);
      case 'check':
        return await checkCommand(rest);
      case 'export':
        return await exportCommand(rest, builtInLevel);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      complain(`convblocks: ${error.message}`);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (error instanceof FileError || error instanceof SpecError) {
      complain(`convblocks: ${error.message}`);
      return 1;
    }
    const detail = error instanceof Error ? error.message : String(error);
    complain(`convblocks: unexpected failure: ${detail}`);
    return 1;
  }
}

// A worker thread of `convblocks check` loads this bundle too: there it serves training runs.
serveIfCheckWorker();
