/** Builders for the parts of a `convblocks/level` version-3 document, so each level reads as data. */
import { gridKey, toRows } from './grid.mjs';

/** A conv block: `filters` filters of `size` x `size`. */
export const conv = (filters, size, stride = 1, padding = 'valid') => ({
  type: 'conv',
  filters,
  size,
  stride,
  padding,
});
/** A ReLU block. */
export const relu = () => ({ type: 'relu' });
/** A max-pooling block. */
export const pool = (size, stride = size, padding = 'valid') => ({
  type: 'pool',
  op: 'max',
  size,
  stride,
  padding,
});
/** A Flatten block. */
export const flatten = () => ({ type: 'flatten' });
/** A Dense block with `units` outputs. */
export const dense = (units) => ({ type: 'dense', units });

/** Adam training settings; a batch as big as the training set makes every step see every picture. */
export const adam = (learningRate, batchSize = 32) => ({
  optimizer: 'adam',
  learningRate,
  batchSize,
  seed: 1,
});

/** One labelled picture drawn as ink on a grid, written as `#`/`.` rows. */
export const inkExample = (label, grid) => ({ label, picture: toRows(grid) });

/** One labelled picture given as rows of numbers (grey levels or per-channel colours). */
export const numberExample = (label, rows) => ({ label, picture: rows });

/** Drops later copies of the same picture, keeping the first (pictures compared by their rows). */
export function distinct(examples) {
  const seen = new Set();
  return examples.filter((example) => {
    const key = JSON.stringify(example.picture);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Ink examples from `[label, grid]` pairs, leaving out repeats and any picture in `exclude`. */
export function inkExamples(pairs, exclude = []) {
  const excluded = new Set(exclude.map((example) => JSON.stringify(example.picture)));
  return distinct(
    pairs.filter(([, grid]) => grid !== null).map(([label, grid]) => inkExample(label, grid)),
  ).filter((example) => !excluded.has(JSON.stringify(example.picture)));
}

/** The key used to compare ink pictures, re-exported for the level modules. */
export { gridKey };

/**
 * A whole level document with its fields in the documented order. Throws when a test picture also
 * appears among the training pictures, since the test must be pictures the network never saw.
 */
export function levelDocument(fields) {
  const trainKeys = new Set(fields.train.map((example) => JSON.stringify(example.picture)));
  for (const example of fields.test) {
    if (trainKeys.has(JSON.stringify(example.picture))) {
      throw new Error(
        `level ${fields.id}: a test picture is also a training picture: ${JSON.stringify(example)}`,
      );
    }
  }
  return {
    kind: 'convblocks/level',
    version: 3,
    id: fields.id,
    title: fields.title,
    concept: fields.concept,
    intro: fields.intro,
    input: fields.input,
    blank: fields.blank,
    classes: fields.classes,
    train: fields.train,
    test: fields.test,
    goal: { testAccuracy: fields.goal },
    limits: fields.limits,
    stars: fields.stars,
    traps: fields.traps ?? [],
    hints: fields.hints,
    ...(fields.starter && { starter: fields.starter }),
    ...(fields.training && { training: fields.training }),
    reference: fields.reference,
  };
}
