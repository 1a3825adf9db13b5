import { describe, expect, it } from 'vitest';
import { newDraft, updatePictures } from '../../src/editor/draft';
import {
  applyClassChange,
  checkFolderSize,
  classChange,
  FOLDER_LIMITS,
  FolderImportError,
  pathParts,
  placeFromPath,
  planFolderImport,
} from '../../src/editor/folder-plan';
import { blankPicture } from '../../src/editor/picture';

describe('the class and set a path gives a picture', () => {
  it.each([
    { path: 'cats/1.png', place: { className: 'cats', set: 'train' } },
    { path: 'pets/dogs/a.jpg', place: { className: 'dogs', set: 'train' } },
    { path: 'train/cats/1.png', place: { className: 'cats', set: 'train' } },
    { path: 'Test/cats/1.png', place: { className: 'cats', set: 'test' } },
    { path: 'data/validation/dogs/2.jpeg', place: { className: 'dogs', set: 'test' } },
    { path: 'test/1.png', place: { className: 'test', set: 'train' } },
    { path: 'cats\\windows.png', place: { className: 'cats', set: 'train' } },
    { path: ' big cats /1.png', place: { className: 'big cats', set: 'train' } },
    { path: '1.png', place: null },
  ])('$path', ({ path, place }) => {
    expect(placeFromPath(pathParts(path), 'root', false, 'train')).toEqual(place);
  });

  it('gives the set chosen when no train or test folder says otherwise', () => {
    expect(placeFromPath(pathParts('cats/1.png'), 'root', false, 'test')).toEqual({
      className: 'cats',
      set: 'test',
    });
  });

  it("takes a flat folder's own name as the class of its pictures", () => {
    expect(placeFromPath(['1.png'], 'cats', true, 'train')).toEqual({ className: 'cats', set: 'train' });
  });
});

describe('planning a folder import', () => {
  const draft = {
    ...newDraft(),
    classes: [...newDraft().classes.map((c, i) => ({ ...c, name: ['cats', 'dogs'][i] ?? '' }))],
  };

  it('sends each picture to its class, skipping hidden files, other files and loose pictures', () => {
    const plan = planFolderImport(
      draft,
      'the folder',
      'pets',
      [
        { path: 'cats/1.png', size: 10 },
        { path: 'Dogs/a.JPG', size: 10 },
        { path: 'cats/notes.txt', size: 10 },
        { path: '.DS_Store', size: 10 },
        { path: '__MACOSX/cats/._1.png', size: 10 },
        { path: 'loose.png', size: 10 },
        { path: 'test/dogs/b.jpg', size: 10 },
      ],
      'train',
    );
    expect(plan).toEqual({
      files: [
        { file: 0, className: 'cats', set: 'train' },
        { file: 1, className: 'Dogs', set: 'train' },
        { file: 6, className: 'dogs', set: 'test' },
      ],
      newClasses: [],
      notPictures: 3,
      outsideClasses: 1,
    });
  });

  it('lists the classes the level does not have', () => {
    const plan = planFolderImport(
      draft,
      'the folder',
      'pets',
      [
        { path: 'birds/1.png', size: 1 },
        { path: 'cats/1.png', size: 1 },
        { path: 'fish/1.png', size: 1 },
        { path: 'birds/2.png', size: 1 },
      ],
      'train',
    );
    expect(plan.newClasses).toEqual(['birds', 'fish']);
  });

  it.each([
    {
      what: 'too many files',
      files: Array.from({ length: FOLDER_LIMITS.files + 1 }, (_, i) => ({ path: `cats/${i}.txt`, size: 1 })),
      message: `the folder holds more than ${FOLDER_LIMITS.files} files (${FOLDER_LIMITS.files + 1} found)`,
    },
    {
      what: 'too many bytes',
      files: [
        { path: 'cats/1.png', size: FOLDER_LIMITS.bytes },
        { path: 'cats/2.png', size: 1 },
      ],
      message: 'The pictures of the folder come to 100 MB; at most 100 MB can be imported at a time.',
    },
  ])('refuses $what, naming the limit', ({ files, message }) => {
    expect(() => planFolderImport(draft, 'the folder', 'pets', files, 'train')).toThrow(message);
  });

  it('refuses more pictures than a level holds, saying how many fit', () => {
    const big = { ...draft, side: 64, channels: 3 as const };
    const files = Array.from({ length: 200 }, (_, i) => ({ path: `cats/${i}.png`, size: 1 }));
    expect(() => planFolderImport(big, 'the folder', 'pets', files, 'train')).toThrow(
      '200 pictures of 64x64 colour pixels do not fit: a level holds at most 2,000,000 pixel values, room for 162 more pictures of this size.',
    );
  });

  it('refuses a class name longer than a level allows', () => {
    const files = [{ path: `${'x'.repeat(81)}/1.png`, size: 1 }];
    expect(() => planFolderImport(draft, 'the folder', 'pets', files, 'train')).toThrow(FolderImportError);
  });

  it('refuses a folder over the limits before its files are listed one by one', () => {
    expect(() => checkFolderSize('"big"', FOLDER_LIMITS.files + 1, 0)).toThrow('"big" holds more than');
    expect(() => checkFolderSize('"ok"', FOLDER_LIMITS.files, FOLDER_LIMITS.bytes)).not.toThrow();
  });
});

describe("making room for a folder's classes", () => {
  const plan = (names: string[]) =>
    planFolderImport(
      newDraft(),
      'the folder',
      'pets',
      names.map((n) => ({ path: `${n}/1.png`, size: 1 })),
      'train',
    );

  it('names the empty classes of a new level after the folders', () => {
    const draft = newDraft();
    const change = classChange(draft, plan(['cats', 'dogs', 'birds']));
    expect(change).toEqual({
      renamed: [
        { index: 0, from: 'A', to: 'cats' },
        { index: 1, from: 'B', to: 'dogs' },
      ],
      added: ['birds'],
    });
    if ('refused' in change) throw new Error(change.refused);
    expect(applyClassChange(draft, change).classes.map((c) => c.name)).toEqual(['cats', 'dogs', 'birds']);
  });

  it('keeps a class that has pictures and adds the new ones after it', () => {
    const draft = updatePictures(newDraft(), 0, 'train', () => [blankPicture(5, 1)]);
    const change = classChange(draft, plan(['cats', 'dogs']));
    expect(change).toEqual({ renamed: [{ index: 1, from: 'B', to: 'cats' }], added: ['dogs'] });
  });

  it('refuses more classes than a level may have, naming them', () => {
    const names = Array.from({ length: 11 }, (_, i) => `c${i}`);
    const change = classChange(newDraft(), plan(names));
    expect(change).toEqual({
      refused: `The level has no class ${names.map((n) => `"${n}"`).join(', ')}, and there is no room to add them: a level has at most 10 classes and this one has 2. Rename the folders to the level's classes, or remove some.`,
    });
  });
});
