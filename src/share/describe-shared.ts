import { inferShapes } from '../spec';
import type { SharedDocument } from './shared-document';

/** Looks up a built-in or saved level's title by its id. */
export type LevelTitleLookup = (id: string) => string | undefined;

function count(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}

/**
 * The sentence shown before opening something shared, e.g. "network 'my X spotter' for X or O?:
 * 5 layers, 86 parameters, trained". With `levelTitle`, a network's level is named by its title, or
 * said to be missing from this game; without, it is named by its classes (or its level's id).
 */
export function describeShared(shared: SharedDocument, levelTitle?: LevelTitleLookup): string {
  if (shared.kind === 'pack') {
    const { pack } = shared;
    const by = pack.author ? ` by ${pack.author}` : '';
    return `pack of ${count(pack.levels.length, 'level')}: '${pack.title}'${by} (${pack.levels.map((l) => l.title).join(', ')})`;
  }
  if (shared.kind === 'level') {
    const { level } = shared;
    const [height, width, channels] = level.input;
    const colour = channels === 1 ? '' : ` with ${channels} channels`;
    return (
      `level '${level.title}': ${height}x${width} pictures${colour}, ` +
      `${count(level.classes.length, 'class', 'classes')} (${level.classes.join(', ')}), ` +
      `${level.train.length} to learn from, ${level.test.length} to test`
    );
  }
  const { network } = shared;
  const params = inferShapes(network.input, network.layers).totalParams;
  const facts = `${count(network.layers.length, 'layer')}, ${count(params, 'parameter')}, ${network.weights ? 'trained' : 'untrained'}`;
  return `network '${network.name}' for ${target(shared.network, levelTitle)}: ${facts}`;
}

function target(
  network: { readonly level?: string; readonly classes?: readonly string[] },
  levelTitle: LevelTitleLookup | undefined,
): string {
  if (network.level !== undefined && levelTitle) {
    const title = levelTitle(network.level);
    if (title !== undefined) return title;
    return `the level "${network.level}", which this game does not have`;
  }
  if (network.classes) return network.classes.join(' vs ');
  return `the level "${network.level}"`;
}
