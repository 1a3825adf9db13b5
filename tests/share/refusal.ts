import { expect } from 'vitest';
import { SpecError } from '../../src/spec';

/** Runs `read` and returns the SpecError it throws, failing the test if it throws anything else or nothing. */
export function refusal(read: () => unknown): SpecError {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected the input to be refused');
}
