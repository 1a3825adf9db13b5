/** Turns the editor's draft into a level document and a checked LevelSpec, and a saved level back into a draft. */
import {
  DOCUMENT_VERSIONS,
  type LayerType,
  type LevelLimits,
  type LevelSpec,
  levelNetworkTraining,
  parseLevel,
  pictureRows,
  SpecError,
  starLimit,
} from '../spec';
import { type DraftClass, type EditorDraft, isReady, winFingerprint } from './draft';
import { clampValue, type EditorPicture } from './picture';

/** The level's number for an editor value: 0 is the blank, 1 stays 1. */
function levelValue(v: number, blank: number): number {
  return Math.round((blank + (1 - blank) * v) * 1000) / 1000;
}

function pictureDocument(picture: EditorPicture, draft: EditorDraft) {
  const values = picture.values.map((v) => levelValue(v, draft.blank));
  return pictureRows(values, [draft.side, draft.side, draft.channels], draft.blank);
}

/** Pictures of every class taken in turns (A, B, A, B, ...), so no class comes in one long run. */
function interleaved(classes: readonly DraftClass[], set: 'train' | 'test') {
  const longest = Math.max(0, ...classes.map((c) => c[set].length));
  const out: { label: string; picture: EditorPicture }[] = [];
  for (let i = 0; i < longest; i++) {
    for (const c of classes) {
      const picture = c[set][i];
      if (picture) out.push({ label: c.name, picture });
    }
  }
  return out;
}

/** The level's limits as the draft sets them (per-kind caps only for blocks on offer). */
export function draftLimits(draft: EditorDraft): LevelLimits {
  const { rules } = draft;
  const maxBlocks: Partial<Record<LayerType, number>> = Object.fromEntries(
    Object.entries(rules.maxBlocks).filter(
      ([type, n]) => n !== undefined && rules.blocks.includes(type as LayerType),
    ),
  );
  return {
    blocks: rules.blocks,
    ...(rules.maxLayers !== undefined && { maxLayers: rules.maxLayers }),
    ...(rules.maxParams !== undefined && { maxParams: rules.maxParams }),
    ...(Object.keys(maxBlocks).length > 0 && { maxBlocks }),
    ...(rules.maxSteps !== undefined && { maxSteps: rules.maxSteps }),
    ...(rules.maxFilterSize !== undefined && { maxFilterSize: rules.maxFilterSize }),
  };
}

/**
 * The draft as a `convblocks/level` document. `id` is used when the draft has none yet. The
 * reference network is written only while its win is current (see `isReady`).
 */
export function draftToDocument(draft: EditorDraft, id = draft.id ?? 'new-level'): Record<string, unknown> {
  const examples = (set: 'train' | 'test') =>
    interleaved(draft.classes, set).map((e) => ({
      label: e.label,
      picture: pictureDocument(e.picture, draft),
    }));
  const { rules } = draft;
  return {
    kind: 'convblocks/level',
    version: DOCUMENT_VERSIONS['convblocks/level'],
    id,
    title: draft.title.trim(),
    concept: draft.concept.trim(),
    intro: draft.intro,
    input: [draft.side, draft.side, draft.channels],
    blank: draft.blank,
    classes: draft.classes.map((c) => c.name.trim()),
    train: examples('train'),
    test: examples('test'),
    goal: { testAccuracy: rules.goal },
    limits: draftLimits(draft),
    stars: rules.stars,
    hints: rules.hints,
    ...(rules.starter !== undefined && rules.starter.length > 0 && { starter: rules.starter }),
    ...(isReady(draft) &&
      draft.reference && {
        reference: { layers: draft.reference.layers, training: draft.reference.training },
      }),
  };
}

/** The draft as a checked level, or the SpecError that says what is still missing or wrong. */
export function buildLevel(draft: EditorDraft, id?: string): { level: LevelSpec } | { error: SpecError } {
  try {
    return { level: parseLevel(draftToDocument(draft, id)) };
  } catch (error) {
    if (error instanceof SpecError) return { error };
    throw error;
  }
}

function editorPicture(pixels: readonly number[], level: LevelSpec): EditorPicture {
  const [side, , channels] = level.input;
  const values = pixels.map((v) => clampValue((v - level.blank) / (1 - level.blank)));
  return { side, channels: channels as 1 | 3, values };
}

/** A saved level as a draft to edit; refuses a level the editor cannot make (not square, not grey or colour). */
export function levelToDraft(level: LevelSpec): EditorDraft {
  const [height, width, channels] = level.input;
  if (height !== width) {
    throw new SpecError(
      'input',
      `the pictures are ${height}x${width}; the level editor makes square pictures only`,
    );
  }
  if (channels !== 1 && channels !== 3) {
    throw new SpecError(
      'input',
      `the pictures have ${channels} channels; the level editor makes grey (1) or colour (3) ones`,
    );
  }
  const pictures = (set: 'train' | 'test', classIndex: number) =>
    level[set].filter((e) => e.classIndex === classIndex).map((e) => editorPicture(e.pixels, level));
  const draft: EditorDraft = {
    id: level.id,
    title: level.title,
    concept: level.concept,
    intro: level.intro,
    side: height,
    channels,
    blank: level.blank,
    classes: level.classes.map((name, i) => ({
      name,
      train: pictures('train', i),
      test: pictures('test', i),
    })),
    rules: {
      blocks: level.limits.blocks,
      maxLayers: level.limits.maxLayers,
      maxParams: level.limits.maxParams,
      maxSteps: level.limits.maxSteps,
      maxFilterSize: level.limits.maxFilterSize,
      maxBlocks: level.limits.maxBlocks ?? {},
      goal: level.goal.testAccuracy,
      // The editor keeps what a star asks for; proofs and traps belong to the levels `convblocks
      // check` proves, and an edited level's pictures would no longer bear them out.
      stars: level.stars.map(starLimit),
      hints: level.hints,
      starter: level.starter,
    },
  };
  if (!level.reference) return draft;
  return {
    ...draft,
    reference: {
      layers: level.reference.layers,
      // The settings the level trains its reference with (its own, else the level's), so a copy of a
      // level that needs its own rate or batch keeps winning in the editor.
      training: levelNetworkTraining(level, level.reference),
      fingerprint: winFingerprint(draft),
    },
  };
}

/**
 * A new level id from the title and the time ("my-shapes-m3x9k2"), never one `taken` says exists:
 * the time part keeps it apart from built-in levels and from levels made in other browsers.
 */
export function newLevelId(title: string, now: Date, taken: (id: string) => boolean): string {
  const stem =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'level';
  const base = `${stem}-${now.getTime().toString(36)}`;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken(id)) return id;
  }
}
