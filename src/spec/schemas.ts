import { z } from 'zod';
import { MAX } from './limits';
import { MAX_MAGNITUDE, unshowableCharacter } from './showable';
import { DEFAULT_TRAINING, LAYER_TYPES } from './types';

/** Zod schemas of the documents (network version 1, level versions 1 to 3): the structure and ranges; cross-field rules live in parse.ts. */

const int = (min: number, max: number) => z.int().min(min).max(max);
/** Refuses text holding a character that cannot be shown as it is, naming the code point. */
const showable = (where: 'name' | 'paragraph') => (value: string, ctx: z.RefinementCtx) => {
  const problem = unshowableCharacter(value, where);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
};
const name = z.string().trim().min(1).max(MAX.nameLength).superRefine(showable('name'));
const text = z.string().max(MAX.textLength).superRefine(showable('paragraph'));
const padding = z.enum(['valid', 'same']);

const conv = z.strictObject({
  type: z.literal('conv'),
  filters: int(1, MAX.filters),
  size: int(1, MAX.windowSize),
  stride: int(1, MAX.stride).default(1),
  padding: padding.default('valid'),
  // Optional, so networks without it are written exactly as before this field existed.
  products: z.enum(['sum', 'mean']).optional(),
});

const pool = z
  .strictObject({
    type: z.literal('pool'),
    op: z.enum(['max', 'avg']).default('max'),
    size: int(1, MAX.windowSize),
    stride: int(1, MAX.stride).optional(),
    padding: padding.default('valid'),
  })
  // A pool's stride defaults to its window, so windows do not overlap.
  .transform((layer) => ({ ...layer, stride: layer.stride ?? layer.size }));

/** One layer of a network. */
export const layerSchema = z.discriminatedUnion('type', [
  conv,
  z.strictObject({ type: z.literal('relu') }),
  z.strictObject({ type: z.literal('activation'), fn: z.enum(['sigmoid', 'tanh', 'leaky_relu', 'elu']) }),
  pool,
  z.strictObject({ type: z.literal('flatten') }),
  z.strictObject({ type: z.literal('dense'), units: int(1, MAX.units) }),
]);

/** Training settings, each with the format's default. */
export const trainingSchema = z
  .strictObject({
    optimizer: z.enum(['adam', 'sgd']).default(DEFAULT_TRAINING.optimizer),
    learningRate: z.number().gt(0).max(MAX.learningRate).default(DEFAULT_TRAINING.learningRate),
    momentum: z.number().min(0).lt(1).default(DEFAULT_TRAINING.momentum),
    batchSize: int(1, MAX.batchSize).default(DEFAULT_TRAINING.batchSize),
    seed: int(0, 2 ** 31 - 1).default(DEFAULT_TRAINING.seed),
  })
  .default({ ...DEFAULT_TRAINING });

/** `[height, width, channels]` of a picture. */
export const inputSchema = z.tuple([int(1, MAX.pictureSide), int(1, MAX.pictureSide), int(1, MAX.channels)]);

const classes = z.array(name).min(2).max(MAX.classes);

const weight = z.number().min(-MAX_MAGNITUDE).max(MAX_MAGNITUDE);
const layerWeights = z.strictObject({
  kernel: z.array(weight).max(MAX.params),
  bias: z.array(weight).max(MAX.units * 4),
});

/** The `convblocks/network` document, version 1 (the header is checked before this). */
export const networkSchema = z.strictObject({
  kind: z.literal('convblocks/network'),
  version: z.literal(1),
  name: name.default('my network'),
  level: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  input: inputSchema,
  classes: classes.optional(),
  layers: z.array(layerSchema).min(1).max(MAX.layers),
  training: trainingSchema,
  weights: z.array(layerWeights.nullable()).max(MAX.layers).optional(),
});

/**
 * A network still being built (a workbench saved mid-edit): the same fields, but the stack may be
 * empty or not run yet, and it carries no weights.
 */
export const networkDraftSchema = networkSchema.extend({
  layers: z.array(layerSchema).max(MAX.layers),
  weights: z.undefined().optional(),
});

const isNumberList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isFinite(v));
const isChannelRow = (value: unknown): value is number[][] =>
  Array.isArray(value) && value.every(isNumberList);

// The first two options accept good rows of numbers with one plain loop: zod's own array checks
// cost seconds on the largest pictures a level may hold. Anything they do not accept falls through
// to the checks below, which say what is wrong.
const pixelRow = z.union([
  z.custom<number[]>(isNumberList),
  z.custom<number[][]>(isChannelRow),
  z.string().regex(/^[#.]*$/, 'rows of characters may use only "#" (ink) and "." (blank)'),
  z.array(z.number()),
  z.array(z.array(z.number())),
]);

/** A picture on its own (the command line's IMAGE.json): rows of characters, numbers or channel lists. */
export const pictureRowsSchema = z.array(pixelRow).min(1).max(MAX.pictureSide);

const picture = z.strictObject({
  label: name,
  picture: pictureRowsSchema,
});

const starRule = z.union([
  z.strictObject({ maxParams: int(1, MAX.params) }),
  z.strictObject({ maxSteps: int(1, MAX.steps) }),
  z.strictObject({ maxLayers: int(1, MAX.layers) }),
]);

const layerType = z.enum(LAYER_TYPES);

/**
 * Training settings a level's proof or trap may leave out (then the level's own are used): unlike
 * `trainingSchema`, an absent value stays absent instead of becoming the defaults.
 */
const optionalTraining = trainingSchema.unwrap().optional();

/** A network a level carries to prove something: a star's proof, a trap. */
const checkedLayers = z.array(layerSchema).min(1).max(MAX.layers);

/** A star's proof: a network that reaches the goal and earns the star on every checked seed. */
const proofSchema = z.strictObject({ layers: checkedLayers, training: optionalTraining });

/** Version 2's star rule: version 1's, with an optional proof. */
const starRuleV2 = z.union([
  z.strictObject({ maxParams: int(1, MAX.params), proof: proofSchema.optional() }),
  z.strictObject({ maxSteps: int(1, MAX.steps), proof: proofSchema.optional() }),
  z.strictObject({ maxLayers: int(1, MAX.layers), proof: proofSchema.optional() }),
]);

/** A network built on a wrong idea, which must not reach the goal on any checked seed. */
const trapSchema = z.strictObject({
  idea: z.string().trim().min(1).max(MAX.ideaLength).superRefine(showable('name')),
  layers: checkedLayers,
  training: optionalTraining,
});

/** The limits every version of a level shares. */
const limitFields = {
  blocks: z
    .array(layerType)
    .min(1)
    .max(LAYER_TYPES.length)
    .default([...LAYER_TYPES]),
  maxLayers: int(1, MAX.layers).optional(),
  maxParams: int(1, MAX.params).optional(),
  maxBlocks: z
    .strictObject({
      conv: int(0, MAX.layers).optional(),
      relu: int(0, MAX.layers).optional(),
      activation: int(0, MAX.layers).optional(),
      pool: int(0, MAX.layers).optional(),
      flatten: int(0, MAX.layers).optional(),
      dense: int(0, MAX.layers).optional(),
    })
    .optional(),
  maxSteps: int(1, MAX.steps).optional(),
};

/** A level's limits in versions 1 and 2. */
const limitsV1 = z.strictObject(limitFields).default({ blocks: [...LAYER_TYPES] });

/** A level's limits in version 3: version 2's and the largest Conv filter side a player may use. */
const limitsV3 = z
  .strictObject({ ...limitFields, maxFilterSize: int(1, MAX.windowSize).optional() })
  .default({ blocks: [...LAYER_TYPES] });

/** The fields every version of a level shares (version 3 widens `limits`). */
const levelFields = {
  kind: z.literal('convblocks/level'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lowercase letters, digits and dashes'),
  title: name,
  concept: text.default(''),
  intro: z.array(text).max(MAX.paragraphs).default([]),
  input: inputSchema,
  blank: z.literal([-1, 0]).default(-1),
  classes,
  train: z.array(picture).min(1).max(MAX.pictures),
  test: z.array(picture).max(MAX.pictures).default([]),
  goal: z.strictObject({ testAccuracy: z.number().min(0).max(1) }).default({ testAccuracy: 1 }),
  limits: limitsV1,
  hints: z.array(text).max(MAX.paragraphs).default([]),
  starter: z.array(layerSchema).max(MAX.layers).optional(),
  // Absent stays absent: a player then starts from the reference's settings (`levelTraining`), the
  // ones `convblocks check` proves. (`trainingSchema.optional()` would fill in the defaults.)
  training: optionalTraining,
  reference: z
    .strictObject({
      layers: z.array(layerSchema).min(1).max(MAX.layers),
      training: trainingSchema,
    })
    .optional(),
};

/** The `convblocks/level` document, version 1 (the header is checked before this); read to migrate. */
export const levelSchemaV1 = z.strictObject({
  ...levelFields,
  version: z.literal(1),
  stars: z.array(starRule).max(MAX.starRules).default([]),
});

/**
 * The `convblocks/level` document, version 2 (the header is checked before this): version 1 with
 * `traps` and a `proof` on each star rule; read to migrate.
 */
export const levelSchemaV2 = z.strictObject({
  ...levelFields,
  version: z.literal(2),
  stars: z.array(starRuleV2).max(MAX.starRules).default([]),
  traps: z.array(trapSchema).max(MAX.traps).default([]),
});

/**
 * The `convblocks/level` document, version 3 (the header is checked before this): version 2 with an
 * optional `limits.maxFilterSize`.
 */
export const levelSchema = z.strictObject({
  ...levelFields,
  version: z.literal(3),
  limits: limitsV3,
  stars: z.array(starRuleV2).max(MAX.starRules).default([]),
  traps: z.array(trapSchema).max(MAX.traps).default([]),
});

/** The raw rows of one picture as written in a level document. */
export type PictureRows = z.infer<typeof picture>['picture'];
