import { SpecError } from '../spec';

/** Runs a read of untrusted input and guarantees that only a SpecError ever escapes. */
export function guarded<T>(field: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpecError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new SpecError(field, `could not be read (${detail})`);
  }
}
