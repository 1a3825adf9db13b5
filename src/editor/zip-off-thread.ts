/**
 * Unpacks a zip's pictures in a worker of its own (zip-thread.ts), ended after one answer or after
 * FOLDER_LIMITS.unzipMs, so neither a big zip nor a zip bomb stops the page drawing and answering.
 */
import { FOLDER_LIMITS, FolderImportError } from './folder-plan';
import { readZip, type ZipEntry } from './zip-read';

/** What the page asks the worker: the zip's name (for messages) and its bytes. */
export interface ZipRequest {
  readonly name: string;
  readonly data: ArrayBuffer;
}

/** The worker's answer. */
export type ZipAnswer =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly message: string };

/** The zip's files (pictures unpacked); rejects with a FolderImportError saying why not. */
export async function readZipOffThread(file: Blob & { readonly name: string }): Promise<readonly ZipEntry[]> {
  if (file.size > FOLDER_LIMITS.zipBytes) {
    throw new FolderImportError(
      `"${file.name}" is ${Math.round(file.size / (1024 * 1024))} MB; zips up to ${FOLDER_LIMITS.zipBytes / (1024 * 1024)} MB can be imported.`,
    );
  }
  const data = await file.arrayBuffer();
  if (typeof Worker === 'undefined') return readZip(file.name, new Uint8Array(data));
  const worker = new Worker(new URL('./zip-thread.ts', import.meta.url), { type: 'module' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await new Promise<readonly ZipEntry[]>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new FolderImportError(
              `"${file.name}" took too long to unpack (more than ${FOLDER_LIMITS.unzipMs / 1000} s).`,
            ),
          ),
        FOLDER_LIMITS.unzipMs,
      );
      worker.addEventListener('message', (event: MessageEvent<ZipAnswer>) => {
        const answer = event.data;
        if (answer.ok) resolve(answer.entries);
        else reject(new FolderImportError(answer.message));
      });
      worker.addEventListener('error', (event) =>
        reject(
          new FolderImportError(
            `"${file.name}" could not be unpacked: ${event.message || 'the unpacker stopped'}.`,
          ),
        ),
      );
      const request: ZipRequest = { name: file.name, data };
      worker.postMessage(request, [data]);
    });
  } finally {
    clearTimeout(timer);
    worker.terminate();
  }
}
