/**
 * Issue 18, failure 5: the localStorage note of the last workbench edit is the only copy while
 * IndexedDB cannot take it; it is deleted only once IndexedDB confirmed the write.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalEdit, recoverEdit } from '../../src/app/edit-journal';
import { instrumentedFactory } from '../storage/fault-factories';
import { openTestStore, sampleNetwork } from '../storage/helpers';

/** A localStorage kept in a Map, as the page's own would be. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

let local: MemoryStorage;
beforeEach(() => {
  local = new MemoryStorage();
  Object.assign(globalThis, { localStorage: local });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
});

describe('the edit journal at start-up', () => {
  it('keeps the note when IndexedDB could not write the edit', async () => {
    const { factory, fillUp } = instrumentedFactory(new IDBFactory());
    const store = await openTestStore(factory);
    journalEdit('x-vs-o', sampleNetwork({ name: 'the only copy' }));
    fillUp();
    await recoverEdit(store);
    expect(local.items.size).toBe(1);
  });

  it('keeps the note when storage is memory-only', async () => {
    const store = await openTestStore(undefined);
    journalEdit('x-vs-o', sampleNetwork({ name: 'the only copy' }));
    await recoverEdit(store);
    expect(local.items.size).toBe(1);
  });

  it('clears the note once the edit is in IndexedDB', async () => {
    const factory = new IDBFactory();
    const store = await openTestStore(factory);
    journalEdit('x-vs-o', sampleNetwork({ name: 'safe now' }));
    await recoverEdit(store);
    const reopened = await openTestStore(factory);
    expect([local.items.size, reopened.workspace('x-vs-o')?.name]).toEqual([0, 'safe now']);
  });
});
