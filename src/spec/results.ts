/**
 * The `convblocks/results` document: what a student hands back for a pack, with no server between.
 * Per level of the pack: won or not, stars, steps, parameters, accuracy and the network (its layers
 * and training settings; no weights, which a teacher's table does not need).
 */
import { z } from 'zod';
import { SpecError } from './errors';
import { MAX } from './limits';
import { checkStructure, checkVersionedHeader } from './parse';
import { layerSchema, trainingSchema } from './schemas';
import { unshowableCharacter } from './showable';
import type { LayerSpec, TrainingSpec } from './types';
import { specErrorFromZod } from './zod-messages';

/** The results kind and the newest version this reader knows. */
export const RESULTS_KIND = 'convblocks/results';
export const RESULTS_VERSION = 1;

/** The most steps a result may say a win took (as a kept progress record may). */
const MAX_RESULT_STEPS = 1_000_000;

/** One level's result. */
export interface LevelOutcome {
  readonly id: string;
  readonly title: string;
  readonly won: boolean;
  /** 0 when not won, else 1 to 3. */
  readonly stars: number;
  /** The fewest training steps a win took; null until won. */
  readonly steps: number | null;
  /** The smallest winning network's parameters; null until won. */
  readonly params: number | null;
  /** The best test accuracy reached, 0 to 1. */
  readonly accuracy: number;
  /** The network last judged (or on the workbench), without weights; null when none was built. */
  readonly network: { readonly layers: readonly LayerSpec[]; readonly training: TrainingSpec } | null;
}

/** A student's results for one pack. */
export interface PackResults {
  readonly pack: { readonly id: string; readonly title: string };
  readonly student: string;
  readonly exportedAt: string;
  readonly levels: readonly LevelOutcome[];
}

const showableName = (value: string, ctx: z.RefinementCtx) => {
  const problem = unshowableCharacter(value, 'name');
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
};
const name = z.string().trim().min(1).max(MAX.nameLength).superRefine(showableName);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lowercase letters, digits and dashes');

const outcomeSchema = z.strictObject({
  id,
  title: name,
  won: z.boolean(),
  stars: z.int().min(0).max(3),
  steps: z.int().min(0).max(MAX_RESULT_STEPS).nullable(),
  params: z.int().min(0).max(MAX.params).nullable(),
  accuracy: z.number().min(0).max(1),
  network: z
    .strictObject({ layers: z.array(layerSchema).max(MAX.layers), training: trainingSchema })
    .nullable(),
});

const resultsSchema = z.strictObject({
  kind: z.literal(RESULTS_KIND),
  version: z.literal(1),
  pack: z.strictObject({ id, title: name }),
  student: name,
  exportedAt: z.iso.datetime(),
  levels: z.array(outcomeSchema).min(1).max(MAX.packLevels),
});

function checkHeader(value: unknown): void {
  checkVersionedHeader(value, RESULTS_KIND, RESULTS_VERSION, {
    document: `a ${RESULTS_KIND} document`,
    made: 'these results were',
    it: 'them',
  });
}

/** A won level has stars, steps and parameters; a level not won has none. */
function checkOutcome(outcome: LevelOutcome, i: number): void {
  const at = (key: string) => `levels[${i}].${key}`;
  if (outcome.won && outcome.stars < 1)
    throw new SpecError(at('stars'), 'a won level has at least 1 star but got 0');
  if (!outcome.won && outcome.stars > 0) {
    throw new SpecError(at('stars'), `a level not won has no stars but got ${outcome.stars}`);
  }
  for (const key of ['steps', 'params'] as const) {
    if (outcome.won && outcome[key] === null)
      throw new SpecError(at(key), 'is missing for a won level (got null)');
    if (!outcome.won && outcome[key] !== null) {
      throw new SpecError(at(key), `expected null for a level not won but got ${outcome[key]}`);
    }
  }
}

/** Parses an untrusted `convblocks/results` document, or throws a SpecError naming the field and value. */
export function parseResults(value: unknown): PackResults {
  try {
    checkStructure(value, [], 0);
    checkHeader(value);
    const parsed = resultsSchema.safeParse(value, { reportInput: true });
    if (!parsed.success) throw specErrorFromZod(parsed.error);
    const doc = parsed.data;
    doc.levels.forEach(checkOutcome);
    return { pack: doc.pack, student: doc.student, exportedAt: doc.exportedAt, levels: doc.levels };
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError('', `could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The JSON document of a student's results. */
export function resultsToDocument(results: PackResults): Record<string, unknown> {
  return {
    kind: RESULTS_KIND,
    version: RESULTS_VERSION,
    pack: { id: results.pack.id, title: results.pack.title },
    student: results.student,
    exportedAt: results.exportedAt,
    levels: results.levels,
  };
}
