/** Every input of the storage and link corpus is refused with a message or keeps everything. */
import { describe, expect, it } from 'vitest';
import { STORAGE_CORPUS } from './hostile-corpus';

describe('the storage and link corpus', () => {
  it.each(STORAGE_CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, hostile) => {
    const outcome = await hostile.run();
    expect(outcome.kind, JSON.stringify(outcome)).not.toBe('lost');
  });
});
