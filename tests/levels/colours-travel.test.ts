/**
 * A colour level (`[5, 5, 3]`) travels as a grey one does: through a `#level=` link, a level file,
 * the browser's store (and so backups), and the level editor's draft and back.
 */
import { describe, expect, it } from 'vitest';
import { draftToDocument, levelToDraft } from '../../src/editor/build-level';
import { decodeLink, encodeLevelLink, levelToFile, readSharedText } from '../../src/share';
import { type LevelSpec, parseLevel } from '../../src/spec';
import { parseCustomLevel, storedCustomLevel } from '../../src/storage/documents';
import { readLevelFile } from './built-in-levels';

const level: LevelSpec = parseLevel(readLevelFile('colours.json'));

describe('the colours level travels whole', () => {
  it('through a #level= link', () => {
    const shared = decodeLink(encodeLevelLink(level).hash);
    expect(shared).toEqual({ kind: 'level', level });
  });

  it('through a level file', () => {
    expect(readSharedText(levelToFile(level).text)).toEqual({ kind: 'level', level });
  });

  it("through the browser's store, as backups write it", () => {
    const stored = JSON.parse(
      JSON.stringify(storedCustomLevel({ savedAt: '2026-12-01T00:00:00.000Z', level, origin: 'mine' })),
    );
    expect(parseCustomLevel(stored).level).toEqual(level);
  });

  it("through the level editor's draft, keeping every colour", () => {
    const draft = levelToDraft(level);
    expect([draft.side, draft.channels, draft.blank]).toEqual([5, 3, 0]);
    const again = parseLevel(draftToDocument(draft));
    expect(again.input).toEqual([5, 5, 3]);
    expect(again.classes).toEqual(level.classes);
    // The editor writes its pictures class by class in turns: compare them as sets per class.
    const byClass = (l: LevelSpec, set: 'train' | 'test') =>
      l.classes.map((_, k) =>
        l[set]
          .filter((e) => e.classIndex === k)
          .map((e) => JSON.stringify(e.pixels))
          .sort(),
      );
    expect(byClass(again, 'train')).toEqual(byClass(level, 'train'));
    expect(byClass(again, 'test')).toEqual(byClass(level, 'test'));
  });
});
