import type { EditorDraft } from '../../src/editor/draft';
import { newDraft } from '../../src/editor/draft';
import type { EditorPicture } from '../../src/editor/picture';

/** A grey picture from rows of `#` (ink) and `.` (blank). */
export function grey(rows: readonly string[]): EditorPicture {
  return {
    side: rows.length,
    channels: 1,
    values: rows.flatMap((r) => [...r].map((c) => (c === '#' ? 1 : 0))),
  };
}

/** A grey picture's rows of `#` and `.`; anything between blank and full ink shows as `+`. */
export function rowsOf(picture: EditorPicture): string[] {
  return Array.from({ length: picture.side }, (_, y) =>
    Array.from({ length: picture.side }, (_, x) => {
      const v = picture.values[(y * picture.side + x) * picture.channels] ?? 0;
      return v === 1 ? '#' : v === 0 ? '.' : '+';
    }).join(''),
  );
}

/** A two-class 3x3 draft with a title, pictures in both sets, ready to build. */
export function smallDraft(): EditorDraft {
  return {
    ...newDraft(),
    title: 'Bars',
    side: 3,
    classes: [
      {
        name: 'standing',
        train: [grey(['#..', '#..', '#..']), grey(['.#.', '.#.', '.#.'])],
        test: [grey(['..#', '..#', '..#'])],
      },
      {
        name: 'lying',
        train: [grey(['###', '...', '...']), grey(['...', '###', '...'])],
        test: [grey(['...', '...', '###'])],
      },
    ],
  };
}
