/**
 * The worker that unpacks a zip's pictures: inflating up to 100 MB takes seconds, which on the
 * page's thread would freeze it. One request, one answer; zip-off-thread.ts starts and ends it.
 */
import { FolderImportError } from './folder-plan';
import type { ZipAnswer, ZipRequest } from './zip-off-thread';
import { readZip } from './zip-read';

self.addEventListener('message', (event: MessageEvent<ZipRequest>) => {
  const { name, data } = event.data;
  let answer: ZipAnswer;
  try {
    answer = { ok: true, entries: readZip(name, new Uint8Array(data)) };
  } catch (error) {
    const message = error instanceof FolderImportError ? error.message : `"${name}" could not be unpacked.`;
    answer = { ok: false, message };
  }
  const transfer = answer.ok ? answer.entries.flatMap((e) => (e.bytes ? [e.bytes.buffer] : [])) : [];
  (self as unknown as Worker).postMessage(answer, transfer);
});
