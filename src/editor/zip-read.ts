/**
 * Unpacks the pictures of a zip file within limits. A zip's own record of sizes can lie, so the
 * bytes are counted as they come out of the inflater, and unpacking stops as soon as they pass the
 * limit: a zip bomb costs at most the limit and one slice's expansion. Runs in a worker (zip-thread).
 */
import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { FOLDER_LIMITS, FolderImportError, hasImageName, isHiddenPath, pathParts } from './folder-plan';

/** One file of a zip: its path inside it, and its bytes when it was unpacked (pictures only). */
export interface ZipEntry {
  readonly path: string;
  /** Unpacked bytes: present for a picture's file. */
  readonly bytes?: Uint8Array;
  /** Why a picture's file could not be unpacked. */
  readonly error?: string;
}

/** The limits unpacking holds to (FOLDER_LIMITS's by default; tests pass smaller ones). */
export interface ZipLimits {
  readonly files: number;
  readonly bytes: number;
}

/**
 * Input is pushed in slices this small because fflate inflates a whole pushed slice at once, and
 * DEFLATE expands at most about 1032 times: one slice overshoots the byte limit by 16 MB at most.
 */
const PUSH_BYTES = 16 * 1024;

const ZIP_STARTS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** Whether the bytes begin as a zip file does (a first file, or an empty zip's directory). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_STARTS.some((start) => start.every((b, i) => bytes[i] === b));
}

/** One file's chunks as they come out, and whether it finished or failed. */
interface Unpacking {
  readonly path: string;
  readonly chunks: Uint8Array[];
  done: boolean;
  error?: string;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The files of a zip (`name` names it in messages): pictures (by name) unpacked, the others listed
 * unread. Throws a FolderImportError when the zip is not one, or passes a limit (naming it).
 */
export function readZip(name: string, data: Uint8Array, limits: ZipLimits = FOLDER_LIMITS): ZipEntry[] {
  if (!looksLikeZip(data)) throw new FolderImportError(`"${name}" is not a zip file.`);
  const found: { path: string; unpacking?: Unpacking }[] = [];
  let unpacked = 0;
  let failure: FolderImportError | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.endsWith('/') || failure) return;
    if (found.length >= limits.files) {
      failure = new FolderImportError(
        `"${name}" holds more than ${limits.files} files; import at most ${limits.files} at a time.`,
      );
      return;
    }
    const parts = pathParts(file.name);
    if (isHiddenPath(parts) || !hasImageName(file.name)) {
      found.push({ path: file.name });
      return;
    }
    const unpacking: Unpacking = { path: file.name, chunks: [], done: false };
    found.push({ path: file.name, unpacking });
    file.ondata = (error, chunk, final) => {
      if (error) {
        unpacking.error = `"${file.name}" in "${name}" could not be unpacked: it may be damaged.`;
        return;
      }
      unpacking.done = final;
      unpacked += chunk.length;
      if (unpacked > limits.bytes && !failure) {
        failure = new FolderImportError(
          `The pictures in "${name}" unpack to more than ${megabytes(limits.bytes)}; at most ${megabytes(limits.bytes)} can be imported at a time.`,
        );
      }
      if (!failure) unpacking.chunks.push(chunk);
    };
    try {
      file.start();
    } catch {
      unpacking.error = `"${file.name}" in "${name}" is packed in a way this editor cannot unpack.`;
    }
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < data.length; at += PUSH_BYTES) {
    try {
      unzip.push(data.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= data.length);
    } catch {
      throw new FolderImportError(`"${name}" is damaged: it cannot be unpacked.`);
    }
    if (failure) throw failure;
  }
  if (failure) throw failure;
  return found.map(({ path, unpacking }) => {
    if (!unpacking) return { path };
    if (unpacking.error) return { path, error: unpacking.error };
    if (!unpacking.done)
      return { path, error: `"${path}" in "${name}" is cut short: the zip ends inside it.` };
    return { path, bytes: joined(unpacking.chunks) };
  });
}
