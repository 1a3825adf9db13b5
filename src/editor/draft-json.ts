/**
 * An unfinished draft as plain JSON for storage, and back: what storage hands back is checked here
 * as untrusted input (another version, an extension or a bug may have written it).
 */
import { z } from 'zod';
import {
  LAYER_TYPES,
  type LayerSpec,
  MAX,
  parseNetwork,
  parseNetworkDraft,
  SpecError,
  withArticle,
} from '../spec';
import type { EditorDraft } from './draft';
import { PICTURE_SIDE } from './picture';

const int = (min: number, max: number) => z.int().min(min).max(max);

const picture = z.strictObject({
  side: int(PICTURE_SIDE.min, PICTURE_SIDE.max),
  channels: z.literal([1, 3]),
  values: z.array(z.number().min(0).max(1)),
});

const draftClass = z.strictObject({
  name: z.string().max(MAX.nameLength),
  train: z.array(picture).max(MAX.pictures),
  test: z.array(picture).max(MAX.pictures),
});

const starRule = z.union([
  z.strictObject({ maxParams: int(1, MAX.params) }),
  z.strictObject({ maxSteps: int(1, MAX.steps) }),
  z.strictObject({ maxLayers: int(1, MAX.layers) }),
]);

const draftSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  title: z.string().max(MAX.nameLength),
  concept: z.string().max(MAX.textLength),
  intro: z.array(z.string().max(MAX.textLength)).max(MAX.paragraphs),
  side: int(PICTURE_SIDE.min, PICTURE_SIDE.max),
  channels: z.literal([1, 3]),
  blank: z.literal([-1, 0]),
  classes: z.array(draftClass).min(2).max(MAX.classes),
  rules: z.strictObject({
    blocks: z.array(z.enum(LAYER_TYPES)).min(1),
    maxLayers: int(1, MAX.layers).optional(),
    maxParams: int(1, MAX.params).optional(),
    maxSteps: int(1, MAX.steps).optional(),
    // Drafts kept before level version 3 have no cap: absent stays absent.
    maxFilterSize: int(1, MAX.windowSize).optional(),
    maxBlocks: z.partialRecord(z.enum(LAYER_TYPES), int(0, MAX.layers)),
    goal: z.number().min(0).max(1),
    stars: z.array(starRule).max(MAX.starRules),
    hints: z.array(z.string().max(MAX.textLength)).max(MAX.paragraphs),
    starter: z.array(z.unknown()).max(MAX.layers).optional(),
  }),
  reference: z
    .strictObject({
      layers: z.array(z.unknown()).max(MAX.layers),
      training: z.unknown(),
      testAccuracy: z.number().min(0).max(1).optional(),
      fingerprint: z.string().max(100),
    })
    .optional(),
  workbench: z.array(z.unknown()).max(MAX.layers).optional(),
});

/** The draft as plain JSON (no undefined fields), as storage keeps it. */
export function draftToJson(draft: EditorDraft): Record<string, unknown> {
  return JSON.parse(JSON.stringify(draft)) as Record<string, unknown>;
}

/** Layers checked by the spec as a network for the draft, or undefined when they are not one. */
function checkedNetwork(layers: unknown, training: unknown, draft: z.infer<typeof draftSchema>) {
  try {
    return parseNetwork({
      kind: 'convblocks/network',
      version: 1,
      input: [draft.side, draft.side, draft.channels],
      classes: draft.classes.map((c, i) => c.name.trim() || `class ${i + 1}`),
      layers,
      ...(training !== undefined && { training }),
    });
  } catch {
    return undefined;
  }
}

/**
 * Reads a stored draft back; throws a SpecError naming the field when it is not one. A starter or
 * reference network that no longer runs is dropped rather than losing the whole draft.
 */
export function draftFromJson(value: unknown): EditorDraft {
  const result = draftSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.');
    throw new SpecError(field, issue?.message ?? 'is not an unfinished level');
  }
  const doc = result.data;
  doc.classes.forEach((c, i) => {
    for (const set of ['train', 'test'] as const) {
      c[set].forEach((p, j) => {
        if (
          p.side !== doc.side ||
          p.channels !== doc.channels ||
          p.values.length !== p.side * p.side * p.channels
        ) {
          throw new SpecError(
            `classes.${i}.${set}.${j}`,
            `is not ${withArticle(`${doc.side}x${doc.side}`)} picture with ${doc.channels} channels`,
          );
        }
      });
    }
  });
  const starter = doc.rules.starter && checkedStarter(doc.rules.starter, doc);
  const workbench = doc.workbench && checkedStarter(doc.workbench, doc);
  const reference = doc.reference && checkedNetwork(doc.reference.layers, doc.reference.training, doc);
  return {
    ...doc,
    rules: { ...doc.rules, starter },
    reference:
      doc.reference && reference
        ? {
            layers: reference.layers,
            training: reference.training,
            testAccuracy: doc.reference.testAccuracy,
            fingerprint: doc.reference.fingerprint,
          }
        : undefined,
    workbench,
  };
}

/**
 * A starter or the workbench's network may be an unfinished stack; its layers are checked by the
 * spec as a player's workbench's are, and dropped (undefined) when they are not layers.
 */
function checkedStarter(
  layers: readonly unknown[],
  draft: z.infer<typeof draftSchema>,
): LayerSpec[] | undefined {
  try {
    return [
      ...parseNetworkDraft({
        kind: 'convblocks/network',
        version: 1,
        input: [draft.side, draft.side, draft.channels],
        classes: draft.classes.map((c, i) => c.name.trim() || `class ${i + 1}`),
        layers,
      }).layers,
    ];
  } catch {
    return undefined;
  }
}
