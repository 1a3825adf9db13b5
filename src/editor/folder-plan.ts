/**
 * Which class and set each file of an imported folder or zip goes to, and the limits on such an
 * import. The rule is the one of Teachable Machine and Keras' `image_dataset_from_directory`: the
 * folder a picture sits in names its class (`cats/1.png`, `dogs/a.jpg`); a `train` or `test` folder
 * above the class folders says the set. No DOM here: the editor and the tests share it.
 */
import { MAX } from '../spec';
import { CLASS_COUNT, type EditorDraft, type PictureSet } from './draft';

/** The bounds on one folder or zip import, besides each picture's own (IMAGE_LIMITS). */
export const FOLDER_LIMITS = {
  /** Files in a folder or zip, of any kind: a folder of a hundred thousand files is refused unread. */
  files: 2000,
  /** Bytes of the pictures together: a folder's files, or what a zip's pictures unpack to. */
  bytes: 100 * 1024 * 1024,
  /** Bytes of a zip file itself, which is read whole. */
  zipBytes: 100 * 1024 * 1024,
  /** How long unpacking a zip may take. */
  unzipMs: 60_000,
} as const;

/** A refusal of a whole folder or zip, with a sentence for the teacher. */
export class FolderImportError extends Error {
  override readonly name = 'FolderImportError';
}

/** One file found in a folder or zip: its path below the folder (`cats/1.png`) and its size. */
export interface FoundFile {
  readonly path: string;
  readonly size: number;
}

/** Where one file goes. */
export interface PlannedFile {
  /** Index in the files given to planFolderImport. */
  readonly file: number;
  readonly className: string;
  readonly set: PictureSet;
}

/** What an import will do before any picture is read. */
export interface FolderPlan {
  readonly files: readonly PlannedFile[];
  /** Class names in the folder the level does not have yet, in the order first met. */
  readonly newClasses: readonly string[];
  /** Files that are not PNG or JPEG by name, or hidden (`.DS_Store`, `__MACOSX/`). */
  readonly notPictures: number;
  /** Pictures outside any class folder. */
  readonly outsideClasses: number;
}

const IMAGE_NAME = /\.(png|jpe?g|jpe|jfif)$/i;
const TRAIN_FOLDER = /^(train|training)$/i;
const TEST_FOLDER = /^(test|testing|val|validation)$/i;

/** A path's parts, whichever slash it uses, without empty or `.` parts. */
export function pathParts(path: string): string[] {
  return path.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
}

/** Files a computer adds on its own (macOS `.DS_Store`, `__MACOSX/`, `.git/`): never pictures of a class. */
export function isHiddenPath(parts: readonly string[]): boolean {
  return parts.some((p) => p.startsWith('.') || p === '__MACOSX');
}

/** Whether a file's name says PNG or JPEG (its first bytes are checked again when it is read). */
export function hasImageName(path: string): boolean {
  return IMAGE_NAME.test(path);
}

/** The same class name written the same way: trimmed, composed Unicode. */
export function className(name: string): string {
  return name.normalize('NFC').trim();
}

/**
 * The class and set a picture's path gives it, below the folder or zip imported: the folder it sits
 * in is its class; a folder named train/training or test/testing/val/validation just above that
 * gives the set (otherwise `chosen`). A picture with no folder of its own is of class `rootName`
 * when the whole import is flat (a folder of one class's pictures), else of none.
 */
export function placeFromPath(
  parts: readonly string[],
  rootName: string,
  flat: boolean,
  chosen: PictureSet,
): { className: string; set: PictureSet } | null {
  if (parts.length < 2) {
    const root = className(rootName);
    return flat && root ? { className: root, set: chosen } : null;
  }
  const name = className(parts[parts.length - 2] ?? '');
  if (!name) return null;
  const above = parts[parts.length - 3] ?? '';
  const set = TRAIN_FOLDER.test(above) ? 'train' : TEST_FOLDER.test(above) ? 'test' : chosen;
  return { className: name, set };
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Refuses a folder or zip over the limits on files and bytes, before anything is read. */
export function checkFolderSize(what: string, files: number, bytes: number): void {
  if (files > FOLDER_LIMITS.files) {
    throw new FolderImportError(
      `${what} holds more than ${FOLDER_LIMITS.files} files (${files} found); import at most ${FOLDER_LIMITS.files} at a time.`,
    );
  }
  if (bytes > FOLDER_LIMITS.bytes) {
    throw new FolderImportError(
      `The pictures of ${what} come to ${megabytes(bytes)}; at most ${megabytes(FOLDER_LIMITS.bytes)} can be imported at a time.`,
    );
  }
}

/** The index of the draft's class called `name` (exactly, else ignoring case), or -1. */
export function findClass(draft: EditorDraft, name: string): number {
  const exact = draft.classes.findIndex((c) => className(c.name) === name);
  if (exact >= 0) return exact;
  const lower = name.toLowerCase();
  return draft.classes.findIndex((c) => className(c.name).toLowerCase() === lower);
}

/** Refuses pictures the level has no room for: more values than a level may hold, or too many in a set. */
function checkRoom(draft: EditorDraft, files: readonly PlannedFile[]): void {
  const perPicture = draft.side * draft.side * draft.channels;
  const held = draft.classes.reduce((n, c) => n + c.train.length + c.test.length, 0);
  const room = Math.max(0, Math.floor(MAX.pixelValues / perPicture) - held);
  if (files.length > room) {
    throw new FolderImportError(
      `${files.length} pictures of ${draft.side}x${draft.side} ${draft.channels === 1 ? 'grey' : 'colour'} pixels do not fit: a level holds at most ${MAX.pixelValues.toLocaleString('en')} pixel values, room for ${room} more pictures of this size.`,
    );
  }
  for (const set of ['train', 'test'] as const) {
    const inSet = files.filter((f) => f.set === set).length;
    const most = draft.classes.reduce((n, c) => n + c[set].length, 0) + inSet;
    if (most > MAX.pictures) {
      throw new FolderImportError(
        `A level holds at most ${MAX.pictures} ${set === 'train' ? 'training' : 'test'} pictures; this import would make ${most}.`,
      );
    }
  }
}

/**
 * Plans an import of `files` (paths below the folder or zip called `rootName`) into `draft`: each
 * picture's class and set, the classes to add, what is skipped. Throws a FolderImportError naming
 * the limit a folder is over. `what` names the folder or zip in messages.
 */
export function planFolderImport(
  draft: EditorDraft,
  what: string,
  rootName: string,
  files: readonly FoundFile[],
  chosen: PictureSet,
): FolderPlan {
  const parts = files.map((f) => pathParts(f.path));
  const pictures = files.flatMap((f, i) => {
    const p = parts[i] ?? [];
    return !isHiddenPath(p) && hasImageName(f.path) ? [i] : [];
  });
  checkFolderSize(
    what,
    files.length,
    pictures.reduce((n, i) => n + (files[i]?.size ?? 0), 0),
  );
  const flat = pictures.every((i) => (parts[i]?.length ?? 0) < 2);
  const planned: PlannedFile[] = [];
  const newClasses: string[] = [];
  for (const i of pictures) {
    const place = placeFromPath(parts[i] ?? [], rootName, flat, chosen);
    if (!place) continue;
    if (place.className.length > MAX.nameLength) {
      throw new FolderImportError(
        `The folder name "${place.className.slice(0, 40)}..." is too long for a class name (at most ${MAX.nameLength} characters).`,
      );
    }
    if (findClass(draft, place.className) < 0 && !newClasses.includes(place.className))
      newClasses.push(place.className);
    planned.push({ file: i, ...place });
  }
  checkRoom(draft, planned);
  return {
    files: planned,
    newClasses,
    notPictures: files.length - pictures.length,
    outsideClasses: pictures.length - planned.length,
  };
}

/** The classes with no picture whose names no folder has: they can take a folder's class name. */
function emptyClasses(draft: EditorDraft, plan: FolderPlan): number[] {
  const named = new Set(plan.files.map((f) => findClass(draft, f.className)));
  return draft.classes.flatMap((c, i) => (c.train.length + c.test.length === 0 && !named.has(i) ? [i] : []));
}

/** How the level's classes change to take a folder's new classes, or why they cannot. */
export type ClassChange =
  | {
      readonly renamed: readonly { readonly index: number; readonly from: string; readonly to: string }[];
      readonly added: readonly string[];
    }
  | { readonly refused: string };

/**
 * How the new classes of `plan` fit in: first as the names of classes with no pictures (a new
 * level's "A" and "B"), then as classes added up to the most a level may have; else refused.
 */
export function classChange(draft: EditorDraft, plan: FolderPlan): ClassChange {
  const empty = emptyClasses(draft, plan);
  const renamed = plan.newClasses.slice(0, empty.length).map((to, k) => {
    const index = empty[k] ?? 0;
    return { index, from: draft.classes[index]?.name ?? '', to };
  });
  const added = plan.newClasses.slice(empty.length);
  if (draft.classes.length + added.length > CLASS_COUNT.max) {
    const names = plan.newClasses.map((n) => `"${n}"`).join(', ');
    return {
      refused: `The level has no class ${names}, and there is no room to add ${plan.newClasses.length === 1 ? 'it' : 'them'}: a level has at most ${CLASS_COUNT.max} classes and this one has ${draft.classes.length}. Rename the folders to the level's classes, or remove some.`,
    };
  }
  return { renamed, added };
}

/** The draft with the class change made. */
export function applyClassChange(
  draft: EditorDraft,
  change: Exclude<ClassChange, { refused: string }>,
): EditorDraft {
  const renames = new Map(change.renamed.map((r) => [r.index, r.to]));
  const classes = draft.classes.map((c, i) => ({ ...c, name: renames.get(i) ?? c.name }));
  return {
    ...draft,
    classes: [...classes, ...change.added.map((name) => ({ name, train: [], test: [] }))],
  };
}
