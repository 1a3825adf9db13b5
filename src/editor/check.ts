/**
 * The checks before sharing: what stops the level from being saved or won ('problem') and what
 * is likely to make it a poor level ('warning'), each in a sentence for the teacher.
 */
import { type DraftClass, type EditorDraft, isReady, type PictureSet } from './draft';
import { type EditorPicture, isBlank, samePicture } from './picture';

/** How serious a finding is: a problem stops saving or winning, a warning does not. */
export type FindingLevel = 'problem' | 'warning';

/** One thing the check found. */
export interface Finding {
  readonly level: FindingLevel;
  readonly text: string;
}

/** Fewer training pictures than this per class draws a warning. */
export const FEW_PICTURES = 3;

const SET_NAMES: Record<PictureSet, string> = { train: 'training picture', test: 'test picture' };

function where(c: DraftClass, set: PictureSet, index: number): string {
  return `${SET_NAMES[set]} ${index + 1} of "${c.name}"`;
}

function nameFindings(draft: EditorDraft): Finding[] {
  const findings: Finding[] = [];
  if (!draft.title.trim()) findings.push({ level: 'problem', text: 'The level needs a title.' });
  const seen = new Map<string, number>();
  draft.classes.forEach((c, i) => {
    const name = c.name.trim();
    if (!name) findings.push({ level: 'problem', text: `Class ${i + 1} needs a name.` });
    else if (seen.has(name)) {
      findings.push({
        level: 'problem',
        text: `Classes ${(seen.get(name) ?? 0) + 1} and ${i + 1} are both named "${name}".`,
      });
    } else seen.set(name, i);
  });
  return findings;
}

function countFindings(draft: EditorDraft): Finding[] {
  const findings: Finding[] = [];
  for (const c of draft.classes) {
    if (c.train.length === 0) {
      findings.push({
        level: 'problem',
        text: `"${c.name}" has no training pictures: draw or import at least one.`,
      });
    } else if (c.train.length < FEW_PICTURES) {
      findings.push({
        level: 'warning',
        text: `"${c.name}" has only ${c.train.length} training picture${c.train.length === 1 ? '' : 's'}: a network learns better from ${FEW_PICTURES} or more.`,
      });
    }
    if (c.test.length === 0) {
      findings.push({
        level: 'warning',
        text: `"${c.name}" has no test pictures, so the test never asks about it.`,
      });
    }
  }
  if (draft.classes.every((c) => c.test.length === 0)) {
    findings.push({
      level: 'problem',
      text: 'There are no test pictures: a level is won on its hidden test pictures.',
    });
  }
  return findings;
}

interface Located {
  readonly c: DraftClass;
  readonly set: PictureSet;
  readonly index: number;
  readonly picture: EditorPicture;
}

function located(draft: EditorDraft, set: PictureSet): Located[] {
  return draft.classes.flatMap((c) => c[set].map((picture, index) => ({ c, set, index, picture })));
}

function pictureFindings(draft: EditorDraft): Finding[] {
  const findings: Finding[] = [];
  const train = located(draft, 'train');
  const test = located(draft, 'test');
  for (const t of test) {
    const twin = train.find((p) => samePicture(p.picture, t.picture));
    if (twin) {
      findings.push({
        level: 'warning',
        text: `${capitalise(where(t.c, 'test', t.index))} is the same as ${where(twin.c, 'train', twin.index)}: the test should ask something new.`,
      });
    }
  }
  const all = [...train, ...test];
  for (const [i, a] of all.entries()) {
    if (isBlank(a.picture))
      findings.push({ level: 'warning', text: `${capitalise(where(a.c, a.set, a.index))} is blank.` });
    const clash = all.slice(i + 1).find((b) => b.c !== a.c && samePicture(a.picture, b.picture));
    if (clash) {
      findings.push({
        level: 'warning',
        text: `"${a.c.name}" and "${clash.c.name}" cannot be told apart: ${where(a.c, a.set, a.index)} is the same picture as ${where(clash.c, clash.set, clash.index)}.`,
      });
    }
  }
  return findings;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every problem and warning of a draft, problems first. */
export function checkDraft(draft: EditorDraft): Finding[] {
  const findings = [...nameFindings(draft), ...countFindings(draft), ...pictureFindings(draft)];
  if (!isReady(draft)) {
    findings.push({
      level: 'problem',
      text: 'No network has won this level yet: build one below and press "Win it" to prove the level can be won.',
    });
  }
  return [...findings.filter((f) => f.level === 'problem'), ...findings.filter((f) => f.level === 'warning')];
}
