/** Whether progress reaches the browser's storage, and if not, why, in words for the player. */
export type StorageStatus =
  | { readonly state: 'saving' }
  | { readonly state: 'memory-only'; readonly reason: string };

const KEEP_A_COPY = 'Use Export progress to keep a copy.';

/** Why the store fell back to memory, in words for the player. */
export const MEMORY_ONLY_REASONS = {
  missing: `Progress is not being saved: this browser has no storage for it. ${KEEP_A_COPY}`,
  refused: `Progress is not being saved: this browser refused storage. ${KEEP_A_COPY}`,
  blocked:
    'Progress is not being saved: another ConvBlocks tab is still using the old storage. Close the other ConvBlocks tabs and reload this one.',
  newer:
    'Progress is not being saved: a newer ConvBlocks in another tab has upgraded the storage. Reload this page to use it.',
  upgrading:
    'Progress is no longer being saved in this tab: a newer ConvBlocks opened in another tab. Reload this page to keep saving.',
  full: `Progress is not being saved: the browser's storage is full. Free some space and reload. ${KEEP_A_COPY}`,
  closed: `Progress is not being saved: the browser closed the storage (its data may have been cleared). Reload this page. ${KEEP_A_COPY}`,
  writeFailed: `Progress is not being saved: the browser could not write it. ${KEEP_A_COPY}`,
  timeout: `Progress is not being saved: the browser's storage did not answer. Reload the page to try again. ${KEEP_A_COPY}`,
} as const;

/** One of the reasons above. */
export type MemoryOnlyCause = keyof typeof MEMORY_ONLY_REASONS;

function errorName(error: unknown): string {
  return error !== null && typeof error === 'object' && 'name' in error ? String(error.name) : '';
}

/** Why opening the database failed, from the error the browser gave. */
export function openFailureCause(error: unknown): MemoryOnlyCause {
  return errorName(error) === 'VersionError' ? 'newer' : 'refused';
}

/** Why a write failed, from the error the browser gave. */
export function writeFailureCause(error: unknown): MemoryOnlyCause {
  const name = errorName(error);
  if (name === 'QuotaExceededError') return 'full';
  if (name === 'InvalidStateError') return 'closed';
  return 'writeFailed';
}

/** A write the store could not make and did not make at all (an import): nothing changed. */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
}

/** Why an import could not be written, in words for the player. */
export function importFailure(error: unknown): StorageWriteError {
  const why =
    writeFailureCause(error) === 'full'
      ? "the browser's storage is full"
      : `the browser could not write it (${errorName(error) || String(error)})`;
  return new StorageWriteError(`Nothing was imported: ${why}. Everything you had is still here.`);
}
