import { deflateSync, Inflate, strToU8 } from 'fflate';
import { SpecError } from '../spec';

/** Raw DEFLATE (RFC 1951, no zlib or gzip header) of UTF-8 text, the compression links use. */

/**
 * Input is pushed in slices this small because fflate inflates a whole pushed slice at once: DEFLATE
 * expands at most about 1032 times, so one slice can overshoot the output cap by about 1 MiB only.
 */
const PUSH_BYTES = 1024;

const FLATE_UNEXPECTED_EOF = 0;

/** Compresses text (as UTF-8) with raw DEFLATE at the strongest level, since links are short. */
export function deflateText(text: string): Uint8Array {
  return deflateSync(strToU8(text), { level: 9 });
}

function inflateFailure(error: unknown, field: string): SpecError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === FLATE_UNEXPECTED_EOF) {
    return new SpecError(field, 'is cut short (its data ends too early): copy the whole link again');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new SpecError(
    field,
    `is damaged (its data cannot be unpacked: ${detail}): copy the whole link again`,
  );
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Inflates raw DEFLATE data into UTF-8 text, giving up as soon as the output passes `maxBytes`, so a
 * decompression bomb costs at most about `maxBytes` + 1 MiB of memory and the time to produce it.
 */
export function inflateText(data: Uint8Array, maxBytes: number, field: string): string {
  // fflate reads no input as no output; a DEFLATE stream always has at least one block.
  if (data.length === 0) throw inflateFailure({ code: FLATE_UNEXPECTED_EOF }, field);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) chunks.push(chunk);
  });
  let final = false;
  for (let at = 0; !final; at += PUSH_BYTES) {
    final = at + PUSH_BYTES >= data.length;
    try {
      inflater.push(data.subarray(at, at + PUSH_BYTES), final);
    } catch (error) {
      throw inflateFailure(error, field);
    }
    if (total > maxBytes) {
      throw new SpecError(
        field,
        `unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MiB, far more than any network or level needs`,
      );
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(joinChunks(chunks, total));
  } catch {
    throw new SpecError(field, 'is damaged (its data is not UTF-8 text): copy the whole link again');
  }
}
