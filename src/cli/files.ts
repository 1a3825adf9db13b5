import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { parseJsonText, SpecError } from '../spec';

/** A problem with one file, reported as `file: message` on one line. */
export class FileError extends Error {}

/**
 * The most bytes read from one file: the browser opens up to 16 Mi characters of text
 * (SHARE_LIMITS.textChars, which the command line may not import), at most 4 bytes each.
 */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** The browser's cap on the characters of an opened file, so both open the same files. */
const MAX_TEXT_CHARS = 16 * 1024 * 1024;

const megabytes = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

/** What a path that is not a regular file is, in words. */
function whatItIs(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const READ_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  EACCES: 'cannot be read: permission denied',
  ENXIO: 'is not a file (a socket or a device)',
  ENOTDIR: 'no such file (part of its path is a file, not a folder)',
};

/**
 * Reads a whole file as UTF-8 text, refusing anything but a regular file and anything over the size
 * cap before a byte is read: `/dev/zero` never ends and a named pipe blocks until someone writes to
 * it, so the file is opened without blocking and checked by what it is, not by its name.
 */
export function readText(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    throw new FileError(`${path}: ${READ_REASONS[code] ?? `cannot be read (${code})`}`);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw new FileError(`${path}: is a folder`);
    if (!stats.isFile()) throw new FileError(`${path}: is not a file (${whatItIs(stats)})`);
    const tooBig = (bytes: number) =>
      new FileError(
        `${path}: is ${megabytes(bytes)} MB, more than the ${megabytes(MAX_FILE_BYTES)} MB a network or level file may have`,
      );
    if (stats.size > MAX_FILE_BYTES) throw tooBig(stats.size);
    // The file may still grow while it is read: read at most one byte past the cap to notice.
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_FILE_BYTES) throw tooBig(length);
    const text = buffer.toString('utf8', 0, length);
    if (text.length > MAX_TEXT_CHARS) {
      throw new FileError(
        `${path}: is ${text.length} characters long, more than the ${MAX_TEXT_CHARS} a network or level file may have`,
      );
    }
    return text;
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and parses a JSON file with `parse`, turning every failure into a one-line FileError.
 * Surrounding white space and a byte order mark are dropped first, as the browser does.
 */
export function readDocument<T>(path: string, parse: (value: unknown) => T): T {
  const text = readText(path).trim();
  try {
    return parse(parseJsonText(text));
  } catch (error) {
    if (error instanceof SpecError) throw new FileError(`${path}: ${error.message}`);
    throw error;
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'part of its path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
};

const cannotWrite = (path: string, error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
  return new FileError(`${path}: cannot be written: ${WRITE_REASONS[code] ?? `(${code})`}`);
};

/**
 * Checks that `path` can be written (its folder exists, it is not a folder, a pipe or a device), so
 * a long training run is not wasted on an output that fails at the end.
 */
export function checkWritable(path: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(path, error);
  }
  if (stats?.isDirectory()) throw new FileError(`${path}: cannot be written: it is a folder`);
  if (stats && !stats.isFile()) throw new FileError(`${path}: cannot be written: it is ${whatItIs(stats)}`);
  try {
    if (!statSync(dirname(path)).isDirectory())
      throw new FileError(`${path}: cannot be written: ${WRITE_REASONS.ENOTDIR}`);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw cannotWrite(path, error);
  }
}

/**
 * Writes `text` (or bytes) to `path` through a temporary file beside it, so a failed write (a full disk)
 * leaves any file already there whole; every failure becomes a one-line FileError.
 */
export function writeText(path: string, text: string | Uint8Array): void {
  checkWritable(path);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was created, or it is gone already: the write's own failure is what matters.
    }
    throw cannotWrite(path, error);
  }
}
