import {
  type LevelPack,
  type LevelSpec,
  levelToDocument,
  type NetworkSpec,
  networkToDocument,
  type PackResults,
  packToDocument,
  resultsToDocument,
} from '../spec';

/** A file to save: its suggested name and its text. */
export interface SharedFile {
  readonly filename: string;
  readonly text: string;
}

const MAX_STEM = 60;

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED_STEMS = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * A file name stem made of safe characters only (a-z, 0-9, -): accents are dropped, anything else
 * becomes a dash, so the name works on every system and cannot climb out of a folder.
 * `fallback` is used when nothing safe is left (a name in another script, say).
 */
export function safeFileStem(name: string, fallback: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_STEM)
    .replace(/^-+|-+$/g, '');
  if (!stem) return fallback;
  return RESERVED_STEMS.test(stem) ? `${stem}-${fallback}` : stem;
}

function toText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A network's JSON file, with every weight at full precision, named after the network. */
export function networkToFile(network: NetworkSpec): SharedFile {
  return {
    filename: `${safeFileStem(network.name, 'network')}.network.json`,
    text: toText(networkToDocument(network)),
  };
}

/** A level's JSON file, named after the level's id. */
export function levelToFile(level: LevelSpec): SharedFile {
  return { filename: `${safeFileStem(level.id, 'level')}.level.json`, text: toText(levelToDocument(level)) };
}

/** A pack's JSON file, named after its title. */
export function packToFile(pack: LevelPack): SharedFile {
  return { filename: `${safeFileStem(pack.title, 'pack')}.pack.json`, text: toText(packToDocument(pack)) };
}

/** A student's results file, named after the pack and the student. */
export function resultsToFile(results: PackResults): SharedFile {
  const stem = safeFileStem(`${results.pack.title} ${results.student}`, 'results');
  return { filename: `${stem}.results.json`, text: toText(resultsToDocument(results)) };
}
