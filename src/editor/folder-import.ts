/**
 * Imports a folder or zip whose sub-folders name the classes: plans it (folder-plan), asks before
 * adding classes the level does not have, reads each picture with the bounds of image import, one
 * after another, and adds them all in one change, saying what was imported and what was skipped.
 */

import { plural } from '../spec';
import { confirmDialog, el } from '../ui';
import { type EditorDraft, type PictureSet, updatePictures } from './draft';
import type { FolderSource } from './folder-entries';
import {
  applyClassChange,
  type ClassChange,
  classChange,
  FolderImportError,
  type FolderPlan,
  findClass,
  planFolderImport,
} from './folder-plan';
import { ImageImportError } from './image-file';
import { importImageFile } from './image-import';
import { type EditorPicture, reshapePicture } from './picture';
import type { PicturesContext } from './picture-choice';

/** What a folder import needs from the tab. */
export interface FolderImportTarget {
  readonly tab: PicturesContext;
  /** Where progress and refusals are listed. */
  readonly messages: HTMLElement;
  /** Whether the tab is still open: an import stops between pictures once it is not. */
  readonly open: () => boolean;
}

function say(target: FolderImportTarget, lines: readonly string[], errors: readonly string[] = []): void {
  target.messages.replaceChildren(
    ...lines.map((l) => el('p', {}, l)),
    ...errors.map((e) => el('p', { class: 'editor-import-error' }, e)),
  );
  target.tab.access.announce([...lines, ...errors].join(' '));
}

/** Asks whether to add the new classes; false when the teacher declines. */
async function agreeToClasses(
  change: Exclude<ClassChange, { refused: string }>,
  what: string,
): Promise<boolean> {
  const renamed = change.renamed.map((r) => `"${r.from}" (no pictures yet) becomes "${r.to}"`);
  const added = change.added.map((name) => `"${name}" is added`);
  return confirmDialog(
    'Add classes?',
    `${what} has pictures of classes this level does not have. ${[...renamed, ...added].join('; ')}.`,
    'Add the classes and import',
  );
}

/** The pictures read, by planned file, and the sentences for the ones refused. */
async function readPictures(
  target: FolderImportTarget,
  source: FolderSource,
  plan: FolderPlan,
): Promise<{ pictures: (EditorPicture | null)[]; errors: string[] } | null> {
  const { side, channels } = target.tab.access.draft();
  const pictures: (EditorPicture | null)[] = [];
  const errors: string[] = [...source.unreadable];
  for (const [n, planned] of plan.files.entries()) {
    if (!target.open()) return null;
    target.messages.replaceChildren(el('p', {}, `Importing picture ${n + 1} of ${plan.files.length}...`));
    const file = source.open(planned.file);
    try {
      pictures.push(await importImageFile(file, side, channels));
    } catch (error) {
      if (!(error instanceof ImageImportError)) throw error;
      pictures.push(null);
      errors.push(
        error.message.replace(`"${file.name}"`, `"${source.files[planned.file]?.path ?? file.name}"`),
      );
    }
  }
  return { pictures, errors };
}

/** The draft with the pictures added to their classes' sets. */
function withPictures(
  draft: EditorDraft,
  plan: FolderPlan,
  pictures: readonly (EditorPicture | null)[],
): { draft: EditorDraft; counts: Map<string, number> } {
  let next = draft;
  const counts = new Map<string, number>();
  plan.files.forEach((planned, i) => {
    const picture = pictures[i];
    const index = findClass(next, planned.className);
    if (!picture || index < 0) return;
    const fitted = reshapePicture(picture, next.side, next.channels);
    next = updatePictures(next, index, planned.set, (ps) => [...ps, fitted]);
    const name = next.classes[index]?.name ?? planned.className;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return { draft: next, counts };
}

/** The plan, with the teacher's agreement to any new classes; null (having said why) when not to go on. */
async function agreedPlan(
  target: FolderImportTarget,
  source: FolderSource,
  set: PictureSet,
): Promise<{ plan: FolderPlan; change: ClassChange | null } | null> {
  const draft = target.tab.access.draft();
  const plan = planFolderImport(draft, source.what, source.rootName, source.files, set);
  if (plan.files.length === 0) {
    say(
      target,
      [`${source.what} has no PNG or JPEG pictures in class folders: nothing was imported.`],
      source.unreadable,
    );
    return null;
  }
  if (plan.newClasses.length === 0) return { plan, change: null };
  const change = classChange(draft, plan);
  if ('refused' in change) {
    say(target, ['Nothing was imported.'], [change.refused]);
    return null;
  }
  if (!(await agreeToClasses(change, source.what))) {
    say(target, ['Nothing was imported: the classes were not added.']);
    return null;
  }
  return { plan, change };
}

/** Imports what `found` holds into the draft (`set` for pictures no train or test folder places). */
export async function importFolder(
  target: FolderImportTarget,
  found: Promise<FolderSource>,
  set: PictureSet,
): Promise<void> {
  const { access } = target.tab;
  try {
    target.messages.replaceChildren(el('p', {}, 'Reading the folder...'));
    const source = await found;
    const agreed = await agreedPlan(target, source, set);
    if (!agreed) return;
    const { plan, change } = agreed;
    const read = await readPictures(target, source, plan);
    if (!read) return;
    let counts = new Map<string, number>();
    access.update((d) => {
      const made = withPictures(
        change && !('refused' in change) ? applyClassChange(d, change) : d,
        plan,
        read.pictures,
      );
      counts = made.counts;
      return made.draft;
    });
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const last = plan.files[read.pictures.map((p) => p !== null).lastIndexOf(true)];
    if (last) {
      const d = access.draft();
      const classIndex = findClass(d, last.className);
      const index = (d.classes[classIndex]?.[last.set].length ?? 1) - 1;
      if (classIndex >= 0) target.tab.setSelection({ classIndex, set: last.set, index });
    }
    const into = [...counts].map(([name, n]) => `${n} into "${name}"`).join(', ');
    const lines = [
      total > 0
        ? `Imported ${plural(total, 'picture')} from ${source.what}: ${into}.`
        : 'No picture was imported.',
    ];
    if (plan.notPictures > 0)
      lines.push(
        plan.notPictures === 1
          ? 'Skipped 1 file that is not a PNG or JPEG picture.'
          : `Skipped ${plan.notPictures} files that are not PNG or JPEG pictures.`,
      );
    if (plan.outsideClasses > 0)
      lines.push(`Skipped ${plural(plan.outsideClasses, 'picture')} outside any class folder.`);
    say(target, lines, read.errors);
  } catch (error) {
    if (!(error instanceof FolderImportError)) throw error;
    say(target, ['Nothing was imported.'], [error.message]);
  }
}
