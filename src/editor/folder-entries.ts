/**
 * The files of a folder or zip the teacher picked or dropped, listed with their paths below it and
 * their sizes, not yet read: a picked folder (`<input webkitdirectory>`), a dropped folder (walked
 * through DataTransferItem.webkitGetAsEntry, stopping at the limit on files), or a zip (unpacked
 * in a worker).
 */
import { checkFolderSize, FOLDER_LIMITS, type FoundFile } from './folder-plan';
import { readZipOffThread } from './zip-off-thread';

/** A file to read as a picture: a Blob with a name for messages. */
export type NamedBlob = Blob & { readonly name: string };

/** What a folder or zip holds, ready to plan (folder-plan) and read. */
export interface FolderSource {
  /** Names it in messages: '"pets"', '"pets.zip"'. */
  readonly what: string;
  /** The folder's (or zip's) own name: the class of a flat folder's pictures. */
  readonly rootName: string;
  readonly files: readonly FoundFile[];
  /** The file at `index` of `files`, to read. */
  readonly open: (index: number) => NamedBlob;
  /** Sentences for the pictures that could not be unpacked from a zip. */
  readonly unreadable: readonly string[];
}

function source(
  what: string,
  rootName: string,
  found: readonly { path: string; file: NamedBlob }[],
): FolderSource {
  return {
    what,
    rootName,
    files: found.map((f) => ({ path: f.path, size: f.file.size })),
    open: (index) => found[index]?.file ?? new File([], 'missing'),
    unreadable: [],
  };
}

/** Whether a file is a zip by its name or type (its first bytes are checked when it is read). */
export function isZipFile(file: File): boolean {
  return (
    /\.zip$/i.test(file.name) ||
    file.type === 'application/zip' ||
    file.type === 'application/x-zip-compressed'
  );
}

/** The files of a folder picked with `<input webkitdirectory>`: paths below the folder picked. */
export function folderFromInput(files: readonly File[]): FolderSource {
  const rootName = files[0]?.webkitRelativePath.split('/')[0] ?? '';
  checkFolderSize(`"${rootName}"`, files.length, 0);
  const found = files.map((file) => {
    const parts = (file.webkitRelativePath || file.name).split('/');
    return { path: (parts.length > 1 ? parts.slice(1) : parts).join('/'), file };
  });
  return source(`"${rootName}"`, rootName, found);
}

/** The files of a zip: its pictures unpacked off the page's thread, the rest listed unread. */
export async function folderFromZip(zip: File): Promise<FolderSource> {
  const entries = await readZipOffThread(zip);
  const rootName = zip.name.replace(/\.zip$/i, '');
  const found = entries.map((e) => ({
    path: e.path,
    file: new File(e.bytes ? [e.bytes.slice().buffer as ArrayBuffer] : [], e.path.split('/').pop() ?? e.path),
  }));
  const what = `"${zip.name}"`;
  const unreadable = entries.flatMap((e) => (e.error ? [e.error] : []));
  // Pictures that could not be unpacked are listed as such, not planned as empty files.
  const readable = found.filter((_, i) => !entries[i]?.error);
  return { ...source(what, rootName, readable), unreadable };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/** Every file below the dropped entries, refusing as soon as there are more than the limit allows. */
async function walk(entries: readonly FileSystemEntry[], what: string): Promise<FileSystemFileEntry[]> {
  const files: FileSystemFileEntry[] = [];
  const queue = [...entries];
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    if (entry.isFile) {
      files.push(entry as FileSystemFileEntry);
      checkFolderSize(what, files.length, 0);
      continue;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries gives a directory's entries in batches (100 in Chromium) until an empty one.
    for (let batch = await readBatch(reader); batch.length > 0; batch = await readBatch(reader)) {
      queue.push(...batch);
      checkFolderSize(what, files.length + queue.length, 0);
    }
  }
  return files;
}

/**
 * What a drop holds when it is a folder or a zip, or null when it is only loose files (which the
 * set it was dropped on imports as pictures). Must be called during the drop event: the browser
 * gives a drop's entries only then.
 */
export function folderFromDrop(transfer: DataTransfer): Promise<FolderSource> | null {
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    return entry ? [entry] : [];
  });
  const zips = [...transfer.files].filter(isZipFile);
  if (!entries.some((e) => e.isDirectory)) {
    const [zip] = zips;
    return zip ? folderFromZip(zip) : null;
  }
  const [only] = entries;
  const single = entries.length === 1 && only?.isDirectory ? only : null;
  const rootName = single?.name ?? '';
  const what = single ? `"${single.name}"` : 'the dropped folders';
  return walk(entries, what).then(async (fileEntries) => {
    const prefix = single ? `/${single.name}/` : '/';
    const found = await Promise.all(
      fileEntries.map(async (entry) => ({
        path: entry.fullPath.startsWith(prefix)
          ? entry.fullPath.slice(prefix.length)
          : entry.fullPath.replace(/^\//, ''),
        file: await entryFile(entry),
      })),
    );
    return source(what, rootName, found);
  });
}

/** How many files a folder may hold, for the hint beside the buttons. */
export const MOST_FILES = FOLDER_LIMITS.files;
