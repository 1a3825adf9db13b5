import type { Example, LevelSpec, NetworkSpec } from './types';

/** A picture's rows as a level document writes them: `#`/`.` where they say it all, numbers otherwise. */
export function pictureRows(
  pixels: readonly number[],
  input: readonly [number, number, number],
  blank: number,
): string[] | number[][] | number[][][] {
  const [height, width, channels] = input;
  const row = (y: number) => pixels.slice(y * width * channels, (y + 1) * width * channels);
  const rows = Array.from({ length: height }, (_, y) => row(y));
  if (channels === 1) {
    if (pixels.every((v) => v === 1 || v === blank))
      return rows.map((r) => r.map((v) => (v === 1 ? '#' : '.')).join(''));
    return rows;
  }
  return rows.map((r) => Array.from({ length: width }, (_, x) => r.slice(x * channels, (x + 1) * channels)));
}

/** The JSON document of a network, with every field written out. */
export function networkToDocument(network: NetworkSpec): Record<string, unknown> {
  return {
    kind: network.kind,
    version: network.version,
    name: network.name,
    ...(network.level !== undefined && { level: network.level }),
    input: network.input,
    ...(network.classes !== undefined && { classes: network.classes }),
    layers: network.layers,
    training: network.training,
    ...(network.weights !== undefined && { weights: network.weights }),
  };
}

function examplesToDocument(level: LevelSpec, examples: readonly Example[]) {
  return examples.map((e) => ({ label: e.label, picture: pictureRows(e.pixels, level.input, level.blank) }));
}

/** The JSON document of a level, pictures written back as rows. */
export function levelToDocument(level: LevelSpec): Record<string, unknown> {
  return {
    kind: level.kind,
    version: level.version,
    id: level.id,
    title: level.title,
    concept: level.concept,
    intro: level.intro,
    input: level.input,
    blank: level.blank,
    classes: level.classes,
    train: examplesToDocument(level, level.train),
    test: examplesToDocument(level, level.test),
    goal: level.goal,
    limits: level.limits,
    stars: level.stars,
    traps: level.traps,
    hints: level.hints,
    ...(level.starter !== undefined && { starter: level.starter }),
    ...(level.training !== undefined && { training: level.training }),
    ...(level.reference !== undefined && { reference: level.reference }),
  };
}
