import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openDatabase, type StoreName } from '../../src/storage';
import { openTestStore } from './helpers';
import { OLD_DATABASES, packRows } from './old-databases';

const versions = Array.from({ length: DB_VERSION }, (_, i) => i + 1);

/** Builds a database exactly as schema `version` left it, holding that version's rows. */
async function databaseAt(version: number): Promise<IDBFactory> {
  const factory = new IDBFactory();
  const db = await openDatabase(factory, DB_NAME, version);
  const old = OLD_DATABASES[version];
  for (const [store, rows] of Object.entries(old?.rows ?? {}) as [StoreName, unknown[]][]) {
    const tx = db.transaction(store, 'readwrite');
    for (const row of rows) await tx.store.put(row as never);
    await tx.done;
  }
  db.close();
  return factory;
}

describe('upgrading an older database', () => {
  it('has a filled database for every schema version up to the current one', () => {
    expect(Object.keys(OLD_DATABASES).map(Number)).toEqual(versions);
  });

  it.each(versions)('opens a version-%i database at the current version', async (version) => {
    const factory = await databaseAt(version);
    await openTestStore(factory);
    const db = await openDatabase(factory, DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it.each(versions)('loses nothing a version-%i database held', async (version) => {
    const store = await openTestStore(await databaseAt(version));
    const { kind, version: _version, exportedAt, ...held } = store.exportBackup();
    expect(held).toEqual(OLD_DATABASES[version]?.expected);
  });

  it('reads back the packs a version-4 database held, each under its fingerprint', async () => {
    const store = await openTestStore(await databaseAt(4));
    expect(store.packs().map((p) => [p.id, p.pack.title, p.pack.levels.length])).toEqual(
      packRows.map((row) => [row.id, 'Slashes for 3B', 1]),
    );
  });

  it('opens a version-3 database with no packs', async () => {
    const store = await openTestStore(await databaseAt(3));
    expect(store.packs()).toEqual([]);
  });

  it.each(versions)('reads every record of a version-%i database as valid', async (version) => {
    const store = await openTestStore(await databaseAt(version));
    expect(store.skipped).toEqual([]);
  });
});
