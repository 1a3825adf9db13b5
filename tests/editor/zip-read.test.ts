import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FolderImportError } from '../../src/editor/folder-plan';
import { looksLikeZip, readZip } from '../../src/editor/zip-read';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('unpacking the pictures of a zip', () => {
  it('unpacks pictures by name and lists the other files unread', () => {
    const zip = zipSync({
      'pets/cats/1.png': bytes('cat picture'),
      'pets/dogs/a.jpg': [bytes('dog picture'), { level: 0 }],
      'pets/readme.txt': bytes('not read'),
      '__MACOSX/pets/._1.png': bytes('hidden'),
    });
    const entries = readZip('pets.zip', zip);
    expect(
      entries.map((e) => [e.path, e.bytes ? new TextDecoder().decode(e.bytes) : (e.error ?? null)]),
    ).toEqual([
      ['pets/cats/1.png', 'cat picture'],
      ['pets/dogs/a.jpg', 'dog picture'],
      ['pets/readme.txt', null],
      ['__MACOSX/pets/._1.png', null],
    ]);
  });

  it('refuses a zip bomb as soon as its pictures unpack past the limit, naming it', () => {
    // 48 MB of zeros pack into about 48 KB; the limit here is 4 MB (the browser test bombs the real one).
    const bomb = zipSync({ 'cats/bomb.png': new Uint8Array(48 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(() => readZip('bomb.zip', bomb, { files: 10, bytes: 4 * 1024 * 1024 })).toThrow(
      'The pictures in "bomb.zip" unpack to more than 4 MB; at most 4 MB can be imported at a time.',
    );
  });

  it('counts what comes out, not what the zip says: a lying size does not get past the limit', () => {
    const zip = zipSync({ 'cats/1.png': new Uint8Array(3 * 1024 * 1024) });
    // Both records of the size (the file's header and the zip's directory) claim 1 byte.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 1, true);
    const central = zip.length - 22 - (46 + 'cats/1.png'.length);
    view.setUint32(central + 24, 1, true);
    expect(() => readZip('liar.zip', zip, { files: 10, bytes: 1024 * 1024 })).toThrow(
      'unpack to more than 1 MB',
    );
  });

  it('refuses more files than the limit, naming it', () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`cats/${i}.txt`, bytes('x')]));
    expect(() => readZip('many.zip', zipSync(files), { files: 5, bytes: 1024 })).toThrow(
      '"many.zip" holds more than 5 files; import at most 5 at a time.',
    );
  });

  it.each([
    { what: 'a file that is not a zip', data: bytes('just text'), message: '"x.zip" is not a zip file.' },
    {
      what: 'a damaged zip',
      data: (() => {
        const zip = zipSync({ 'cats/1.png': new Uint8Array(5000).fill(7) });
        zip.fill(0xff, 40, 60);
        return zip;
      })(),
      message: null,
    },
  ])('refuses $what or marks its picture', ({ data, message }) => {
    if (message) {
      expect(() => readZip('x.zip', data)).toThrow(message);
      return;
    }
    let outcome: unknown;
    try {
      outcome = readZip('x.zip', data)[0]?.error;
    } catch (error) {
      outcome = error;
    }
    expect(outcome instanceof FolderImportError || typeof outcome === 'string').toBe(true);
  });

  it('tells a zip from other files by its first bytes', () => {
    expect(looksLikeZip(zipSync({}))).toBe(true);
    expect(looksLikeZip(bytes('PK'))).toBe(false);
  });
});
