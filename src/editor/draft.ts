/**
 * The level being made, as the editor holds it in memory: plain data, changed only by returning
 * a new draft. It becomes a LevelSpec (see build-level.ts) once it is complete enough to parse.
 */
import {
  DEFAULT_TRAINING,
  LAYER_TYPES,
  type LayerSpec,
  type LayerType,
  type StarRule,
  type TrainingSpec,
} from '../spec';
import { Hasher } from './fingerprint';
import { blankPicture, type Channels, type EditorPicture, reshapePicture } from './picture';

/** The two sets of a class's pictures: the ones to learn from and the hidden test. */
export type PictureSet = 'train' | 'test';

/** One class: its name and its pictures. */
export interface DraftClass {
  readonly name: string;
  readonly train: readonly EditorPicture[];
  readonly test: readonly EditorPicture[];
}

/** What the player may build and what counts as a win. */
export interface DraftRules {
  readonly blocks: readonly LayerType[];
  readonly maxLayers?: number | undefined;
  readonly maxParams?: number | undefined;
  readonly maxSteps?: number | undefined;
  /** The largest Conv filter side a player may use. */
  readonly maxFilterSize?: number | undefined;
  readonly maxBlocks: Readonly<Partial<Record<LayerType, number>>>;
  /** The test accuracy that wins, from 0 to 1. */
  readonly goal: number;
  readonly stars: readonly StarRule[];
  readonly hints: readonly string[];
  readonly starter?: readonly LayerSpec[] | undefined;
}

/** A network that won the draft in the editor, and the draft (its fingerprint) it won. */
export interface DraftReference {
  readonly layers: readonly LayerSpec[];
  readonly training: TrainingSpec;
  /** The test accuracy it reached, when it was won in this editor session. */
  readonly testAccuracy?: number | undefined;
  /** `winFingerprint` of the draft when it was won: any change to it makes the win stale. */
  readonly fingerprint: string;
}

/** The level being edited. */
export interface EditorDraft {
  /** The level's id: given when it is first saved, then kept. */
  readonly id?: string | undefined;
  readonly title: string;
  readonly concept: string;
  readonly intro: readonly string[];
  readonly side: number;
  readonly channels: Channels;
  /** The value of a blank pixel in the level's numbers. */
  readonly blank: -1 | 0;
  readonly classes: readonly DraftClass[];
  readonly rules: DraftRules;
  readonly reference?: DraftReference | undefined;
  /**
   * The network on the "Win it" workbench, as built so far (it may not run yet), when it is not
   * simply the reference or starter network shown there; kept so that leaving the editor loses it not.
   */
  readonly workbench?: readonly LayerSpec[] | undefined;
}

/** The fewest and most classes a level has. */
export const CLASS_COUNT = { min: 2, max: 10 } as const;

/** The settings a new level starts from: two classes on 5x5 grey pictures, every block offered. */
export function newDraft(): EditorDraft {
  return {
    title: '',
    concept: '',
    intro: [],
    side: 5,
    channels: 1,
    blank: -1,
    classes: [
      { name: 'A', train: [], test: [] },
      { name: 'B', train: [], test: [] },
    ],
    rules: { blocks: [...LAYER_TYPES], maxBlocks: {}, goal: 1, stars: [], hints: [] },
  };
}

/** The training settings the editor's networks use. */
export const EDITOR_TRAINING: TrainingSpec = DEFAULT_TRAINING;

/**
 * The settings Win it and Suggest train with: the reference's when the level has one (a copy of a
 * built-in level keeps the rate and batch its reference was proved with), else the editor's.
 */
export function draftTraining(draft: Pick<EditorDraft, 'reference'>): TrainingSpec {
  return draft.reference?.training ?? EDITOR_TRAINING;
}

/**
 * Everything that decides whether a network wins the level: pictures, classes, size, blank, goal
 * and limits. Titles, texts, stars, hints and the starter do not.
 */
export function winFingerprint(draft: EditorDraft): string {
  const { starter: _starter, stars: _stars, hints: _hints, ...rules } = draft.rules;
  const settings = JSON.stringify({ side: draft.side, channels: draft.channels, blank: draft.blank, rules });
  return `${new Hasher().text(settings).digest()}-${classesHash(draft.classes)}`;
}

// Drafts are never changed in place, so a class list's hash holds as long as the list lives.
const classHashes = new WeakMap<readonly DraftClass[], string>();

function classesHash(classes: readonly DraftClass[]): string {
  const known = classHashes.get(classes);
  if (known !== undefined) return known;
  const hasher = new Hasher();
  for (const c of classes) {
    hasher.text(c.name);
    for (const set of ['train', 'test'] as const) {
      hasher.text(set).number(c[set].length);
      for (const picture of c[set]) {
        hasher.number(picture.side).number(picture.channels);
        for (const v of picture.values) hasher.number(v);
      }
    }
  }
  const hash = hasher.digest();
  classHashes.set(classes, hash);
  return hash;
}

/** Whether a network has won the draft as it is now. */
export function isReady(draft: EditorDraft): boolean {
  return draft.reference !== undefined && draft.reference.fingerprint === winFingerprint(draft);
}

/** Replaces class `index` with what `change` makes of it. */
export function updateClass(
  draft: EditorDraft,
  index: number,
  change: (c: DraftClass) => DraftClass,
): EditorDraft {
  return { ...draft, classes: draft.classes.map((c, i) => (i === index ? change(c) : c)) };
}

/** Replaces the pictures of one set of one class. */
export function updatePictures(
  draft: EditorDraft,
  index: number,
  set: PictureSet,
  change: (pictures: readonly EditorPicture[]) => readonly EditorPicture[],
): EditorDraft {
  return updateClass(draft, index, (c) => ({ ...c, [set]: change(c[set]) }));
}

/** A name for a new class that no class has yet: "C", "D", ... */
function freshClassName(draft: EditorDraft): string {
  const taken = new Set(draft.classes.map((c) => c.name));
  for (let n = 0; ; n++) {
    const name = n < 26 ? String.fromCharCode(65 + n) : `class ${n + 1}`;
    if (!taken.has(name)) return name;
  }
}

/** Adds an empty class, up to the most a level may have. */
export function addClass(draft: EditorDraft): EditorDraft {
  if (draft.classes.length >= CLASS_COUNT.max) return draft;
  return { ...draft, classes: [...draft.classes, { name: freshClassName(draft), train: [], test: [] }] };
}

/** Removes class `index` and its pictures, down to the fewest a level may have. */
export function removeClass(draft: EditorDraft, index: number): EditorDraft {
  if (draft.classes.length <= CLASS_COUNT.min) return draft;
  return { ...draft, classes: draft.classes.filter((_, i) => i !== index) };
}

/** Changes the picture size or colour; every picture is cropped or padded around its centre. */
export function reshapeDraft(draft: EditorDraft, side: number, channels: Channels): EditorDraft {
  if (side === draft.side && channels === draft.channels) return draft;
  const reshape = (pictures: readonly EditorPicture[]) =>
    pictures.map((p) => reshapePicture(p, side, channels));
  return {
    ...draft,
    side,
    channels,
    classes: draft.classes.map((c) => ({ ...c, train: reshape(c.train), test: reshape(c.test) })),
  };
}

/** A blank picture of the draft's size and colour. */
export function draftBlankPicture(draft: EditorDraft): EditorPicture {
  return blankPicture(draft.side, draft.channels);
}
