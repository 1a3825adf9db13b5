/** Parsing of level documents (versions 1 to 3) and pictures; the shared checks live in parse.ts. */
import type { z } from 'zod';
import { describeValue, SpecError } from './errors';
import { MAX } from './limits';
import {
  checkClassNames,
  checkHeader,
  checkLayers,
  checkStepWork,
  checkStructure,
  guarded,
  parseNetwork,
  schemaParse,
} from './parse';
import { levelSchema, levelSchemaV1, levelSchemaV2, type PictureRows, pictureRowsSchema } from './schemas';
import { inferShapes } from './shapes';
import { MAX_MAGNITUDE } from './showable';
import type { Example, LevelNetwork, LevelSpec, NetworkSpec } from './types';

/**
 * Refuses a level whose pictures hold more pixel values than any level needs, before one picture
 * is expanded: the count comes from the lists' lengths and the input shape alone.
 */
function checkPixelValues(input: readonly [number, number, number], pictures: number): void {
  const [height, width, channels] = input;
  const values = pictures * height * width * channels;
  if (values > MAX.pixelValues) {
    throw new SpecError(
      'train',
      `${pictures} pictures of ${height}x${width}x${channels} are ${values} pixel values, more than the ${MAX.pixelValues} a level may hold`,
    );
  }
}

/**
 * The same cap, before the schema reads a single picture: checking thousands of pictures' rows takes
 * seconds, so a document far over the cap is refused from its input shape and list lengths alone.
 * Anything malformed here is left to the schema, which names it.
 */
function checkPixelValuesEarly(value: unknown): void {
  const doc = value as { input?: unknown; train?: unknown; test?: unknown };
  const input = doc.input;
  const sizes =
    Array.isArray(input) &&
    input.length === 3 &&
    input.every((n, i) => Number.isSafeInteger(n) && n > 0 && n <= (i < 2 ? MAX.pictureSide : MAX.channels));
  if (!sizes || !Array.isArray(doc.train)) return;
  const tests = Array.isArray(doc.test) ? doc.test.length : 0;
  checkPixelValues(input as [number, number, number], doc.train.length + tests);
}

/**
 * Turns one picture's rows into NHWC numbers: `#`/`.` characters (ink 1, blank as the level says),
 * rows of numbers (one channel), or rows of per-channel number lists.
 */
export function picturePixels(
  rows: PictureRows,
  input: readonly [number, number, number],
  blank: number,
  field: string,
): number[] {
  const [height, width, channels] = input;
  if (rows.length !== height) throw new SpecError(field, `expected ${height} rows but got ${rows.length}`);
  const pixels: number[] = [];
  rows.forEach((row, y) => {
    const rowField = `${field}[${y}]`;
    if (row.length !== width) throw new SpecError(rowField, `expected ${width} pixels but got ${row.length}`);
    for (let x = 0; x < width; x++) {
      const cell = typeof row === 'string' ? row[x] : row[x];
      if (typeof cell === 'string') {
        for (let c = 0; c < channels; c++) pixels.push(cell === '#' ? 1 : blank);
      } else if (typeof cell === 'number') {
        if (channels !== 1) {
          throw new SpecError(`${rowField}[${x}]`, `expected ${channels} channel values but got one number`);
        }
        pixels.push(cell);
      } else if (Array.isArray(cell)) {
        if (cell.length !== channels) {
          throw new SpecError(
            `${rowField}[${x}]`,
            `expected ${channels} channel values but got ${cell.length}`,
          );
        }
        pixels.push(...cell);
      }
    }
  });
  pixels.forEach((v, i) => {
    if (Math.abs(v) > MAX_MAGNITUDE)
      throw new SpecError(field, `pixel ${i} is ${v}, far outside any picture's range`);
  });
  return pixels;
}

/**
 * The version-3 value of a level document of any version this reader knows: version 1 gains no traps
 * and no proofs, and neither version 1 nor 2 caps the filter size.
 */
function currentLevelDocument(value: unknown): z.output<typeof levelSchema> {
  const version = (value as { version?: unknown }).version;
  if (version === 1) return { ...schemaParse(levelSchemaV1, value), version: 3, traps: [] };
  if (version === 2) return { ...schemaParse(levelSchemaV2, value), version: 3 };
  return schemaParse(levelSchema, value);
}

/** Refuses a level's own network (reference, proof, trap) that could not run on its pictures. */
function checkLevelNetwork(
  field: string,
  doc: { input: readonly [number, number, number]; classes: readonly string[] },
  network: LevelNetwork,
  batchSize: number,
  pictures: number,
): void {
  checkLayers(`${field}.layers`, doc.input, network.layers, doc.classes.length);
  checkStepWork(field, doc.input, network.layers, Math.min(batchSize, pictures));
}

/** Parses an untrusted `convblocks/level` document, or throws a SpecError naming the field and value. */
export function parseLevel(value: unknown): LevelSpec {
  return guarded(() => {
    checkStructure(value, [], 0);
    checkHeader(value, 'convblocks/level');
    checkPixelValuesEarly(value);
    const doc = currentLevelDocument(value);
    checkClassNames('classes', doc.classes);
    checkPixelValues(doc.input, doc.train.length + doc.test.length);
    const pictures = (set: 'train' | 'test'): Example[] =>
      doc[set].map((entry, i) => {
        const classIndex = doc.classes.indexOf(entry.label);
        if (classIndex < 0) {
          throw new SpecError(
            `${set}[${i}].label`,
            `expected one of the classes ${doc.classes.map((c) => JSON.stringify(c)).join(', ')} but got ${describeValue(entry.label)}`,
          );
        }
        const pixels = picturePixels(entry.picture, doc.input, doc.blank, `${set}[${i}].picture`);
        return { label: entry.label, classIndex, pixels };
      });
    const train = pictures('train');
    const test = pictures('test');
    if (doc.starter) {
      const report = inferShapes(doc.input, doc.starter);
      const failed = report.layers[report.errorAt];
      if (failed && !failed.ok) throw new SpecError(`starter[${report.errorAt}]`, failed.reason);
    }
    // A network without its own training trains with the level's, whose batch is the one to check.
    const batchOf = (network: LevelNetwork) => (network.training ?? doc.training)?.batchSize ?? 32;
    if (doc.reference)
      checkLevelNetwork('reference', doc, doc.reference, batchOf(doc.reference), train.length);
    doc.stars.forEach((star, i) => {
      if (star.proof)
        checkLevelNetwork(`stars[${i}].proof`, doc, star.proof, batchOf(star.proof), train.length);
    });
    doc.traps.forEach((trap, i) => {
      checkLevelNetwork(`traps[${i}]`, doc, trap, batchOf(trap), train.length);
    });
    const level: LevelSpec = {
      kind: doc.kind,
      version: doc.version,
      id: doc.id,
      title: doc.title,
      concept: doc.concept,
      intro: doc.intro,
      input: doc.input,
      blank: doc.blank,
      classes: doc.classes,
      train,
      test,
      goal: doc.goal,
      limits: doc.limits,
      stars: doc.stars.map(({ proof, ...rule }) => ({
        ...rule,
        ...(proof && { proof: levelNetwork(proof) }),
      })),
      traps: doc.traps.map(({ idea, ...network }) => ({ idea, ...levelNetwork(network) })),
      hints: doc.hints,
      ...(doc.starter !== undefined && { starter: doc.starter }),
      ...(doc.training !== undefined && { training: doc.training }),
      ...(doc.reference !== undefined && { reference: doc.reference }),
    };
    return level;
  });
}

/** A level's network without an absent `training` key, so it round-trips as it was written. */
function levelNetwork(network: LevelNetwork): LevelNetwork {
  return { layers: network.layers, ...(network.training !== undefined && { training: network.training }) };
}

/** Parses a document of either kind, telling them apart by `kind`. */
export function parseDocument(
  value: unknown,
): { kind: 'convblocks/network'; network: NetworkSpec } | { kind: 'convblocks/level'; level: LevelSpec } {
  const kind =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>).kind : undefined;
  if (kind === 'convblocks/level') return { kind, level: parseLevel(value) };
  if (kind === 'convblocks/network') return { kind, network: parseNetwork(value) };
  throw new SpecError(
    'kind',
    `expected "convblocks/network" or "convblocks/level" but got ${describeValue(kind)}`,
  );
}

/**
 * Parses an untrusted picture (rows of `#`/`.` characters, of numbers, or of per-channel number
 * lists) for a network whose input is `input`, into NHWC numbers.
 */
export function parsePicture(value: unknown, input: readonly [number, number, number], blank = -1): number[] {
  return guarded(() => {
    checkStructure(value, [], 0);
    return picturePixels(schemaParse(pictureRowsSchema, value), input, blank, '');
  });
}
