import { readFileSync } from 'node:fs';
import { parseJsonText, SpecError } from '../spec';

/** A problem with one file, reported as `file: message` on one line. */
export class FileError extends Error {}

/** Reads and parses a JSON file with `parse`, turning every failure into a one-line FileError. */
export function readDocument<T>(path: string, parse: (value: unknown) => T): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`;
    throw new FileError(`${path}: ${reason}`);
  }
  try {
    return parse(parseJsonText(text));
  } catch (error) {
    if (error instanceof SpecError) throw new FileError(`${path}: ${error.message}`);
    throw error;
  }
}
